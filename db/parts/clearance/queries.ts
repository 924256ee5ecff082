/**
 * Reading and writing part clearances. The open clearance is the newest one not ended; a job is
 * charged the clearance price of the clearance that was open when its part left the shelf.
 */
import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type { ClearanceView } from './contract';
import type { ClearanceEndKind, PartClearanceRow } from './tables';

export async function openClearances(db: Kysely<DB>, partId: string): Promise<PartClearanceRow[]> {
  return db
    .selectFrom('partClearance')
    .selectAll()
    .where('partId', '=', partId)
    .where('endedAt', 'is', null)
    .orderBy('startedAt', 'desc')
    .execute();
}

/** The open clearance of each part asked for, as the part drawer and the slow-stock report show it. */
export async function clearanceViews(
  db: Kysely<DB>,
  partIds: ReadonlyArray<string>,
): Promise<Map<string, ClearanceView>> {
  if (partIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('partClearance as c')
    .leftJoin('staff as s', 's.id', 'c.startedBy')
    .select(['c.id', 'c.partId', 'c.priceFen', 'c.reason', 's.name as startedByName', 'c.startedAt'])
    .where('c.partId', 'in', [...partIds])
    .where('c.endedAt', 'is', null)
    .orderBy('c.startedAt', 'asc')
    .execute();
  // Ascending, so the newest open one of a part is the one left in the map.
  return new Map(rows.map(({ partId, ...view }) => [partId, view]));
}

export async function insertClearance(
  tx: TxContext,
  input: { partId: string; priceFen: number; reason: string },
): Promise<string> {
  const row = {
    id: newId(),
    partId: input.partId,
    priceFen: input.priceFen,
    reason: input.reason,
    startedBy: tx.staffId,
    startedAt: tx.nowIso,
    endedAt: null,
    endedBy: null,
    endKind: null,
    endReason: '',
    updatedAt: tx.nowIso,
    hlc: tx.stamp(),
  };
  await insertRecorded(tx, 'partClearance', 'part_clearance', row);
  return row.id;
}

/** Ends every open clearance of the part (two PCs may each have started one offline). */
export async function endClearances(
  tx: TxContext,
  partId: string,
  kind: ClearanceEndKind,
  reason: string,
): Promise<number> {
  const open = await openClearances(tx.trx, partId);
  for (const clearance of open) {
    const hlc = tx.stamp();
    const set = { endedAt: tx.nowIso, endedBy: tx.staffId, endKind: kind, endReason: reason, updatedAt: tx.nowIso };
    await tx.trx
      .updateTable('partClearance')
      .set({ ...set, hlc })
      .where('id', '=', clearance.id)
      .execute();
    await recordChange(tx, { entity: 'part_clearance', entityId: clearance.id, op: 'update', hlc, fields: set });
  }
  return open.length;
}

/**
 * A clearance ends by itself when the part's stock is gone, over all locations: called after each
 * movement out of stock, in its transaction, so the last unit issued is still at the clearance price
 * (it ends at the movement's own time, which the price lookup below counts as open).
 */
export async function endClearanceWhenSoldOut(tx: TxContext, partId: string): Promise<void> {
  const open = await tx.trx
    .selectFrom('partClearance')
    .select('id')
    .where('partId', '=', partId)
    .where('endedAt', 'is', null)
    .executeTakeFirst();
  if (!open) return;
  const stock = await tx.trx
    .selectFrom('stockOnHand')
    .select(sql<number>`COALESCE(SUM(qty), 0)`.as('qty'))
    .where('partId', '=', partId)
    .executeTakeFirst();
  if (Number(stock?.qty ?? 0) <= 0) await endClearances(tx, partId, 'sold_out', '');
}

/** The clearance price that applied to a movement: the newest clearance open at the moment it was made, or null. */
export async function clearancePriceOfMovement(db: Kysely<DB>, movementId: string): Promise<number | null> {
  const row = await sql<{ priceFen: number }>`
    SELECT c.price_fen FROM part_clearance c JOIN stock_movement m ON m.id = ${movementId}
    WHERE c.part_id = m.part_id AND c.started_at <= m.created_at AND (c.ended_at IS NULL OR c.ended_at >= m.created_at)
    ORDER BY c.started_at DESC, c.hlc DESC LIMIT 1`.execute(db);
  return row.rows[0]?.priceFen ?? null;
}
