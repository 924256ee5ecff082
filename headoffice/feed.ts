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
  /** The working record whose `lastSeq` is set to this row's server_seq. */
  keep: { lastSeq: number } | null;
};

export async function lockFeed(trx: Transaction<HqDB>): Promise<number> {
  const row = await sql<{ lastSeq: number }>`SELECT last_seq FROM feed_head WHERE id = 1 FOR UPDATE`.execute(trx);
  return row.rows[0]!.lastSeq;
}

export async function appendFeed(trx: Transaction<HqDB>, rows: ReadonlyArray<FeedRow>): Promise<void> {
  if (rows.length === 0) return;
  const head = await sql<{ lastSeq: number }>`UPDATE feed_head SET last_seq = last_seq + ${rows.length} WHERE id = 1 RETURNING last_seq`.execute(trx);
  const first = head.rows[0]!.lastSeq - rows.length + 1;
  const seqs: number[] = [];
  const cols = { tx: [] as string[], origin: [] as Array<string | null>, originSeq: [] as Array<number | null>, entity: [] as string[], id: [] as string[], state: [] as string[], scope: [] as string[], ref: [] as Array<string | null>, altered: [] as boolean[] };
  rows.forEach((row, index) => {
    const seq = first + index;
    seqs.push(seq);
    if (row.keep) row.keep.lastSeq = seq;
    cols.tx.push(row.txId);
    cols.origin.push(row.originReplica);
    cols.originSeq.push(row.originSeq);
    cols.entity.push(row.entity);
    cols.id.push(row.entityId);
    cols.state.push(JSON.stringify(row.state));
    cols.scope.push(row.scope);
    cols.ref.push(row.customerRef);
    cols.altered.push(row.altered);
  });
  await sql`
    INSERT INTO change_feed (server_seq, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered)
    SELECT * FROM unnest(${seqs}::bigint[], ${cols.tx}::text[], ${cols.origin}::text[], ${cols.originSeq}::bigint[], ${cols.entity}::text[],
      ${cols.id}::text[], ${cols.state}::jsonb[], ${cols.scope}::text[], ${cols.ref}::text[], ${cols.altered}::boolean[])`.execute(trx);
}
