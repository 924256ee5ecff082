/**
 * Stock locations: where parts physically sit. Most stores have one store room, so a document
 * that names no location uses the main one, made (and logged) the first time it is needed: a new
 * store can receive its first delivery without setting anything up.
 *
 * Every counter PC of a store makes that main room on its own, often before it has synced, so its
 * id is derived from the store code (a UUIDv5 name), not random: all PCs of the store make the same
 * row, and sync merges them instead of colliding on the unique code (SYNC.md §2.5).
 */
import type { Kysely } from 'kysely';
import { v5 } from 'uuid';
import { DeskFailure } from '../../handler';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, type TxContext } from '../../sync/change-log';
import type { LocationSummary } from '../catalogue/contract';
import type { StockLocationRow } from '../tables';

export const MAIN_LOCATION = { code: 'MAIN', name: '主库房' } as const;

/** Namespace of Counterdesk's name-derived ids (fixed forever: changing it forks every store's main room). */
const LOCATION_NAMESPACE = '6f1d3c2a-8b4e-5a7d-9c0f-2e4b6a8d1c3e';

/** The main room's id at a store: the same on every PC of the store, different at every other store. */
export function mainLocationId(storeCode: string): string {
  return v5(`stock_location:${storeCode}:${MAIN_LOCATION.code}`, LOCATION_NAMESPACE);
}

export async function listLocations(db: Kysely<DB>): Promise<LocationSummary[]> {
  return db.selectFrom('stockLocation').select(['id', 'code', 'name']).orderBy('code').execute();
}

export async function insertLocation(tx: TxContext, input: { code: string; name: string }): Promise<StockLocationRow> {
  const taken = await tx.trx.selectFrom('stockLocation').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new DeskFailure('conflict', 'location_code_taken', 'code');
  const hlc = tx.stamp();
  const row: StockLocationRow = { id: input.code === MAIN_LOCATION.code ? await storeMainLocationId(tx) : newId(), code: input.code, name: input.name, createdAt: tx.nowIso, hlc };
  await insertRecorded(tx, 'stockLocation', 'stock_location', row);
  return row;
}

async function storeMainLocationId(tx: TxContext): Promise<string> {
  const store = await tx.trx.selectFrom('store').select('code').limit(1).executeTakeFirst();
  if (!store) throw new Error('the main store room needs the store set up first (its id comes from the store code)');
  return mainLocationId(store.code);
}

/** The named location, or the main store room when none is named. */
export async function resolveLocation(tx: TxContext, locationId: string | undefined, field = 'locationId'): Promise<StockLocationRow> {
  if (locationId !== undefined) {
    const row = await tx.trx.selectFrom('stockLocation').selectAll().where('id', '=', locationId).executeTakeFirst();
    if (!row) throw new DeskFailure('not_found', 'not_found', field);
    return row;
  }
  const main = await tx.trx.selectFrom('stockLocation').selectAll().where('code', '=', MAIN_LOCATION.code).executeTakeFirst();
  return main ?? insertLocation(tx, MAIN_LOCATION);
}
