/**
 * GET /sync/v1/pull and GET /sync/v1/snapshot (docs/SYNC.md §2.4). Pull pages the change feed from a
 * cursor, for the device's scope only (global rows, its store's rows, and the customers linked to
 * its store), ends pages on origin-transaction boundaries (a 5,000-line stocktake is one page), and
 * leaves out the replica's own unaltered echoes. Snapshot pages the merged states by keyset, for a
 * new PC or a reset.
 */
import { sql, type Kysely } from 'kysely';
import {
  formatCursor,
  parseCursor,
  parseSnapshotPosition,
  snapshotPosition,
  type FeedRecord,
  type PullResponse,
  type RecordState,
  type SnapshotResponse,
} from '../db/sync/protocol';
import { RawJson } from '../db/sync/raw-json';
import { assertOwnReplica, type AuthedDevice } from './auth';
import { readMeta, type HqDatabase } from './db/open';
import type { HqDB } from './db/schema';

const FETCH_ROWS = 2000;
/** Snapshot pages are bounded by bytes; this only caps one query's rows (a new PC takes 250k+). */
const SNAPSHOT_ROWS = 5000;
/**
 * Rows to read for a page of `maxBytes`: about what fills it (a record is rarely under 400 bytes
 * on the wire), so PostgreSQL does not read, check and send thousands of rows the page then drops.
 */
const snapshotRows = (maxBytes: number) => Math.max(100, Math.min(SNAPSHOT_ROWS, Math.ceil(maxBytes / 400)));

type FeedDbRow = {
  serverSeq: number;
  txId: string;
  entity: string;
  entityId: string;
  state: RecordState;
  originReplica: string | null;
  altered: boolean;
};

function inScope(storeId: string) {
  return sql<boolean>`(f.scope = 'global' OR f.scope = ${storeId} OR (f.scope = 'customer' AND EXISTS (
    SELECT 1 FROM customer_link l WHERE l.store_id = ${storeId} AND l.customer_id = f.customer_ref)))`;
}

/**
 * Rows after `afterSeq` up to the feed head, in the store's scope, without the replica's own
 * unaltered echoes: those are filtered in PostgreSQL, so a replica that pushed 100k changes does
 * not download them back only to skip them.
 *
 * The scope is read as three index ranges merged by server_seq (docs/architecture/console-pull-cost.md):
 * the global rows and the store's rows (`change_feed_scope`), and the rows of the customers linked
 * to the store (`customer_feed`, migration 0010). A pull reads only rows it may send, never the
 * other stores' rows after its cursor. The link is checked again here, as `inScope` does, so a link
 * removed stops its customer's rows.
 */
export function feedQuery(storeId: string, replicaId: string, afterSeq: number, head: number, limit: number) {
  const columns = sql`f.server_seq, f.tx_id, f.entity, f.entity_id, f.state, f.origin_replica, f.altered`;
  const notEcho = sql`(f.origin_replica IS DISTINCT FROM ${replicaId} OR f.altered)`;
  const ofScope = (scope: string) => sql`
    SELECT ${columns} FROM change_feed f
    WHERE f.scope = ${scope} AND f.server_seq > ${afterSeq} AND f.server_seq <= ${head} AND ${notEcho}
    ORDER BY f.server_seq LIMIT ${limit}`;
  return sql<FeedDbRow>`
    SELECT * FROM ((${ofScope('global')}) UNION ALL (${ofScope(storeId)}) UNION ALL (
      SELECT ${columns} FROM customer_feed c JOIN change_feed f ON f.server_seq = c.server_seq
      WHERE c.store_id = ${storeId} AND c.server_seq > ${afterSeq} AND c.server_seq <= ${head} AND ${notEcho}
        AND EXISTS (SELECT 1 FROM customer_link l WHERE l.store_id = ${storeId} AND l.customer_id = c.customer_id)
      ORDER BY c.server_seq LIMIT ${limit}
    )) AS scoped ORDER BY server_seq LIMIT ${limit}`;
}

/**
 * A page of `feedQuery`; with `seen`, the same statement records on the replica row the cursor the
 * PC pulled from and when (the console's "last sync"), so a pull costs one round trip fewer.
 */
async function fetchFeed(
  db: Kysely<HqDB>,
  storeId: string,
  replicaId: string,
  afterSeq: number,
  head: number,
  limit: number,
  seen: { cursor: number; at: Date } | null,
): Promise<FeedDbRow[]> {
  const query = feedQuery(storeId, replicaId, afterSeq, head, limit);
  if (!seen) return (await query.execute(db)).rows;
  return (
    await sql<FeedDbRow>`WITH seen AS (UPDATE replica SET pull_cursor = ${seen.cursor}, last_pull_at = ${seen.at}
      WHERE id = ${replicaId}) ${query}`.execute(db)
  ).rows;
}

