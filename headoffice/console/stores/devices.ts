/**
 * A store's PCs as the console shows them: what each last reported (db/sync/session.ts
 * `DeviceReport`, saved by http/device-report.ts), when it last pushed and pulled (its replicas:
 * a PC restored from a copy has more than one), what head office refused from it and how often it
 * re-stamped its clock. Revoking stops a PC at once: every request authenticates against the
 * device row (auth.ts `authenticate`), so its next pull is answered 403 `device_revoked`.
 */
import { sql, type Kysely } from 'kysely';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import type { DeviceRow, DeviceStatus } from '../contract/stores';
import { deviceHealth, RECENT_REFUSALS_MS } from './health';

export type StoreDevice = DeviceRow & { storeId: string; refusedRecently: number; lastContactAt: string | null };

type Raw = {
  id: string;
  storeId: string;
  name: string;
  counterNo: number | null;
  status: 'active' | 'revoked';
  createdAt: Date;
  revokedAt: Date | null;
  retiredAt: Date | null;
  appVersion: string | null;
  pendingChanges: number | null;
  reportedAt: Date | null;
  clockOffsetMs: number | null;
  lastSeenAt: Date | null;
  lastPushAt: Date | null;
  lastPullAt: Date | null;
  refused: number;
  refusedRecently: number;
  skews: number;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const newest = (...dates: Array<Date | null>) =>
  dates.reduce<Date | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

/** The PCs of these stores, retired ones only when asked; each with its health. */
export async function devicesOfStores(
  db: Kysely<HqDB>,
  storeIds: ReadonlyArray<string>,
  nowMs: number,
  { retired = false }: { retired?: boolean } = {},
): Promise<StoreDevice[]> {
  if (storeIds.length === 0) return [];
  const since = new Date(nowMs - RECENT_REFUSALS_MS);
  const rows = await sql<Raw>`
    SELECT d.id, d.store_id, d.name, d.counter_no, d.status, d.created_at, d.revoked_at, d.retired_at,
      d.app_version, d.pending_changes, d.reported_at, d.clock_offset_ms, d.last_seen_at,
      r.last_push_at, r.last_pull_at,
      (SELECT count(*) FROM rejected_change x WHERE x.device_id = d.id)::int AS refused,
      (SELECT count(*) FROM rejected_change x WHERE x.device_id = d.id AND x.received_at > ${since})::int AS refused_recently,
      (SELECT count(*) FROM clock_skew k JOIN replica kr ON kr.id = k.replica_id WHERE kr.device_id = d.id)::int AS skews
    FROM device d
    LEFT JOIN LATERAL (SELECT max(last_push_at) AS last_push_at, max(last_pull_at) AS last_pull_at
      FROM replica WHERE device_id = d.id) r ON true
    WHERE d.store_id = ANY(${[...storeIds]}::text[]) ${retired ? sql`` : sql`AND d.retired_at IS NULL`}
    ORDER BY d.counter_no NULLS LAST, d.created_at`.execute(db);
  return rows.rows.map((row) => {
    const status: DeviceStatus = row.retiredAt ? 'retired' : row.status;
    const lastContact = newest(row.lastSeenAt, row.lastPushAt, row.lastPullAt);
    return {
      id: row.id,
      storeId: row.storeId,
      name: row.name,
      counterNo: row.counterNo,
      status,
      enrolledAt: row.createdAt.toISOString(),
      revokedAt: iso(row.revokedAt),
      appVersion: row.appVersion,
      lastPushAt: iso(row.lastPushAt),
      lastPullAt: iso(row.lastPullAt),
      lastSeenAt: iso(row.lastSeenAt),
      lastContactAt: iso(lastContact),
      pendingChanges: row.pendingChanges,
      reportedAt: iso(row.reportedAt),
      refusedChanges: row.refused,
      refusedRecently: row.refusedRecently,
      clockOffsetMs: row.clockOffsetMs,
      clockSkews: row.skews,
      health: deviceHealth(
        {
          active: status === 'active',
          lastContactMs: lastContact?.getTime() ?? null,
          pendingChanges: row.pendingChanges,
          clockOffsetMs: row.clockOffsetMs,
          refusedRecently: row.refusedRecently,
        },
        nowMs,
      ),
    };
  });
}

/** A PC of this store, or 404 (a device id of another store is not found here). */
export async function deviceOfStore(db: Kysely<HqDB>, storeCode: string, deviceId: string) {
  const device = await db
    .selectFrom('device')
    .innerJoin('hqStore', 'hqStore.id', 'device.storeId')
    .select(['device.id', 'device.name', 'device.counterNo', 'device.status', 'device.retiredAt'])
    .where('hqStore.code', '=', storeCode)
    .where('device.id', '=', deviceId)
    .executeTakeFirst();
  if (!device) throw new HqError(404, 'no_device', `Store ${storeCode} has no PC ${deviceId}`);
  return device;
}

/**
 * Stops a PC now: its token stops working at its next request, it keeps its local data, and its
 * counter number is free for another PC. Revoking a revoked PC is refused, so the audit log has
 * one entry per real change.
 */
export async function revokePc(db: Kysely<HqDB>, storeCode: string, deviceId: string, nowMs: number) {
  const device = await deviceOfStore(db, storeCode, deviceId);
  if (device.status === 'revoked') throw new HqError(409, 'already_revoked', `PC ${device.name} is already revoked`);
  await db
    .updateTable('device')
    .set({ status: 'revoked', revokedAt: new Date(nowMs) })
    .where('id', '=', deviceId)
    .execute();
  return device;
}

/** Revoked for good and hidden from the default list (a PC scrapped, stolen or replaced). */
export async function retirePc(db: Kysely<HqDB>, storeCode: string, deviceId: string, nowMs: number) {
  const device = await deviceOfStore(db, storeCode, deviceId);
  if (device.retiredAt) throw new HqError(409, 'already_retired', `PC ${device.name} is already retired`);
  await db
    .updateTable('device')
    .set({
      status: 'revoked',
      retiredAt: new Date(nowMs),
      revokedAt: sql<Date>`coalesce(revoked_at, ${new Date(nowMs)})`,
    })
    .where('id', '=', deviceId)
    .execute();
  return device;
}
