/**
 * The desk API contract: every method the UI may call, joined from the areas. Imported by the
 * renderer for types and schemas, so it and everything it imports stay free of Node imports.
 * The handlers live beside each contract in `db/<area>/methods.ts` and are joined in
 * `db/handlers.ts`, which fails to compile if a method here has no handler.
 */
import type { z } from 'zod';
import type { DeskResult, MethodContract } from './contract';
import { customersContract } from './customers/contract';
import { partsContract } from './parts/contract';
import { printContract } from './print/contract';
import { sessionContract, setupContract, staffContract } from './staff/contract';
import { appContract, storeContract } from './store/contract';
import { backupContract } from './storage/contract';
import { syncContract } from './sync/contract';
import { ticketsContract } from './tickets/contract';

export const deskApi = {
  ...appContract,
  ...sessionContract,
  ...setupContract,
  ...staffContract,
  ...storeContract,
  ...customersContract,
  ...partsContract,
  ...printContract,
  ...ticketsContract,
  ...syncContract,
  ...backupContract,
} satisfies Record<string, MethodContract>;

export type DeskApi = typeof deskApi;
export type MethodName = keyof DeskApi;
export type MethodInput<M extends MethodName> = z.input<DeskApi[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<DeskApi[M]['input']>;
export type MethodResult<M extends MethodName> = Exclude<DeskApi[M]['result'], undefined>;

/** Events the app pushes to the renderer: `<area>.changed` after a mutating call commits. */
export const DESK_EVENTS = ['session.changed', 'setup.changed', 'staff.changed', 'store.changed', 'customers.changed', 'parts.changed', 'print.changed', 'tickets.changed', 'sync.changed', 'backup.changed'] as const;
export type DeskEvent = (typeof DESK_EVENTS)[number];

/**
 * The bridge the renderer talks to. The Electron preload and the browser-host client both
 * `satisfies` it (STYLE.md §1); `renderer/desk.ts` picks one at start.
 */
export type DeskBridge = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<DeskResult<MethodResult<M>>>;
  on(event: DeskEvent, listener: () => void): () => void;
};

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(deskApi, name);
}

export function areaOf(name: MethodName): string {
  return name.slice(0, name.indexOf('.'));
}

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