export async function handlePull(
  db: HqDatabase,
  device: AuthedDevice,
  input: { replicaId: string; cursor: string; maxBytes: number },
  nowMs: number,
): Promise<PullResponse> {
  // What a pull checks before reading the feed, in one round trip: a pull is most of head office's
  // requests, and each query is a round trip and a plan.
  const { epoch, horizon, head, ...found } = await sql<{
    epoch: string | null;
    horizon: string | null;
    head: number;
    deviceId: string | null;
    lastAppliedSeq: number | null;
  }>`
    SELECT (SELECT value FROM server_meta WHERE key = 'epoch') AS epoch,
      (SELECT value FROM server_meta WHERE key = 'horizon_seq') AS horizon,
      (SELECT last_seq FROM feed_head WHERE id = 1) AS head, r.device_id, r.last_applied_seq
    FROM (VALUES (1)) AS one LEFT JOIN replica r ON r.id = ${input.replicaId}`
    .execute(db)
    .then((result) => result.rows[0]!);
  if (epoch === null) throw new Error('server_meta.epoch is missing: the head-office database is not migrated');
  const replica =
    found.deviceId === null ? undefined : { deviceId: found.deviceId, lastAppliedSeq: found.lastAppliedSeq ?? 0 };
  // A replica id not known yet is this PC's next database (pull may come before its first push).
  assertOwnReplica(replica, device);
  const base = {
    serverTime: new Date(nowMs).toISOString(),
    serverEpoch: epoch,
    lastAppliedSeq: replica?.lastAppliedSeq ?? 0,
  };
  const cursor = parseCursor(input.cursor);
  if (!cursor)
    return { ...base, changes: [], nextCursor: input.cursor, hasMore: false, reset: { reason: 'bad_cursor' } };
  if (cursor.epoch !== epoch)
    return { ...base, changes: [], nextCursor: input.cursor, hasMore: false, reset: { reason: 'epoch_changed' } };
  if (cursor.serverSeq < Number(horizon ?? '0'))
    return { ...base, changes: [], nextCursor: input.cursor, hasMore: false, reset: { reason: 'behind_horizon' } };

  // Rows up to the head read above are all committed (appends hold the head's lock to commit).
  const changes: FeedRecord[] = [];
  let bytes = 0;
  let last = cursor.serverSeq;
  let hasMore = false;
  let openTx: string | null = null;
  // The replica row is updated with the first page's read (fetchFeed).
  let seen = replica ? { cursor: cursor.serverSeq, at: new Date(nowMs) } : null;
  fetching: for (;;) {
    const rows = await fetchFeed(db, device.storeId, input.replicaId, last, head, FETCH_ROWS, seen);
    seen = null;
    for (const row of rows) {
      // Full page, and this row starts a new origin transaction: stop here, before it.
      if (bytes >= input.maxBytes && row.txId !== openTx) {
        hasMore = true;
        break fetching;
      }
      last = row.serverSeq;
      openTx = row.txId;
      changes.push({
        serverSeq: row.serverSeq,
        txId: row.txId,
        entity: row.entity,
        entityId: row.entityId,
        state: row.state,
      });
      bytes += 120 + JSON.stringify(row.state).length;
    }
    if (rows.length < FETCH_ROWS) {
      // Everything up to the head was seen (filtered rows included): the cursor moves to it.
      last = Math.max(last, head);
      break;
    }
  }
  return { ...base, changes, nextCursor: formatCursor(epoch, last), hasMore };
}

/**
 * Keyset over (entity, entity_id); `after` is a snapshot position (db/sync/protocol.ts) as returned in nextAfter. The
 * answer is a SnapshotResponse, serialised here (see RawJson).
 */
export async function handleSnapshot(
  db: HqDatabase,
  device: AuthedDevice,
  input: { after: string | null; maxBytes: number },
  nowMs: number,
): Promise<RawJson> {
  const epoch = await readMeta(db, 'epoch');
  // Read the feed head first: applying is idempotent, so rows changed while paging are simply
  // applied again by the pull that follows (docs/SYNC.md §2.4).
  const head = await db.selectFrom('feedHead').select('lastSeq').where('id', '=', 1).executeTakeFirstOrThrow();
  const [afterEntity, afterId] = parseSnapshotPosition(input.after);
  const rows = await sql<{ entity: string; entityId: string; stateText: string; updatedSeq: number }>`
    SELECT f.entity, f.entity_id, f.state::text AS state_text, f.updated_seq FROM entity_state f
    WHERE (f.entity, f.entity_id) > (${afterEntity}, ${afterId}) AND ${inScope(device.storeId)}
    ORDER BY f.entity, f.entity_id LIMIT ${snapshotRows(input.maxBytes)}`.execute(db);
  const records: string[] = [];
  let bytes = 0;
  let nextAfter: string | null = null;
  for (const row of rows.rows) {
    if (bytes >= input.maxBytes) break;
    const entity = JSON.stringify(row.entity);
    const entityId = JSON.stringify(row.entityId);
    records.push(
      `{"serverSeq":${Number(row.updatedSeq)},"txId":${JSON.stringify(`s:${row.entity}:${row.entityId}`)},"entity":${entity},"entityId":${entityId},"state":${row.stateText}}`,
    );
    bytes += 120 + row.stateText.length;
    nextAfter = snapshotPosition(row.entity, row.entityId);
  }
  const done = records.length === rows.rows.length && rows.rows.length < snapshotRows(input.maxBytes);
  const page: Omit<SnapshotResponse, 'records'> = {
    cursor: formatCursor(epoch, head.lastSeq),
    entity: rows.rows[0]?.entity ?? '',
    nextAfter: done ? null : nextAfter,
    serverTime: new Date(nowMs).toISOString(),
    serverEpoch: epoch,
  };
  return new RawJson(`${JSON.stringify(page).slice(0, -1)},"records":[${records.join(',')}]}`);
}
