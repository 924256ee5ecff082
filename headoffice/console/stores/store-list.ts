/**
 * The stores list with each store's health at a glance, and one store with its PCs. A page of
 * stores is read first (at most 100), then their PCs and recent refusals by store id, so a chain
 * of 1,000 stores costs one page's worth of work.
 */
import { sql, type Kysely } from 'kysely';
import type { HqDB } from '../../db/schema';
import type { StoreDetail, StoreListQuery, StorePage, StoreRow, StoreSummary } from '../contract/stores';
import { storeListQuerySchema } from '../contract/stores';
import { devicesOfStores, type StoreDevice } from './devices';
import { RECENT_REFUSALS_MS, storeHealth } from './health';
import { findStore } from './store-records';

function summarise(store: StoreRow, devices: StoreDevice[], refusedRecently: number): StoreSummary {
  const active = devices.filter((d) => d.status === 'active');
  // A revoked PC's last sync still says when the store last reached head office.
  const contacts = devices.map((d) => d.lastContactAt).filter((at): at is string => at !== null);
  const offsets = active.map((d) => d.clockOffsetMs).filter((ms): ms is number => ms !== null);
  return {
    ...store,
    activePcs: active.length,
    revokedPcs: devices.length - active.length,
    lastSyncAt: contacts.length > 0 ? contacts.reduce((a, b) => (a > b ? a : b)) : null,
    pendingChanges: active.reduce((sum, d) => sum + (d.pendingChanges ?? 0), 0),
    refusedRecently,
    worstClockOffsetMs: offsets.length > 0 ? offsets.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)) : null,
    health: storeHealth(
      { status: store.status, refusedRecently },
      devices.map((d) => ({ ...d.health, active: d.status === 'active' })),
    ),
  };
}

async function refusedSince(db: Kysely<HqDB>, storeIds: string[], nowMs: number): Promise<Map<string, number>> {
  if (storeIds.length === 0) return new Map();
  const rows = await sql<{ storeId: string; n: number }>`
    SELECT store_id, count(*)::int AS n FROM rejected_change
    WHERE store_id = ANY(${storeIds}::text[]) AND received_at > ${new Date(nowMs - RECENT_REFUSALS_MS)}
    GROUP BY store_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.storeId, r.n]));
}

export async function listStores(db: Kysely<HqDB>, input: StoreListQuery, nowMs: number): Promise<StorePage> {
  const query = storeListQuerySchema.parse(input);
  let base = db.selectFrom('hqStore');
  if (query.status !== 'all') base = base.where('status', '=', query.status);
  if (query.q) {
    const text = query.q.toLowerCase();
    base = base.where(sql<boolean>`(strpos(lower(code), ${text}) > 0 OR strpos(lower(name), ${text}) > 0)`);
  }
  const [{ total }, stores] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    base
      .select(['id', 'code', 'name', 'address', 'timeZone', 'status', 'createdAt'])
      .orderBy('code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const ids = stores.map((s) => s.id);
  const [devices, refused] = await Promise.all([devicesOfStores(db, ids, nowMs), refusedSince(db, ids, nowMs)]);
  return {
    stores: stores.map((s) =>
      summarise(
        { ...s, createdAt: s.createdAt.toISOString() },
        devices.filter((d) => d.storeId === s.id),
        refused.get(s.id) ?? 0,
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function storeDetail(
  db: Kysely<HqDB>,
  code: string,
  nowMs: number,
  { retired = false }: { retired?: boolean } = {},
): Promise<StoreDetail> {
  const store = await findStore(db, code);
  const [devices, refused, problems] = await Promise.all([
    devicesOfStores(db, [store.id], nowMs, { retired: true }),
    refusedSince(db, [store.id], nowMs),
    problemCounts(db, store.id),
  ]);
  const current = devices.filter((d) => d.status !== 'retired');
  const shown = retired ? devices : current;
  return {
    store: summarise(store, current, refused.get(store.id) ?? 0),
    devices: shown.map(({ storeId: _storeId, refusedRecently: _recent, lastContactAt: _contact, ...row }) => row),
    problems,
  };
}

async function problemCounts(db: Kysely<HqDB>, storeId: string): Promise<StoreDetail['problems']> {
  const row = await sql<StoreDetail['problems']>`
    SELECT
      (SELECT count(*) FROM rejected_change WHERE store_id = ${storeId})::int AS refused,
      (SELECT count(*) FROM clock_skew k JOIN replica r ON r.id = k.replica_id WHERE r.store_id = ${storeId})::int AS skews,
      (SELECT count(*) FROM conflict_log c JOIN replica r ON r.id = c.loser_replica WHERE r.store_id = ${storeId})::int AS conflicts`.execute(
    db,
  );
  return row.rows[0]!;
}
