/**
 * Table types for the local store, written once in Kysely's way (docs/STYLE.md §9).
 * Columns are snake_case in SQLite and camelCase here through CamelCasePlugin.
 * Nullable columns are `| null`, never optional.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ChargesTables } from './charges/tables';
import type { CustomerFileTables } from './customers/tables';
import type { MessagesTables } from './messages/tables';
import type { PurchasingTables } from './parts/purchasing/tables';
import type { PartsTables } from './parts/tables';
import type { PrintTables } from './print/tables';
import type { SyncTables } from './sync/tables';
import type { EstimateTables } from './tickets/estimates/tables';
import type { TicketTables } from './tickets/tables';
import type { TrainingTables } from './training/tables';
import type { UpdateTables } from './store/update-tables';

export type MetaTable = { key: string; value: string };

/** Sync bookkeeping (docs/SYNC.md §2.2): replica_id, pull_cursor, clock_offset_ms, … */
export type SyncStateTable = { key: string; value: string };

/** The outbox: one row per changed record, written in the same transaction as the change. */
export type ChangeLogTable = {
  seq: Generated<number>;
  changeId: string;
  txId: string;
  entity: string;
  entityId: string;
  op: 'insert' | 'update' | 'delete' | 'append';
  /** JSON of the changed columns only. */
  fields: string;
  hlc: string;
  staffId: string | null;
  schemaVersion: number;
  createdAt: string;
};

/** Acknowledgement marks (migration 0013): every change through `throughSeq` was acknowledged at `ackedAt`. */
export type ChangeAckTable = { throughSeq: number; ackedAt: string };

/** Per-field HLC stamps for entities merged last-writer-wins (customers). */
export type RowClockTable = { entity: string; entityId: string; field: string; hlc: string };

export type StoreTable = {
  id: string;
  code: string;
  name: string;
  counterNo: number;
  phone: string | null;
  address: string | null;
  /** "HH:MM" local time. */
  opensAt: string;
  closesAt: string;
  /** JSON array of ISO weekdays 1 (Mon) … 7 (Sun). */
  workingDays: string;
  idleLockMinutes: number;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

/** Opening hours head office offers (migration 0016): copied into the store's own settings, never followed. */
export type OpeningHoursTemplateTable = {
  id: string;
  name: string;
  opensAt: string;
  closesAt: string;
  /** JSON array of ISO weekdays, as in `store.working_days`. */
  workingDays: string;
  updatedAt: string;
  hlc: string;
};

export type StaffTable = {
  id: string;
  name: string;
  role: string;
  /** scrypt$N$r$p$salt$hash, never the PIN. */
  pinHash: string;
  active: number;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

export type SessionTable = {
  id: string;
  staffId: string;
  startedAt: string;
  lastSeenAt: string;
  endedAt: string | null;
  endReason: string | null;
};

/** This PC's PIN lockout (migration 0014): never synced. `lockedAt` is on the desk's clock. */
export type PinLockoutTable = {
  staffId: string;
  failures: number;
  lockedAt: string | null;
};

export type CustomerTable = {
  id: string;
  name: string;
  tier: 'regular' | 'silver' | 'gold' | 'vip';
  notes: string;
  createdStoreId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  hlc: string;
};

export type CustomerPhoneTable = {
  id: string;
  customerId: string;
  kind: 'mobile' | 'landline';
  /** As entered after normalising: digits, with a dash after a landline's area code. */
  number: string;
  /** Digits only, the search key. */
  digits: string;
  position: number;
  createdAt: string;
  hlc: string;
};

/**
 * The whole database. Each area adds its tables as a map in `db/<area>/tables.ts` and joins it
 * here with one `&` line, so areas never edit each other's types.
 */
export type DB = FoundationTables &
  CustomerFileTables &
  PartsTables &
  PurchasingTables &
  TicketTables &
  EstimateTables &
  PrintTables &
  ChargesTables &
  MessagesTables &
  TrainingTables &
  SyncTables &
  UpdateTables;

type FoundationTables = {
  meta: MetaTable;
  syncState: SyncStateTable;
  changeLog: ChangeLogTable;
  changeAck: ChangeAckTable;
  rowClock: RowClockTable;
  store: StoreTable;
  openingHoursTemplate: OpeningHoursTemplateTable;
  staff: StaffTable;
  session: SessionTable;
  pinLockout: PinLockoutTable;
  customer: CustomerTable;
  customerPhone: CustomerPhoneTable;
};

export type StoreRow = Selectable<StoreTable>;
export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type SessionRow = Selectable<SessionTable>;
export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;
export type CustomerPhoneRow = Selectable<CustomerPhoneTable>;
export type ChangeLogRow = Selectable<ChangeLogTable>;
