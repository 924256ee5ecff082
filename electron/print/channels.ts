/**
 * The print IPC channels, in a module of their own so the preload bundle takes only these strings
 * (the preload imports no runtime code from db/; electron/preload.ts).
 */

/** renderer → main, `invoke(PRINT_RUN_CHANNEL, job)` → `PrintOutcome`. */
export const PRINT_RUN_CHANNEL = 'print:run';
/** renderer → main, `invoke(PRINT_PRINTERS_CHANNEL)` → `PrinterSummary[]`. */
export const PRINT_PRINTERS_CHANNEL = 'print:printers';
