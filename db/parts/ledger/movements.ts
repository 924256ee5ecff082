/**
 * The stock ledger (docs/DESIGN.md data rules, docs/SYNC.md §2.5): every change of stock is one appended
 * movement; on-hand is Σ movements per part and location. `stock_on_hand` caches that sum and
 * moves in the same transaction as the movement, and `rebuildOnHand` recomputes it from the
 * ledger. Movements are never updated or deleted (triggers in migration 0004 refuse it): a
 * mistake is undone by a reversing movement.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DeskFailure } from '../../handler';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { appendRecorded, type TxContext } from '../../sync/change-log';
import { endClearanceWhenSoldOut } from '../clearance/queries';
import type { DocType, MovementKind, StockMovementTable } from '../tables';

export type MovementInput = {
  /** A derived id, for a movement two PCs may both write (db/parts/returns/settle.ts); else a new one. */
  id?: string;
  partId: string;
  locationId: string;
  kind: MovementKind;
  /** Signed: positive into stock, negative out of it. */
  qty: number;
  unitCostFen?: number | null;
  reason?: string;
  docType: DocType;
  docId?: string | null;
  docLineId?: string | null;
  reversesId?: string | null;
};

/** A movement as stored and as synced (without the local arrival seq). */
export type MovementRecord = Omit<StockMovementTable, 'seq'>;

/**
 * Moves the on-hand cache by one movement already in the ledger. appendMovement calls it for the
 * row it appended; sync calls it for movements a pull inserted (db/parts/sync-hooks.ts). It writes
 * no change log: the movement itself is the synced fact, the cache is local.
 */
export async function addToOnHand(
  trx: Transaction<DB>,
  movement: Pick<MovementRecord, 'partId' | 'locationId' | 'qty' | 'createdAt'>,
): Promise<void> {
  await trx
    .insertInto('stockOnHand')
    .values({
      partId: movement.partId,
      locationId: movement.locationId,
      qty: movement.qty,
      lastMovementAt: movement.createdAt,
    })
    .onConflict((oc) =>
      oc.columns(['partId', 'locationId']).doUpdateSet({
        qty: sql<number>`stock_on_hand.qty + excluded.qty`,
        lastMovementAt: sql<string>`max(stock_on_hand.last_movement_at, excluded.last_movement_at)`,
      }),
    )
    .execute();
}

/** Appends a movement made at this counter: stamped, cached and written to the change log. */
export async function appendMovement(tx: TxContext, input: MovementInput): Promise<MovementRecord> {
  if (!Number.isInteger(input.qty) || input.qty === 0)
    throw new Error(`a movement moves a whole, non-zero quantity, not ${input.qty}`);
  if (await bringsNewStockToRetired(tx, input)) throw new DeskFailure('conflict', 'location_retired', 'locationId');
  const hlc = tx.stamp();
  const movement: MovementRecord = {
    id: input.id ?? newId(),
    partId: input.partId,
    locationId: input.locationId,
    kind: input.kind,
    qty: input.qty,
    unitCostFen: input.unitCostFen ?? null,
    reason: input.reason ?? '',
    docType: input.docType,
    docId: input.docId ?? null,
    docLineId: input.docLineId ?? null,
    reversesId: input.reversesId ?? null,
    staffId: tx.staffId,
    createdAt: tx.nowIso,
    hlc,
  };
  await appendRecorded(tx, 'stockMovement', 'stock_movement', movement);
  await addToOnHand(tx.trx, movement);
  if (movement.qty < 0) await endClearanceWhenSoldOut(tx, movement.partId);
  return movement;
}

/**
 * A retired location takes no new stock: deliveries, transfers in and positive adjustments are
 * refused. Reversals, returns from a job and a stocktake's counted difference book what already
 * happened, so they still go through.
 */
async function bringsNewStockToRetired(tx: TxContext, input: MovementInput): Promise<boolean> {
  if (
    input.qty <= 0 ||
    input.reversesId ||
    input.docType === 'stocktake' ||
    !['receive', 'transfer_in', 'adjust'].includes(input.kind)
  )
    return false;
  const location = await tx.trx
    .selectFrom('stockLocation')
    .select('retiredAt')
    .where('id', '=', input.locationId)
    .executeTakeFirst();
  return location !== undefined && location.retiredAt !== null;
}

export type OnHandMismatch = { partId: string; locationId: string; cached: number; ledger: number };

/** Where the cache disagrees with the ledger (should be nowhere). */
export async function onHandMismatches(db: Kysely<DB>): Promise<OnHandMismatch[]> {
  const result = await sql<OnHandMismatch>`
    WITH ledger AS (SELECT part_id, location_id, SUM(qty) AS qty FROM stock_movement GROUP BY part_id, location_id),
    keys AS (SELECT part_id, location_id FROM ledger UNION SELECT part_id, location_id FROM stock_on_hand)
    SELECT keys.part_id, keys.location_id, COALESCE(c.qty, 0) AS cached, COALESCE(l.qty, 0) AS ledger
    FROM keys
    LEFT JOIN ledger l ON l.part_id = keys.part_id AND l.location_id = keys.location_id
    LEFT JOIN stock_on_hand c ON c.part_id = keys.part_id AND c.location_id = keys.location_id
    WHERE COALESCE(c.qty, 0) <> COALESCE(l.qty, 0)`.execute(db);
  return result.rows;
}

/** Recomputes the whole cache from the ledger; returns what was wrong before. */
export async function rebuildOnHand(trx: Transaction<DB>): Promise<OnHandMismatch[]> {
  const wrong = await onHandMismatches(trx);
  await trx.deleteFrom('stockOnHand').execute();
  await sql`INSERT INTO stock_on_hand (part_id, location_id, qty, last_movement_at)
    SELECT part_id, location_id, SUM(qty), MAX(created_at) FROM stock_movement GROUP BY part_id, location_id`.execute(
    trx,
  );
  return wrong;
}

/** The last movement seq this replica has seen: a stocktake's ledger cut. */
export async function ledgerHead(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('stockMovement')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

/** Book quantity of one part at one location as of a ledger cut. */
export async function bookQtyAt(db: Kysely<DB>, partId: string, locationId: string, cutSeq: number): Promise<number> {
  const row = await db
    .selectFrom('stockMovement')
    .select((eb) => eb.fn.sum<number>('qty').as('qty'))
    .where('partId', '=', partId)
    .where('locationId', '=', locationId)
    .where('seq', '<=', cutSeq)
    .executeTakeFirst();
  return Number(row?.qty ?? 0);
}

export async function onHandAt(db: Kysely<DB>, partId: string, locationId: string): Promise<number> {
  const row = await db
    .selectFrom('stockOnHand')
    .select('qty')
    .where('partId', '=', partId)
    .where('locationId', '=', locationId)
    .executeTakeFirst();
  return row?.qty ?? 0;
}
