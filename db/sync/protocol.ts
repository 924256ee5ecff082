/**
 * The wire protocol between a counter PC and head office (docs/SYNC.md §2.3–2.4, §2.9). Plain types and
 * constants only: the device engine (db/sync/) and the server (headoffice/) both import this file,
 * so the two sides cannot drift.
 */

/** What a change does to its record; append-only entities take only `insert` and `append`. */
export const CHANGE_OPS = ['insert', 'update', 'delete', 'append'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export const PROTOCOL_VERSION = 1;
/** The oldest device schema the server still accepts (docs/SYNC.md §2.8); older devices get 426. */
export const MIN_SUPPORTED_SCHEMA = 1;

/** docs/SYNC.md §2.3: at most 256 KB gzipped or 1,000 changes per push; we bound the raw JSON, stricter. */
export const PUSH_MAX_CHANGES = 1000;
export const PUSH_MAX_BYTES = 512 * 1024;
/** A pull page: bounded by bytes, ends on an origin-transaction boundary. */
export const PULL_MAX_BYTES = 512 * 1024;
/**
 * How far a stamp may run ahead of head office's clock (docs/SYNC.md §2.6, F8): head office re-stamps a
 * change stamped further ahead, a PC's clock refuses to jump that far on a received stamp, and a
 * local stamp that far ahead loses on the PC as it did at head office.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * One record's key where both sides keep records in maps (prefetched rows, head office's states):
 * entity and id joined by NUL, which neither contains (db/fields.ts refuses it in text).
 */
export const recordKey = (entity: string, entityId: string): string => `${entity}\u0000${entityId}`;
/** The field name under which a tombstone's stamp is kept (row_clock, pending_unknown, states). */
export const TOMBSTONE_FIELD = '~deleted';
/** A snapshot page's position (`after`, `nextAfter`): the last record's entity and id. */
export const snapshotPosition = (entity: string, entityId: string): string => `${entity}\u0001${entityId}`;
export function parseSnapshotPosition(after: string | null | undefined): readonly [entity: string, entityId: string] {
  if (!after) return ['', ''];
  const cut = after.indexOf('\u0001');
  return cut < 0 ? [after, ''] : [after.slice(0, cut), after.slice(cut + 1)];
}
/** The server refuses bodies above this (docs/SYNC.md F22: batches are bounded far below it). */
export const SERVER_BODY_LIMIT = 8 * 1024 * 1024;

/** One outbox row as pushed. */
export type WireChange = {
  seq: number;
  changeId: string;
  txId: string;
  entity: string;
  entityId: string;
  op: ChangeOp;
  fields: Record<string, unknown>;
  hlc: string;
  staffId: string | null;
  createdAt: string;
  schemaVersion: number;
};

export type PushRequest = {
  protocol: number;
  replicaId: string;
  schemaVersion: number;
  appVersion: string;
  changes: WireChange[];
};

/**
 * `offered`: a head-office kind of record the store made while it worked standalone, before it
 * enrolled; head office keeps it as a join offer for review instead of refusing it.
 */
export type PushStatus = 'applied' | 'superseded' | 'rejected' | 'offered';
export type PushResult = { seq: number; status: PushStatus; code?: string };

export type PushResponse = {
  lastAppliedSeq: number;
  results: PushResult[];
  serverTime: string;
  serverEpoch: string;
};

/**
 * A record's merged state as head office holds it: every field with the HLC that set it, and the
 * tombstone's HLC once deleted. Feed rows, snapshot rows and the merge functions all use it.
 */
export type RecordState = {
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  deleted: string | null;
};

/** One row of the change feed or of a snapshot page: the whole record state after a change. */
export type FeedRecord = {
  serverSeq: number;
  txId: string;
  entity: string;
  entityId: string;
  state: RecordState;
};

export type PullResponse = {
  changes: FeedRecord[];
  nextCursor: string;
  hasMore: boolean;
  serverTime: string;
  serverEpoch: string;
  /** The replica's lastAppliedSeq as the server knows it (docs/SYNC.md F17: detects a restored server). */
  lastAppliedSeq: number;
  /** Set when the cursor cannot be served: the client does a replacement sync (docs/SYNC.md §2.4). */
  reset?: { reason: 'epoch_changed' | 'behind_horizon' | 'bad_cursor' };
};

export type SnapshotResponse = {
  /** Pull from here once every entity is paged through. */
  cursor: string;
  entity: string;
  records: FeedRecord[];
  /** Keyset: pass as `after` for the next page of this entity; null when this entity is done. */
  nextAfter: string | null;
  serverTime: string;
  serverEpoch: string;
};

/**
 * `counterNo`: the counter number the PC was set up with (older PCs do not send it).
 * `standaloneThroughSeq`: on a PC never enrolled before, its last change so far (a wire seq):
 * head-office records among the changes up to it were made while the store worked standalone and
 * are offered to head office for review rather than refused.
 */
export type EnrollRequest = {
  code: string;
  replicaId: string;
  storeCode: string;
  deviceName: string;
  counterNo?: number;
  standaloneThroughSeq?: number;
};
export type EnrollResponse = {
  deviceId: string;
  refreshSecret: string;
  storeId: string;
  storeCode: string;
  serverEpoch: string;
};
export type TokenRequest = { deviceId: string; refreshSecret: string };
export type TokenResponse = { accessToken: string; expiresAt: string; serverTime: string };

/** Errors travel as `{ error, message, ... }` with these codes. */
export type SyncErrorCode =
  | 'seq_gap'
  | 'replica_forked'
  | 'replica_unknown'
  | 'upgrade_required'
  | 'token_expired'
  | 'unauthorized'
  | 'device_revoked'
  | 'enroll_code_invalid'
  | 'store_mismatch'
  | 'counter_taken'
  | 'bad_request'
  | 'unavailable';

/** The active PC that already holds a counter number (`counter_taken`), for the refusal to name. */
export type CounterHolder = {
  deviceId: string;
  name: string;
  counterNo: number;
  enrolledAt: string;
  lastSeenAt: string | null;
};

/** `codeStore`: with `store_mismatch`, the store the enrollment code was issued for; `holder`: with `counter_taken`. */
export type SyncErrorBody = {
  error: SyncErrorCode;
  message: string;
  expectedSeq?: number;
  minVersion?: number;
  codeStore?: string;
  holder?: CounterHolder;
};

export function formatCursor(epoch: string, serverSeq: number): string {
  return `${epoch}:${serverSeq}`;
}

export function parseCursor(cursor: string): { epoch: string; serverSeq: number } | null {
  const match = /^([0-9a-z-]+):(\d+)$/.exec(cursor);
  if (!match) return null;
  return { epoch: match[1]!, serverSeq: Number(match[2]) };
}
