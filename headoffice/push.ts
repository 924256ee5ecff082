/**
 * POST /sync/v1/push (docs/SYNC.md §2.3), one PostgreSQL transaction per request: lock the replica row
 * (duplicate or concurrent pushes of one replica queue here), skip seqs already applied (a retry
 * after a lost answer), refuse a gap, apply the contiguous rest through the merge rules, append the
 * feed and set last_applied_seq, all committed together: exactly-once effect on top of
 * at-least-once delivery.
 */
import { sql, type Transaction } from 'kysely';
import type { Hlc } from '../db/sync/hlc';
import {
  MIN_SUPPORTED_SCHEMA,
  PROTOCOL_VERSION,
  type PushRequest,
  type PushResponse,
  type PushResult,
} from '../db/sync/protocol';
import { prepareChanges, writePrepared, type ApplyContext } from './apply';
import { assertOwnReplica, HqError, REPLICA_NOT_YOURS, type AuthedDevice } from './auth';
import { readMeta, type HqDatabase } from './db/open';
import type { HqDB } from './db/schema';
import { lockFeed } from './feed';
import { pushQueueOf } from './push-queue';
import { writeAsHqIn } from './join/hq-write';

export async function handlePush(
  db: HqDatabase,
  device: AuthedDevice,
  request: PushRequest,
  hqClock: Hlc,
  nowMs: number,
  /** False once the PC has stopped waiting (its connection closed): a queued push is then skipped. */
  stillWanted?: () => boolean,
): Promise<PushResponse> {
  if (request.protocol !== PROTOCOL_VERSION)
    throw new HqError(
      400,
      'bad_request',
      `Protocol ${request.protocol} is not spoken here (this head office speaks ${PROTOCOL_VERSION})`,
    );
  if (request.schemaVersion < MIN_SUPPORTED_SCHEMA) {
    throw new HqError(
      426,
      'upgrade_required',
      `This Counterdesk is too old for head office: update it (schema ${request.schemaVersion} < ${MIN_SUPPORTED_SCHEMA})`,
      { minVersion: MIN_SUPPORTED_SCHEMA },
    );
  }
  const changes = [...request.changes].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < changes.length; i += 1) {
    if (changes[i]!.seq === changes[i - 1]!.seq)
      throw new HqError(400, 'bad_request', `Malformed request: seq ${changes[i]!.seq} appears twice`);
  }
  const epoch = await readMeta(db, 'epoch');

  // One push at a time takes a connection; the others wait in this process (push-queue.ts).
  return pushQueueOf(db).run(() => applyPush(db, device, request, changes, hqClock, nowMs, epoch), stillWanted);
}

