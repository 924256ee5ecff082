/**
 * The change feed (docs/SYNC.md §2.4). `lockFeed` takes the feed_head row lock at the start of a write
 * transaction and holds it to commit, so server_seq is handed out in commit order: a reader of
 * `server_seq > cursor` can never see seq 12 committed while seq 11 is still in flight and skip it
 * (the out-of-order commit problem of sequences, [G1]). At our scale (hundreds of stores, ≤ 5 PCs
 * each, pushes of ≤ 1,000 changes) serialising the writes costs little.
 */
import { sql, type Transaction } from 'kysely';
import type { RecordState } from '../db/sync/protocol';
import type { HqDB } from './db/schema';
import { stateText } from './state-json';
import { textList } from './text-list';

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
  /** The working record (states.ts) whose state this row carries; batchStatement finds each record's last row by it. */
  keep: object | null;
};

export async function lockFeed(trx: Transaction<HqDB>): Promise<number> {
  const row = await sql<{ lastSeq: number }>`SELECT last_seq FROM feed_head WHERE id = 1 FOR UPDATE`.execute(trx);
  return row.rows[0]!.lastSeq;
}

/** The CTE body that takes `n` server_seqs from feed_head: `base` + 1 … `base` + n are the batch's. */
export const takeSeqs = (n: number) =>
  sql`UPDATE feed_head SET last_seq = last_seq + ${n} WHERE id = 1 RETURNING last_seq - ${n} AS base`;

/**
 * A batch's feed rows as the column arrays `feedRows` reads back with unnest: PostgreSQL reads
 * plain arrays of text faster than the same rows as a JSON document of objects, for which
 * json_to_recordset builds a key lookup per object (100,000 rows: 0.5 s against 0.8–0.9 s, most of
 * a push's parse time under the feed lock). `states` holds each state as JSON text.
 */
export type FeedColumns = {
  txIds: string[];
  originReplicas: Array<string | null>;
  originSeqs: Array<number | null>;
  entities: string[];
  entityIds: string[];
  states: string[];
  scopes: string[];
  customerRefs: Array<string | null>;
  altered: boolean[];
};

export function feedColumns(rows: ReadonlyArray<FeedRow>): FeedColumns {
  const cols: FeedColumns = {
    txIds: [],
    originReplicas: [],
    originSeqs: [],
    entities: [],
    entityIds: [],
    states: [],
    scopes: [],
    customerRefs: [],
    altered: [],
  };
  for (const row of rows) {
    cols.txIds.push(row.txId);
    cols.originReplicas.push(row.originReplica);
    cols.originSeqs.push(row.originSeq);
    cols.entities.push(row.entity);
    cols.entityIds.push(row.entityId);
    cols.states.push(stateText(row.state));
    cols.scopes.push(row.scope);
    cols.customerRefs.push(row.customerRef);
    cols.altered.push(row.altered);
  }
  return cols;
}

/**
 * A query of the batch's feed rows, named `batch_feed` where it is used, with change_feed's column
 * names: `ord` is a row's place in the batch (its server_seq is the head's base + ord), and
 * `state` is parsed once here.
 */
export const feedRows = (cols: FeedColumns) => sql`
  SELECT ord, tx_id, origin_replica, origin_seq, entity, entity_id, state::json AS state, scope, customer_ref, altered
  FROM unnest(${textList(cols.txIds)}, ${textList(cols.originReplicas)}, ${cols.originSeqs}::bigint[], ${textList(cols.entities)}, ${textList(cols.entityIds)},
    ${textList(cols.states)}, ${textList(cols.scopes)}, ${textList(cols.customerRefs)}, ${cols.altered}::boolean[])
    WITH ORDINALITY AS u(tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered, ord)`;

/** Inserts the rows of `batch_feed` (a `feedRows` query) numbered from `head` (`takeSeqs`). */
export const insertFeedRows = sql`
  INSERT INTO change_feed (server_seq, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered)
  SELECT head.base + ord, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered FROM batch_feed, head`;

/**
 * Adds each customer-scoped row of `batch_feed` to `customer_feed` once per store linked to its
 * customer, so a store's pull reads its customers' rows as one index range (migration 0010; pull.ts).
 * Links made later add the rows written before them themselves (0010's trigger). Every statement
 * that runs `insertFeedRows` runs this beside it.
 */
export const fanOutCustomerRows = sql`
  INSERT INTO customer_feed (store_id, server_seq, customer_id)
  SELECT l.store_id, head.base + b.ord, b.customer_ref FROM batch_feed b
  CROSS JOIN LATERAL (SELECT store_id FROM customer_link WHERE customer_id = b.customer_ref) l, head
  WHERE b.scope = 'customer'`;

/** Appends rows to the feed, numbered from feed_head in the same statement (the caller holds the feed lock). */
export async function appendFeed(trx: Transaction<HqDB>, rows: ReadonlyArray<FeedRow>): Promise<void> {
  if (rows.length === 0) return;
  await sql`WITH head AS (${takeSeqs(rows.length)}), batch_feed AS MATERIALIZED (${feedRows(feedColumns(rows))}),
    fanned AS (${fanOutCustomerRows}) ${insertFeedRows}`.execute(trx);
}
