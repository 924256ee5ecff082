/**
 * What head office staff do before there is a web console, as functions the admin CLI
 * (headoffice/admin/cli.ts) and the tests call: stores, enrollment codes, devices, head-office
 * writes (catalogue, prices, tiers) through the same merge and feed path as a store's push.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../db/ids';
import type { Hlc } from '../../db/sync/hlc';
import type { PushResult, WireChange } from '../../db/sync/protocol';
import { applyChanges } from '../apply';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import { appendFeed, lockFeed } from '../feed';

export async function addStore(db: HqDatabase, code: string, name: string): Promise<string> {
  if (!/^[A-Z][A-Z0-9]{1,9}$/.test(code))
    throw new HqError(
      400,
      'bad_request',
      `Store code must be a capital letter then 1–9 capitals or digits, e.g. S012 (got ${code})`,
    );
  const id = newId();
  const added = await db
    .insertInto('hqStore')
    .values({ id, code, name })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!added) throw new HqError(409, 'bad_request', `A store with code ${code} already exists`);
  return id;
}

export type HqWrite = { entity: string; entityId: string; op: WireChange['op']; fields: Record<string, unknown> };

/** Head office's own writes as wire changes of one transaction, stamped with its clock. */
export function hqChanges(hqClock: Hlc, writes: ReadonlyArray<HqWrite>, nowMs: number): WireChange[] {
  const txId = newId();
  return writes.map((w, index) => ({
    seq: index + 1,
    changeId: newId(),
    txId,
    entity: w.entity,
    entityId: w.entityId,
    op: w.op,
    fields: w.fields,
    hlc: hqClock.send(),
    staffId: null,
    createdAt: new Date(nowMs).toISOString(),
    schemaVersion: 0,
  }));
}

/** Head office's own changes: stamped with its clock, merged and fed like any push. */
export async function writeAsHq(
  db: HqDatabase,
  hqClock: Hlc,
  writes: ReadonlyArray<HqWrite>,
  nowMs = Date.now(),
): Promise<PushResult[]> {
  const changes = hqChanges(hqClock, writes, nowMs);
  return db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    return applyChanges(trx, { storeId: null, replicaId: null, deviceId: null, hqClock, nowMs }, changes);
  });
}

/**
 * Run after restoring head office's database from a backup: a new epoch makes every replica
 * re-push what the backup lost and re-pull (docs/SYNC.md F17).
 */
export async function afterRestore(db: HqDatabase): Promise<string> {
  const epoch = randomBytes(6).toString('hex');
  await db.updateTable('serverMeta').set({ value: epoch }).where('key', '=', 'epoch').execute();
  return epoch;
}

/**
 * Tombstone horizon (docs/SYNC.md §2.7): feed rows at or below `horizonSeq` are removed (the merged
 * states stay); a replica whose cursor is older is told to reset and takes a snapshot.
 */
export async function compactFeed(db: HqDatabase, horizonSeq: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const removed = await trx.deleteFrom('changeFeed').where('serverSeq', '<=', horizonSeq).executeTakeFirst();
    await trx
      .insertInto('serverMeta')
      .values({ key: 'horizon_seq', value: String(horizonSeq) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(horizonSeq) }))
      .execute();
    return Number(removed.numDeletedRows);
  });
}

export async function listDevices(db: HqDatabase) {
  return db
    .selectFrom('device')
    .innerJoin('hqStore', 'hqStore.id', 'device.storeId')
    .leftJoin('replica', 'replica.deviceId', 'device.id')
    .select([
      'device.id',
      'device.name',
      'device.status',
      'hqStore.code as storeCode',
      'device.counterNo',
      'device.createdAt as enrolledAt',
      'device.lastSeenAt',
      'replica.id as replicaId',
      'replica.lastAppliedSeq',
      'replica.lastPushAt',
      'replica.lastPullAt',
    ])
    .orderBy('hqStore.code')
    .orderBy('device.createdAt')
    .execute();
}

export async function listRejected(db: HqDatabase, limit = 200) {
  return db
    .selectFrom('rejectedChange')
    .leftJoin('hqStore', 'hqStore.id', 'rejectedChange.storeId')
    .select([
      'rejectedChange.receivedAt',
      'hqStore.code as storeCode',
      'rejectedChange.entity',
      'rejectedChange.entityId',
      'rejectedChange.op',
      'rejectedChange.code',
      'rejectedChange.reason',
      'rejectedChange.fields',
    ])
    .orderBy('rejectedChange.id', 'desc')
    .limit(limit)
    .execute();
}

/** Link a customer to a store (looked up at head office by phone and adopted when they visit). */
export async function linkCustomer(db: HqDatabase, customerId: string, storeCode: string): Promise<void> {
  const store = await db.selectFrom('hqStore').select('id').where('code', '=', storeCode).executeTakeFirst();
  if (!store) throw new HqError(404, 'bad_request', `No store with code ${storeCode}`);
  const exists = await db
    .selectFrom('entityState')
    .select('entityId')
    .where('entity', '=', 'customer')
    .where('entityId', '=', customerId)
    .executeTakeFirst();
  if (!exists) throw new HqError(404, 'bad_request', `No customer ${customerId} at head office`);
  await db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const added =
      await sql`INSERT INTO customer_link (customer_id, store_id) VALUES (${customerId}, ${store.id}) ON CONFLICT DO NOTHING RETURNING customer_id`.execute(
        trx,
      );
    if (added.rows.length === 0) return;
    const file = await trx
      .selectFrom('entityState')
      .select(['entity', 'entityId', 'state'])
      .where('customerRef', '=', customerId)
      .execute();
    await appendFeed(
      trx,
      file.map((r) => ({
        txId: `link-${store.id}-${customerId}`,
        originReplica: null,
        originSeq: null,
        entity: r.entity,
        entityId: r.entityId,
        state: r.state,
        scope: store.id,
        customerRef: null,
        altered: true,
        keep: null,
      })),
    );
  });
}
