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

/** Hands out the next server_seqs to `rows` (the caller holds the feed lock). */
async function numberFeed(trx: Transaction<HqDB>, rows: ReadonlyArray<FeedRow>): Promise<number[]> {
  if (rows.length === 0) return [];
  const head = await sql<{ lastSeq: number }>`UPDATE feed_head SET last_seq = last_seq + ${rows.length} WHERE id = 1 RETURNING last_seq`.execute(trx);
  const first = head.rows[0]!.lastSeq - rows.length + 1;
  return rows.map((_, index) => first + index);
}

/** A feed row's columns as json_to_recordset reads them; `order` is its seq (appendFeed) or its place in the batch (saveBatch), `extra` adds the caller's columns. */
export function feedRecord(row: FeedRow, order: number, texts: StateTexts, extra: Readonly<Record<string, unknown>> = {}, orderKey = 's'): string {
  return texts.row({ [orderKey]: order, t: row.txId, o: row.originReplica, q: row.originSeq, e: row.entity, i: row.entityId, c: row.scope, r: row.customerRef, a: row.altered, ...extra }, row.state);
}

export async function appendFeed(trx: Transaction<HqDB>, rows: ReadonlyArray<FeedRow>, texts = new StateTexts()): Promise<void> {
  const seqs = await numberFeed(trx, rows);
  if (seqs.length === 0) return;
  // One JSON document for the whole batch: each state is serialised once, inside it, instead of
  // once on its own and again escaped into a PostgreSQL array literal (state-json.ts).
  const records = rows.map((row, index) => feedRecord(row, seqs[index]!, texts));
  await sql`
    INSERT INTO change_feed (server_seq, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered)
    SELECT s, t, o, q, e, i, j, c, r, a FROM json_to_recordset(${jsonArray(records)}::json)
      AS x(s bigint, t text, o text, q bigint, e text, i text, j json, c text, r text, a boolean)`.execute(trx);
}
