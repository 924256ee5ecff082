/** Sync tables on the counter PC (migration 0005), joined into the DB type in db/schema.ts. */
export type SyncRejectedTable = {
  seq: number;
  changeId: string;
  entity: string;
  entityId: string;
  op: string;
  /** JSON of the refused change's fields. */
  fields: string;
  code: string;
  staffId: string | null;
  createdAt: string;
  rejectedAt: string;
};

/** `kind`: see migration 0012; `reason`, `dependsOn`: migration 0015. */
export type PendingUnknownTable = {
  entity: string;
  entityId: string;
  field: string;
  value: string | null;
  hlc: string;
  receivedAt: string;
  kind: 'unknown' | 'refused';
  reason: KeptReason | null;
  dependsOn: string | null;
};

export type KeptReason = 'duplicate' | 'incomplete' | 'depends';

export type SyncTables = { syncRejected: SyncRejectedTable; pendingUnknown: PendingUnknownTable };
