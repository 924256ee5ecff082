/** Stocktake reads and writes: the count sheet, book quantities at the cut, counts. */
import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type { StocktakeLineRow, StocktakeRow } from '../tables';
import type { StocktakeLineView, StocktakeSummary, StocktakeView } from './contract';
import { stocktakeMachine } from './machine';

export async function findStocktakeRow(db: Kysely<DB>, id: string): Promise<StocktakeRow | undefined> {
  return db.selectFrom('stocktake').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function stocktakeLineRows(db: Kysely<DB>, stocktakeId: string): Promise<StocktakeLineRow[]> {
  return db.selectFrom('stocktakeLine').selectAll().where('stocktakeId', '=', stocktakeId).execute();
}

function binLike(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The parts on a new count sheet with their book quantity at the cut: every active part (on the
 * shelf given by the bin prefix) and any retired one still holding stock here.
 */
export async function sheetParts(
  db: Kysely<DB>,
  locationId: string,
  binPrefix: string,
  cutSeq: number,
): Promise<Array<{ partId: string; bookQty: number }>> {
  const result = await sql<{ partId: string; bookQty: number }>`
    SELECT p.id AS part_id, COALESCE(b.qty, 0) AS book_qty
    FROM part p
    LEFT JOIN (SELECT part_id, SUM(qty) AS qty FROM stock_movement WHERE location_id = ${locationId} AND seq <= ${cutSeq} GROUP BY part_id) b ON b.part_id = p.id
    WHERE p.bin LIKE ${binLike(binPrefix)} ESCAPE '\\' AND (p.retired_at IS NULL OR COALESCE(b.qty, 0) <> 0)
    ORDER BY p.bin, p.part_no`.execute(db);
  return result.rows;
}

export async function insertStocktake(
  tx: TxContext,
  header: { number: string; locationId: string; binPrefix: string; note: string; cutSeq: number; blind: boolean },
): Promise<string> {
  const hlc = tx.stamp();
  const row: StocktakeRow = {
    id: newId(),
    ...header,
    blind: header.blind ? 1 : 0,
    status: stocktakeMachine.initial,
    startedBy: tx.staffId,
    startedAt: tx.nowIso,
    closedBy: null,
    closedAt: null,
    cancelReason: '',
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'stocktake', 'stocktake', row);
  return row.id;
}

export async function insertStocktakeLine(
  tx: TxContext,
  stocktakeId: string,
  line: { partId: string; bookQty: number },
): Promise<string> {
  const hlc = tx.stamp();
  const row: StocktakeLineRow = {
    id: newId(),
    stocktakeId,
    partId: line.partId,
    bookQty: line.bookQty,
    countedQty: null,
    countedBy: null,
    countedAt: null,
    reason: '',
    hlc,
  };
  await insertRecorded(tx, 'stocktakeLine', 'stocktake_line', row);
  return row.id;
}

export async function updateStocktakeLine(
  tx: TxContext,
  before: StocktakeLineRow,
  patch: { countedQty?: number; reason?: string },
): Promise<void> {
  const changed = changedFields(before, patch);
  const counting = patch.countedQty !== undefined;
  if (Object.keys(changed).length === 0 && !counting) return;
  const fields = counting ? { ...changed, countedBy: tx.staffId, countedAt: tx.nowIso } : changed;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('stocktakeLine')
    .set({ ...fields, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: 'stocktake_line', entityId: before.id, op: 'update', hlc, fields });
}

export async function updateStocktake(
  tx: TxContext,
  before: StocktakeRow,
  patch: Partial<Pick<StocktakeRow, 'status' | 'closedBy' | 'closedAt' | 'cancelReason'>>,
): Promise<void> {
  const hlc = tx.stamp();
  const fields = { ...patch, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('stocktake')
    .set({ ...fields, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: 'stocktake', entityId: before.id, op: 'update', hlc, fields });
}

function linesQuery(db: Kysely<DB>, stocktake: StocktakeRow) {
  return db
    .selectFrom('stocktakeLine as x')
    .innerJoin('part as p', 'p.id', 'x.partId')
    .leftJoin('staff as s', 's.id', 'x.countedBy')
    .select([
      'x.id',
      'x.partId',
      'p.partNo',
      'p.name as partName',
      'p.unit',
      'p.bin',
      'p.costFen',
      'x.bookQty',
      'x.countedQty',
      'x.reason',
      's.name as countedByName',
      'x.countedAt',
      sql<number>`(SELECT COALESCE(SUM(m.qty), 0) FROM stock_movement m WHERE m.part_id = x.part_id AND m.location_id = ${stocktake.locationId} AND m.seq > ${stocktake.cutSeq}
        AND NOT (m.doc_type = 'stocktake' AND m.doc_id = ${stocktake.id}))`.as('movedSinceCut'),
    ])
    .where('x.stocktakeId', '=', stocktake.id);
}

function toLineView(row: Awaited<ReturnType<ReturnType<typeof linesQuery>['execute']>>[number]): StocktakeLineView {
  return {
    ...row,
    movedSinceCut: Number(row.movedSinceCut),
    variance: row.countedQty === null ? null : row.countedQty - row.bookQty,
  };
}

export async function loadStocktakeLineView(
  db: Kysely<DB>,
  stocktake: StocktakeRow,
  lineId: string,
): Promise<StocktakeLineView> {
  return toLineView(await linesQuery(db, stocktake).where('x.id', '=', lineId).executeTakeFirstOrThrow());
}

export async function loadStocktakeView(db: Kysely<DB>, id: string): Promise<StocktakeView | undefined> {
  const row = await db
    .selectFrom('stocktake as t')
    .innerJoin('stockLocation as l', 'l.id', 't.locationId')
    .leftJoin('staff as a', 'a.id', 't.startedBy')
    .leftJoin('staff as c', 'c.id', 't.closedBy')
    .selectAll('t')
    .select(['l.code as locationCode', 'l.name as locationName', 'a.name as startedByName', 'c.name as closedByName'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = (await linesQuery(db, row).orderBy('p.bin').orderBy('p.partNo').execute()).map(toLineView);
  const varied = lines.filter((l) => l.variance !== null && l.variance !== 0);
  return {
    id: row.id,
    number: row.number,
    locationId: row.locationId,
    locationCode: row.locationCode,
    locationName: row.locationName,
    binPrefix: row.binPrefix,
    note: row.note,
    blind: row.blind === 1,
    bookHidden: false,
    status: row.status,
    startedByName: row.startedByName,
    startedAt: row.startedAt,
    closedByName: row.closedByName,
    closedAt: row.closedAt,
    cancelReason: row.cancelReason,
    lines,
    counted: lines.filter((l) => l.countedQty !== null).length,
    withVariance: varied.length,
    varianceFen: varied.reduce((sum, l) => sum + (l.variance ?? 0) * l.costFen, 0),
  };
}

export async function listStocktakes(db: Kysely<DB>, limit: number): Promise<StocktakeSummary[]> {
  const rows = await db
    .selectFrom('stocktake as t')
    .innerJoin('stockLocation as l', 'l.id', 't.locationId')
    .leftJoin('staff as a', 'a.id', 't.startedBy')
    .select([
      't.id',
      't.number',
      'l.code as locationCode',
      't.binPrefix',
      't.status',
      't.blind',
      't.startedAt',
      'a.name as startedByName',
    ])
    .select((eb) =>
      eb
        .selectFrom('stocktakeLine')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('stocktakeId', '=', 't.id')
        .as('lineCount'),
    )
    .orderBy('t.startedAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, blind: row.blind === 1, lineCount: Number(row.lineCount ?? 0) }));
}