async function applyPush(
  db: HqDatabase,
  device: AuthedDevice,
  request: PushRequest,
  changes: PushRequest['changes'],
  hqClock: Hlc,
  nowMs: number,
  epoch: string,
): Promise<PushResponse> {
  return db.transaction().execute(async (trx) => {
    const replica = await lockReplica(trx, request.replicaId, device, changes[0]?.seq);
    await lockFeed(trx);
    const last = replica.lastAppliedSeq;
    const retried = changes.filter((c) => c.seq <= last);
    const results: PushResult[] = [];
    if (retried.length > 0) {
      const bySeq = await loggedChanges(trx, request.replicaId, retried[0]!.seq, retried.at(-1)!.seq);
      const mismatch = retried.find((c) => bySeq.has(c.seq) && bySeq.get(c.seq)!.changeId !== c.changeId);
      if (mismatch) {
        // The same seq with another change: this database was restored from an old copy (F18).
        throw new HqError(
          409,
          'replica_forked',
          'This database was restored from an older copy: it continues as a new replica',
          { expectedSeq: mismatch.seq },
        );
      }
      const codes = await trx
        .selectFrom('rejectedChange')
        .select(['seq', 'code'])
        .where('replicaId', '=', request.replicaId)
        .where(
          'seq',
          'in',
          retried.map((c) => c.seq),
        )
        .execute();
      const codeBySeq = new Map(codes.map((r) => [r.seq, r.code]));
      for (const c of retried) {
        const status = bySeq.get(c.seq)?.status;
        if (status === 'rejected')
          results.push({ seq: c.seq, status: 'rejected', code: codeBySeq.get(c.seq) ?? 'rejected' });
      }
    }
    const fresh = changes.filter((c) => c.seq > last);
    if (fresh.length > 0 && fresh[0]!.seq !== last + 1) {
      throw new HqError(409, 'seq_gap', `Expected change ${last + 1} next, got ${fresh[0]!.seq}`, {
        expectedSeq: last + 1,
      });
    }
    let end = 0;
    while (end < fresh.length && fresh[end]!.seq === last + end + 1) end += 1;
    const batch = fresh.slice(0, end);
    const ctx: ApplyContext = {
      storeId: device.storeId,
      replicaId: request.replicaId,
      deviceId: device.id,
      hqClock,
      nowMs,
    };
    const prepared = await prepareChanges(trx, ctx, batch);
    results.push(...prepared.results);
    const lastAppliedSeq = last + batch.length;
    // The log and replica rows are queued right behind the batch's own statements, all at once: they
    // still run one after the other on the transaction's connection, but PostgreSQL goes from one to
    // the next without waiting for this process in between.
    const status = new Map(prepared.results.map((r) => [r.seq, r.status]));
    await Promise.all([
      writePrepared(trx, ctx, prepared),
      batch.length > 0
        ? trx
            .insertInto('pushBatch')
            .values({
              replicaId: request.replicaId,
              firstSeq: batch[0]!.seq,
              lastSeq: batch.at(-1)!.seq,
              changeIds: batch.map((c) => c.changeId),
              statuses: batch.map((c) => status.get(c.seq) ?? 'applied'),
            })
            .execute()
        : null,
      trx
        .updateTable('replica')
        .set({ lastAppliedSeq, lastPushAt: new Date(nowMs) })
        .where('id', '=', request.replicaId)
        .execute(),
      trx
        .updateTable('device')
        .set({ lastSeenAt: new Date(nowMs) })
        .where('id', '=', device.id)
        .execute(),
    ]);
    // A standalone store's offers and head office's notices of them to the store go after the
    // batch: the notices are head office's own writes, fed to that store only (join/offers.ts).
    await prepared.offers?.write(trx, (writes) =>
      writeAsHqIn(trx, { hqClock, nowMs, onBehalfOf: device.storeId }, writes),
    );
    return { lastAppliedSeq, results, serverTime: new Date(nowMs).toISOString(), serverEpoch: epoch };
  });
}

async function lockReplica(
  trx: Transaction<HqDB>,
  replicaId: string,
  device: AuthedDevice,
  firstSeq: number | undefined,
) {
  const find = () => trx.selectFrom('replica').selectAll().where('id', '=', replicaId).forUpdate().executeTakeFirst();
  let replica = await find();
  if (!replica) {
    // A replica is registered by its first push, which starts at seq 1. Anything else means head
    // office lost it (restored from a backup older than the replica): the client re-pushes or resets.
    if (firstSeq !== 1)
      throw new HqError(
        409,
        'replica_unknown',
        'Head office does not know this database: it will push again from the start',
        { expectedSeq: 1 },
      );
    await trx
      .insertInto('replica')
      .values({
        id: replicaId,
        deviceId: device.id,
        storeId: device.storeId,
        lastAppliedSeq: 0,
        pullCursor: 0,
        lastPushAt: null,
        lastPullAt: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    replica = await find();
  }
  if (!replica) throw new HqError(403, 'replica_not_yours', REPLICA_NOT_YOURS);
  assertOwnReplica(replica, device);
  return replica;
}

/**
 * What the push log says of seqs `from`…`to` of a replica (a retry's seqs), by seq. The log keeps
 * one row per request (migration 0006): the rows read are the one holding `from`, found by the
 * last first_seq at or before it, and those after it up to `to`, all by the primary key.
 */
async function loggedChanges(
  trx: Transaction<HqDB>,
  replicaId: string,
  from: number,
  to: number,
): Promise<Map<number, { changeId: string; status: string }>> {
  const rows = await sql<{ seq: number; changeId: string; status: string }>`
    SELECT b.first_seq + u.k - 1 AS seq, u.change_id, u.status
    FROM push_batch b, unnest(b.change_ids, b.statuses) WITH ORDINALITY AS u(change_id, status, k)
    WHERE b.replica_id = ${replicaId} AND b.first_seq <= ${to}
      AND b.first_seq >= coalesce((SELECT max(first_seq) FROM push_batch WHERE replica_id = ${replicaId} AND first_seq <= ${from}), ${from})`.execute(
    trx,
  );
  return new Map(rows.rows.filter((row) => row.seq >= from && row.seq <= to).map((row) => [row.seq, row]));
}
