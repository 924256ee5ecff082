/**
 * Sync as one desk holds it: the services its engine is built with (entity rules, the areas'
 * hooks) and the engine running on the desk's store, if any. db/desk.ts makes one per desk;
 * startDeskSync (start.ts) puts the engine in and takes it out; the sync page's methods
 * (methods.ts) find it here, so two desks in one process never see each other's engine.
 */
import type { EnrollInput } from './contract';
import type { SyncServices } from './registration';
import type { SyncStatus } from './status';

/** What the sync page's methods ask of a running engine (engine.ts). */
export interface SyncControl {
  status(): SyncStatus;
  online(): void;
  syncNow(): Promise<void>;
  enroll(input: EnrollInput): Promise<void>;
  retryKeptAside(): Promise<{ replayed: number; keptAside: number }>;
}

export type DeskSync = SyncServices & { engine: SyncControl | null };
