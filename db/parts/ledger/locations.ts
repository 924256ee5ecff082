/**
 * Stock locations: where parts physically sit. Most stores have one store room, so a document
 * that names no location uses the main one, made (and logged) the first time it is needed: a new
 * store can receive its first delivery without setting anything up.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../../handler';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { recordChange, type TxContext } from '../../sync/change-log';
import type { LocationSummary } from '../catalogue/contract';
import type { StockLocationRow } from '../tables';

export const MAIN_LOCATION = { code: 'MAIN', name: '主库房' } as const;

export async function listLocations(db: Kysely<DB>): Promise<LocationSummary[]> {
  return db.selectFrom('stockLocation').select(['id', 'code', 'name']).orderBy('code').execute();
}

export async function insertLocation(tx: TxContext, input: { code: string; name: string }): Promise<StockLocationRow> {
  const taken = await tx.trx.selectFrom('stockLocation').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new DeskFailure('conflict', 'location_code_taken', 'code');
  const hlc = tx.stamp();
  const row: StockLocationRow = { id: newId(), code: input.code, name: input.name, createdAt: tx.nowIso, hlc };
  await tx.trx.insertInto('stockLocation').values(row).execute();
  const { id, hlc: _hlc, ...fields } = row;
  await recordChange(tx, { entity: 'stock_location', entityId: id, op: 'insert', hlc, fields });
  return row;
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
