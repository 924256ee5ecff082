/**
 * Head office's PostgreSQL tables (Kysely types; snake_case columns through CamelCasePlugin).
 * Records of every entity are kept generically as merged states (`entity_state`), so head office
 * carries every table the stores add without a migration here per table: the merge rules come from
 * the synced entities (headoffice/entities.ts).
 */
import type { ColumnType, Generated } from 'kysely';
import type { RecordState } from '../../db/sync/protocol';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Has a database default (now()). */
type Stamped = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type HqDB = {
  serverMeta: { key: string; value: string };
  hqStore: {
    id: string;
    code: string;
    name: string;
    createdAt: Stamped;
    /** migration 0013: where it is, the IANA time zone its counters keep, open or closed. */
    address: ColumnType<string, string | undefined, string>;
    timeZone: ColumnType<string, string | undefined, string>;
    status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
    updatedAt: Stamped;
  };
  device: {
    id: string;
    storeId: string;
    name: string;
    status: 'active' | 'revoked';
    refreshHash: string;
    createdAt: Stamped;
    revokedAt: Timestamp | null;
    lastSeenAt: Timestamp | null;
    /** The counter number the PC was set up with (migration 0008); null for PCs enrolled before it. */
    counterNo: number | null;
    /** What the PC said on its last push or pull (migration 0013); null until it reports. */
    appVersion: ColumnType<string | null, string | null | undefined, string | null>;
    pendingChanges: ColumnType<number | null, number | null | undefined, number | null>;
    /** The PC's clock minus head office's, measured when it reported. */
    clockOffsetMs: ColumnType<number | null, number | null | undefined, number | null>;
    reportedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    /** Retired: revoked for good and hidden from the default list. */
    retiredAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  };
  enrollmentCode: {
    codeHash: string;
    storeId: string;
    expiresAt: Timestamp;
    usedAt: Timestamp | null;
    deviceId: string | null;
    createdAt: Stamped;
  };
  replica: {
    id: string;
    deviceId: string;
    storeId: string;
    lastAppliedSeq: number;
    pullCursor: number;
    createdAt: Stamped;
    lastPushAt: Timestamp | null;
    lastPullAt: Timestamp | null;
  };
  feedHead: { id: number; lastSeq: number };
  changeFeed: {
    serverSeq: number;
    txId: string;
    originReplica: string | null;
    originSeq: number | null;
    entity: string;
    entityId: string;
    state: Json<RecordState>;
    scope: string;
    customerRef: string | null;
    altered: boolean;
    receivedAt: Stamped;
  };
  entityState: {
    entity: string;
    entityId: string;
    state: Json<RecordState>;
    ownerStoreId: string | null;
    scope: string;
    customerRef: string | null;
    /** A customer phone's digits (migration 0004), null for other records. */
    phoneDigits: string | null;
    updatedSeq: number;
    updatedAt: Stamped;
  };
  /** One row per push request (migration 0006): change_ids[k] and statuses[k] are seq first_seq + k - 1. */
  pushBatch: { replicaId: string; firstSeq: number; lastSeq: number; changeIds: string[]; statuses: string[] };
  /** A view of push_batch, one row per change (read-only). */
  pushLog: { replicaId: string; seq: number; changeId: string; status: string };
  customerLink: { customerId: string; storeId: string; linkedAt: Stamped };
  /** A customer-scoped feed row, once per store linked to its customer (migration 0010). */
  customerFeed: { storeId: string; serverSeq: number; customerId: string };
  rejectedChange: {
    id: Generated<number>;
    replicaId: string | null;
    deviceId: string | null;
    storeId: string | null;
    seq: number | null;
    changeId: string;
    entity: string;
    entityId: string;
    op: string;
    fields: Json<Record<string, unknown>>;
    code: string;
    reason: string;
    receivedAt: Stamped;
  };
  conflictLog: {
    id: Generated<number>;
    entity: string;
    entityId: string;
    field: string;
    winnerValue: Json<unknown>;
    winnerHlc: string;
    loserValue: Json<unknown>;
    loserHlc: string;
    loserReplica: string | null;
    loggedAt: Stamped;
  };
  clockSkew: {
    id: Generated<number>;
    replicaId: string;
    changeId: string;
    hlc: string;
    restamped: string;
    skewMs: number;
    loggedAt: Stamped;
  };
  /** The last change each replica made before it enrolled (migration 0012): up to it, a head-office record is offered. */
  joinStandalone: { replicaId: string; storeId: string; deviceId: string; throughSeq: number; enrolledAt: Stamped };
  /** A store's record of head office's kinds made while standalone, offered for review (migration 0012). */
  joinOffer: {
    id: string;
    storeId: string;
    deviceId: string | null;
    entity: string;
    entityId: string;
    label: string;
    fields: ColumnType<Record<string, unknown>, string, string>;
    status: 'pending' | 'accepted' | 'mapped' | 'dropped';
    mappedTo: string | null;
    decidedBy: string | null;
    decidedAt: Timestamp | null;
    reason: string;
    offeredAt: Stamped;
  };
  duplicateFlag: {
    id: Generated<number>;
    digits: string;
    customerA: string;
    customerB: string;
    flaggedAt: Stamped;
    resolvedAt: Timestamp | null;
  };
  hqStaff: {
    id: string;
    username: string;
    displayName: string;
    role: 'admin' | 'quality' | 'catalogue' | 'auditor';
    passwordHash: string;
    disabledAt: Timestamp | null;
    createdAt: Stamped;
    passwordChangedAt: Stamped;
  };
  hqSession: { tokenHash: string; staffId: string; createdAt: Timestamp; lastSeenAt: Timestamp; expiresAt: Timestamp };
  loginFailure: { username: string; failures: number; firstFailedAt: Timestamp; lockedUntil: Timestamp | null };
  consoleAudit: {
    id: Generated<number>;
    at: Stamped;
    staffId: string | null;
    username: string;
    action: string;
    target: string;
    before: Json<unknown> | null;
    after: Json<unknown> | null;
  };
  /** migration 0014: app releases and their rollout (docs/architecture/updates.md). */
  updateRelease: {
    version: string;
    uploadedAt: Stamped;
    storeCodes: ColumnType<string[], string[] | undefined, string[]>;
    percent: ColumnType<number, number | undefined, number>;
    paused: ColumnType<boolean, boolean | undefined, boolean>;
    updatedAt: Stamped;
  };
  updateFeed: { version: string; platform: 'win' | 'linux'; channelFile: string; channelText: string };
  updateFile: { platform: 'win' | 'linux'; name: string; version: string; size: number; sha512: string };
  /** migration 0017: the progress page's counted tries (headoffice/progress/limits.ts). */
  progressAttempt: { id: Generated<number>; bucket: 'address' | 'number'; keyHash: string; at: Timestamp };
  /** migration 0016: the sender's record of each customer message (docs/architecture/sms-gateway.md). */
  smsOutbox: {
    messageId: string;
    storeId: string;
    ticketId: string;
    event: string;
    phoneDigits: string;
    notBefore: Timestamp;
    status: ColumnType<SmsOutboxStatus, SmsOutboxStatus | undefined, SmsOutboxStatus>;
    attempts: ColumnType<number, number | undefined, number>;
    nextAttemptAt: Timestamp;
    claimedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    claimedBy: ColumnType<string | null, string | null | undefined, string | null>;
    unsure: ColumnType<boolean, boolean | undefined, boolean>;
    provider: ColumnType<string, string | undefined, string>;
    providerMessageId: ColumnType<string, string | undefined, string>;
    lastError: ColumnType<string, string | undefined, string>;
    sentAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    deliveredAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    createdAt: Stamped;
    updatedAt: Stamped;
  };
  /** Provider callbacks already applied (migration 0016), so a repeated one is applied once. */
  smsInbound: { provider: string; kind: 'report' | 'reply'; key: string; receivedAt: Stamped };
  /** migration 0018: the provider's approved template per message event (headoffice/sms/templates.ts). */
  smsTemplate: { event: string; templateCode: string; updatedBy: string; updatedAt: Stamped };
  /** migration 0018: when the next gateway call may start, shared by every head-office process. */
  smsRate: { provider: string; nextCallAt: Date };
};

export type SmsOutboxStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'cancelled';
