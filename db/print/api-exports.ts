/** What the renderer may import of printing (through db/api.ts): schemas, types, constants. No Node imports. */
export * from './forms';
export * from './form-data';
export * from './job';
export * from './signal';
export { printSettingSchema, type PrintHistory, type PrintLogEntry, type PrintSetting, type PrintSettingInput, type PrintRecordInput } from './contract';
export { PRINT_OUTPUTS, PRINT_RESULTS, type PrintOutput, type PrintResult } from './tables';
