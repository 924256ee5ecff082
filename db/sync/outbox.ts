/**
 * Reading the outbox for a push (docs/SYNC.md §2.3): pending rows are those past `last_acked_seq`, in
 * seq order, in batches bounded by count and bytes that never split an origin transaction (unless
 * one transaction alone is larger than the hard limit), so other PCs see it all at once.
 * Wire seqs are local seqs minus `seq_base`: a replica restored from a backup continues as a new
 * replica whose first change is seq 1 (docs/SYNC.md F18).
 */
import { PUSH_MAX_BYTES, PUSH_MAX_CHANGES, type WireChange } from './protocol';
import { getNumber, setState } from './state';
import type { StatementCache } from '../statement-cache';

/** One transaction larger than this is split (and loses all-at-once visibility on other PCs). */
const TX_HARD_LIMIT_CHANGES = 20_000;
const TX_HARD_LIMIT_BYTES = 4 * 1024 * 1024;
/** Acknowledged rows are kept this long for a re-push after head office restores a backup (F17). */
export const ACKED_RETENTION_MS = 7 * 86_400_000;

type LogRow = {
  seq: number;
  change_id: string;
  tx_id: string;
  entity: string;
  entity_id: string;
  op: WireChange['op'];
  fields: string;
  hlc: string;
  staff_id: string | null;
  created_at: string;
  schema_version: number;
};

/** A change on its way to head office: its fields as the JSON text the outbox keeps (push.ts splices it into the request). */
export type PendingChange = Omit<WireChange, 'fields'> & { fieldsJson: string };

/** The change as head office reads it. */
export function wireChange({ fieldsJson, ...change }: PendingChange): WireChange {
  return { ...change, fields: JSON.parse(fieldsJson) as Record<string, unknown> };
}

/** The next batch after `afterWireSeq` (default: the last acknowledged change). */
export function pendingBatch(
  statements: StatementCache,
  {
    maxChanges = PUSH_MAX_CHANGES,
    maxBytes = PUSH_MAX_BYTES,
    afterWireSeq,
  }: { maxChanges?: number; maxBytes?: number; afterWireSeq?: number } = {},
): PendingChange[] {
  const base = getNumber(statements, 'seq_base');
  const after = afterWireSeq === undefined ? getNumber(statements, 'last_acked_seq') : afterWireSeq + base;
  const rows = statements
    .statement('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?')
    .iterate(after, TX_HARD_LIMIT_CHANGES + maxChanges) as IterableIterator<LogRow>;
  const batch: PendingChange[] = [];
  let bytes = 0;
  let openTx: string | null = null;
  for (const row of rows) {
    const full = batch.length >= maxChanges || bytes >= maxBytes;
    const hardFull = batch.length >= TX_HARD_LIMIT_CHANGES || bytes >= TX_HARD_LIMIT_BYTES;
    if ((full && row.tx_id !== openTx) || hardFull) break;
    batch.push({
      seq: row.seq - base,
      changeId: row.change_id,
      txId: row.tx_id,
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      fieldsJson: row.fields,
      hlc: row.hlc,
      staffId: row.staff_id,
      createdAt: row.created_at,
      schemaVersion: row.schema_version,
    });
    bytes += row.fields.length + 220;
    openTx = row.tx_id;
  }
  return batch;
}

export function pendingCount(statements: StatementCache): number {
  const acked = getNumber(statements, 'last_acked_seq');
  return (statements.statement('SELECT count(*) AS n FROM change_log WHERE seq > ?').get(acked) as { n: number }).n;
}

export function lastLocalSeq(statements: StatementCache): number {
  return (statements.statement('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n;
}

/** Marks rows acknowledged through head office's lastAppliedSeq (never from "the request returned"). */
export function markAcked(statements: StatementCache, lastAppliedWireSeq: number, nowIso: string): void {
  const through = lastAppliedWireSeq + getNumber(statements, 'seq_base');
  const acked = getNumber(statements, 'last_acked_seq');
  if (through <= acked) return;
  // One mark for the whole range (migration 0013), not a time on each row.
  statements.statement('INSERT OR REPLACE INTO change_ack (through_seq, acked_at) VALUES (?, ?)').run(through, nowIso);
  setState(statements, 'last_acked_seq', through);
}

/** Head office lost changes it had acknowledged (restored from a backup): push them again. */
export function unackFrom(statements: StatementCache, lastAppliedWireSeq: number): number {
  const through = lastAppliedWireSeq + getNumber(statements, 'seq_base');
  const acked = getNumber(statements, 'last_acked_seq');
  if (through >= acked) return 0;
  const oldest = (
    statements.statement('SELECT coalesce(min(seq), 0) AS n FROM change_log WHERE seq > ?').get(through) as {
      n: number;
    }
  ).n;
  if (oldest !== through + 1) {
    throw new Error(
      `Head office lost changes from ${through + 1} on, but this PC kept only those from ${oldest}: they are past the ${ACKED_RETENTION_MS / 86_400_000}-day retention`,
    );
  }
  // Changes up to `through` stay acknowledged when they were: the mark that covered them is cut back to it.
  const covering = statements
    .statement('SELECT acked_at FROM change_ack WHERE through_seq > ? ORDER BY through_seq LIMIT 1')
    .get(through) as { acked_at: string } | undefined;
  statements.statement('DELETE FROM change_ack WHERE through_seq > ?').run(through);
  if (covering && through > 0)
    statements
      .statement('INSERT OR IGNORE INTO change_ack (through_seq, acked_at) VALUES (?, ?)')
      .run(through, covering.acked_at);
  setState(statements, 'last_acked_seq', through);
  return acked - through;
}

/** Removes changes acknowledged more than the retention ago (by the marks of migration 0013). */
export function pruneAcked(statements: StatementCache, nowMs: number): number {
  const before = new Date(nowMs - ACKED_RETENTION_MS).toISOString();
  const mark = (
    statements
      .statement('SELECT coalesce(max(through_seq), 0) AS n FROM change_ack WHERE acked_at < ?')
      .get(before) as {
      n: number;
    }
  ).n;
  const through = Math.min(mark, getNumber(statements, 'last_acked_seq'));
  if (through <= 0) return 0;
  const removed = statements.statement('DELETE FROM change_log WHERE seq <= ?').run(through).changes;
  statements.statement('DELETE FROM change_ack WHERE through_seq <= ?').run(through);
  return removed;
}

/** A change head office refused, kept for the Sync page (one row per refused change of a push). */
export function recordRejected(statements: StatementCache, row: ReadonlyArray<unknown>): void {
  statements
    .statement(
      'INSERT OR IGNORE INTO sync_rejected (seq, change_id, entity, entity_id, op, fields, code, staff_id, created_at, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(...row);
}

/** How many changes head office refused (the Sync page and the status bar). */
export function rejectedCount(statements: StatementCache): number {
  return (statements.statement('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
}
