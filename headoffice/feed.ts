/**
 * The change feed (SYNC.md §2.4). `lockFeed` takes the feed_head row lock at the start of a write
 * transaction and holds it to commit, so server_seq is handed out in commit order: a reader of
 * `server_seq > cursor` can never see seq 12 committed while seq 11 is still in flight and skip it
 * (the out-of-order commit problem of sequences, [G1]). At our scale (hundreds of stores, ≤ 5 PCs
 * each, pushes of ≤ 1,000 changes) serialising the writes costs little.
 */
import { sql, type Transaction } from 'kysely';
import type { RecordState } from '../db/sync/protocol';
import type { HqDB } from './db/schema';
import { jsonArray, StateTexts } from './state-json';

export type FeedRow = {
  txId: string;
  originReplica: string | null;
  originSeq: number | null;
  entity: string;
  entityId: string;
  state: RecordState;
  scope: string;
  customerRef: string | null;
  altered: boolean;
  /** The working record (states.ts) whose state this row carries; saveBatch finds each record's last row by it. */
  keep: object | null;
};

export async function lockFeed(trx: Transaction<HqDB>): Promise<number> {
  const row = await sql<{ lastSeq: number }>`SELECT last_seq FROM feed_head WHERE id = 1 FOR UPDATE`.execute(trx);
  return row.rows[0]!.lastSeq;
}

/** The CTE body that takes `n` server_seqs from feed_head: `base` + 1 … `base` + n are the batch's. */
export const takeSeqs = (n: number) => sql`UPDATE feed_head SET last_seq = last_seq + ${n} WHERE id = 1 RETURNING last_seq - ${n} AS base`;

/** A feed row's columns as json_to_recordset reads them: `k` is its place in the batch (its server_seq is head office's last one + k); `extra` adds the caller's columns. */
export function feedRecord(row: FeedRow, k: number, texts: StateTexts, extra: Readonly<Record<string, unknown>> = {}): string {
  return texts.row({ k, t: row.txId, o: row.originReplica, q: row.originSeq, e: row.entity, i: row.entityId, c: row.scope, r: row.customerRef, a: row.altered, ...extra }, row.state);
}

/**
 * Appends rows to the feed, numbered from feed_head in the same statement (the caller holds the
 * feed lock). One JSON document for all of them: each state is serialised once, inside it, instead
 * of once on its own and again escaped into a PostgreSQL array literal (state-json.ts).
 */
export async function appendFeed(trx: Transaction<HqDB>, rows: ReadonlyArray<FeedRow>, texts = new StateTexts()): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((row, index) => feedRecord(row, index + 1, texts));
  await sql`
    WITH head AS (${takeSeqs(rows.length)})
    INSERT INTO change_feed (server_seq, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered)
    SELECT head.base + x.k, t, o, q, e, i, j, c, r, a FROM json_to_recordset(${jsonArray(records)}::json)
      AS x(k bigint, t text, o text, q bigint, e text, i text, j json, c text, r text, a boolean), head`.execute(trx);
}
