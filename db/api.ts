/**
 * The desk API as the renderer sees it: method names, input and result types, the bridge, and the
 * schemas and types its forms use. The methods themselves are declared once, with their handlers,
 * in each area's table (`db/<area>/methods.ts`, joined in `db/methods.ts`); this module reads their
 * types with `import type`, which the build erases, so it and everything it imports at run time
 * stay free of Node imports.
 */
import type { z } from 'zod';
import type { DeskEvent, DeskResult } from './contract';
import type { DeskMethods, MethodName } from './methods';

export type { DeskMethods, MethodName } from './methods';
export type MethodInput<M extends MethodName> = z.input<DeskMethods[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<DeskMethods[M]['input']>;
export type MethodResult<M extends MethodName> = Awaited<ReturnType<DeskMethods[M]['handler']>>;

export { DESK_EVENTS, type DeskEvent } from './contract';

/**
 * The bridge the renderer talks to. The Electron preload and the browser-host client both
 * `satisfies` it (STYLE.md §1); `renderer/desk.ts` picks one at start.
 */
export type DeskBridge = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<DeskResult<MethodResult<M>>>;
  on(event: DeskEvent, listener: () => void): () => void;
};

export type { DeskError, DeskResult, ErrorCode, FieldIssue } from './contract';
export { errorMessages, type MessageKey } from './messages';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, roleCan, type Role, type Permission } from './staff/roles';
export { TIERS, type Tier, type CustomerDetail, type CustomerSummary, customerCreateSchema, customerUpdateSchema } from './customers/contract';
export { maskPhone } from './customers/phone';
export * from './customers/api-exports';
export * from './parts/contract';
export * from './print/api-exports';
export * from './tickets/api-exports';
export { syncEnrollSchema, type KeptAsideRecord, type SyncEnrollInput, type SyncProblem, type SyncStatus } from './sync/contract';
export { rejectionReasons } from './sync/messages';
export type { BackupSummary, BackupSettingsView, StorageHealth, FolderWarning } from './storage/contract';
export { backupFolderSchema } from './storage/contract';
export type { StaffSummary, SignedInStaff, SessionStatus, SetupInput, StaffCreateInput, StaffUpdateInput } from './staff/contract';
export { setupSchema, staffCreateSchema, staffUpdateSchema } from './staff/contract';
export { storeUpdateSchema, type StoreSettings, type StoreUpdateInput, type AppInfo } from './store/contract';
