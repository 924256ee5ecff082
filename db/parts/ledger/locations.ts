/**
 * Stock locations: where parts physically sit. Most stores have one store room, so a document
 * that names no location uses the main one, made (and logged) the first time it is needed: a new
 * store can receive its first delivery without setting anything up.
 *
 * Every counter PC of a store makes that main room on its own, often before it has synced, so its
 * id is derived from the store code (a UUIDv5 name), not random: all PCs of the store make the same
 * row, and sync merges them instead of colliding on the unique code (docs/SYNC.md §2.5).
 */
import type { Kysely } from 'kysely';
import { v5 } from 'uuid';
import { DeskFailure } from '../../handler';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type { LocationSummary, LocationView } from '../catalogue/contract';
import type { StockLocationRow } from '../tables';

export const MAIN_LOCATION = { code: 'MAIN', name: '主库房' } as const;

/** Namespace of Counterdesk's name-derived ids (fixed forever: changing it forks every store's main room). */
const LOCATION_NAMESPACE = '6f1d3c2a-8b4e-5a7d-9c0f-2e4b6a8d1c3e';

/** The main room's id at a store: the same on every PC of the store, different at every other store. */
export function mainLocationId(storeCode: string): string {
  return v5(`stock_location:${storeCode}:${MAIN_LOCATION.code}`, LOCATION_NAMESPACE);
}

/** The locations documents can name: retired ones only when asked for. */
export async function listLocations(db: Kysely<DB>, { includeRetired = false } = {}): Promise<LocationSummary[]> {
  let query = db.selectFrom('stockLocation').select(['id', 'code', 'name', 'retiredAt']).orderBy('code');
  if (!includeRetired) query = query.where('retiredAt', 'is', null);
  const rows = await query.execute();
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}

/** Locations with the parts they hold (non-zero on-hand): what the lead sees before retiring one. */
export async function listLocationViews(db: Kysely<DB>, includeRetired: boolean): Promise<LocationView[]> {
  const locations = await listLocations(db, { includeRetired });
  const held = await stockHeldAt(
    db,
    locations.map((l) => l.id),
  );
  return locations.map((location) => ({
    ...location,
    isMain: location.code === MAIN_LOCATION.code,
    stock: held.filter((h) => h.locationId === location.id).map(({ locationId: _l, ...h }) => h),
  }));
}

async function stockHeldAt(db: Kysely<DB>, locationIds: ReadonlyArray<string>) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('stockOnHand as h')
    .innerJoin('part as p', 'p.id', 'h.partId')
    .select(['h.locationId', 'p.partNo', 'p.name as partName', 'h.qty'])
    .where('h.locationId', 'in', locationIds)
    .where('h.qty', '<>', 0)
    .orderBy('p.partNo')
    .execute();
}

export async function findLocationRow(db: Kysely<DB>, id: string): Promise<StockLocationRow | undefined> {
  return db.selectFrom('stockLocation').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Rename and retire/reactivate. The code is the location's stable key (MAIN's id is derived from
 * it, and documents print it), so only the name changes. Retiring needs the shelf empty: on-hand
 * zero for every part, so no stock disappears from the lists with it; MAIN never retires (documents
 * that name no location fall back to it).
 */
export async function updateLocation(
  tx: TxContext,
  before: StockLocationRow,
  input: { name: string; retired: boolean },
): Promise<void> {
  const retiring = input.retired && before.retiredAt === null;
  if (retiring && before.code === MAIN_LOCATION.code)
    throw new DeskFailure('conflict', 'location_main_retire', 'retired');
  if (retiring && (await stockHeldAt(tx.trx, [before.id])).length > 0)
    throw new DeskFailure('conflict', 'location_holds_stock', 'retired');
  const retiredAt = input.retired ? (before.retiredAt ?? tx.nowIso) : null;
  const changed: Partial<Pick<StockLocationRow, 'name' | 'retiredAt'>> = {};
  if (input.name !== before.name) changed.name = input.name;
  if (retiredAt !== before.retiredAt) changed.retiredAt = retiredAt;
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('stockLocation')
    .set({ ...changed, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: 'stock_location', entityId: before.id, op: 'update', hlc, fields: changed });
}

/** New stock (a delivery, a transfer in, a positive adjustment) never goes to a retired location. */
export function assertTakesStock(location: StockLocationRow, field: string): void {
  if (location.retiredAt !== null) throw new DeskFailure('conflict', 'location_retired', field);
}

export async function insertLocation(tx: TxContext, input: { code: string; name: string }): Promise<StockLocationRow> {
  const taken = await tx.trx.selectFrom('stockLocation').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new DeskFailure('conflict', 'location_code_taken', 'code');
  const hlc = tx.stamp();
  const id = input.code === MAIN_LOCATION.code ? await storeMainLocationId(tx) : newId();
  const row: StockLocationRow = { id, code: input.code, name: input.name, createdAt: tx.nowIso, retiredAt: null, hlc };
  await insertRecorded(tx, 'stockLocation', 'stock_location', row);
  return row;
}

async function storeMainLocationId(tx: TxContext): Promise<string> {
  const store = await tx.trx.selectFrom('store').select('code').limit(1).executeTakeFirst();
  if (!store) throw new Error('the main store room needs the store set up first (its id comes from the store code)');
  return mainLocationId(store.code);
}

/** The named location, or the main store room when none is named. */
export async function resolveLocation(
  tx: TxContext,
  locationId: string | undefined,
  field = 'locationId',
): Promise<StockLocationRow> {
  if (locationId !== undefined) {
    const row = await tx.trx.selectFrom('stockLocation').selectAll().where('id', '=', locationId).executeTakeFirst();
    if (!row) throw new DeskFailure('not_found', 'not_found', field);
    return row;
  }
  const main = await tx.trx
    .selectFrom('stockLocation')
    .selectAll()
    .where('code', '=', MAIN_LOCATION.code)
    .executeTakeFirst();
  return main ?? insertLocation(tx, MAIN_LOCATION);
}
