/**
 * A return cancelled on one PC and shipped on another, both offline. Sync merges its status to
 * shipped (the goods left the store: db/parts/sync-entities.ts ranks shipped above cancelled), but
 * the cancel had already put the stock back on the shelf with reversing movements. Here the PC that
 * sees both takes that stock off again, once per reversal, with a movement reversing the reversal.
 *
 * Every PC that sees the clash may do this on its own before it hears of the others, so the
 * correction is the same everywhere: its id is derived from the reversal's (UUIDv5), and its values
 * come from the reversal alone (no clock, no person), so two PCs write the same movement and a PC
 * that already holds it keeps it (db/sync/apply.ts).
 */
import { v5 } from 'uuid';
import { newId } from '../../ids';
import type { SyncWork } from '../../sync/registration';
import { appendMovement } from '../ledger/movements';

/** The name space of these corrections' ids (a fixed random UUID). */
const CORRECTION_NAMESPACE = '5d7c3e2a-93f1-4b0e-a8c6-1f2e9b7d4c60';

/** Why the stock left again, as the ledger shows it (the same text on every PC). */
export const SHIPPED_AFTER_CANCEL_REASON = '已发货，作废无效 / Shipped: the cancel is undone';

export function shippedAfterCancelId(reversalId: string): string {
  return v5(`supplier_return_shipped:${reversalId}`, CORRECTION_NAMESPACE);
}

/**
 * For each of these returns that is shipped (or credited) but was also cancelled: every movement
 * the cancel wrote (a reversal of the return's own movement, written in the cancel's transaction, so
 * stamped with its `cancelledAt`) that nothing reverses yet gets its correction. Returns how many.
 */
export async function settleShippedReturns(work: SyncWork, returnIds: ReadonlyArray<string>): Promise<number> {
  let written = 0;
  for (const returnId of new Set(returnIds)) {
    const row = await work.trx
      .selectFrom('supplierReturn')
      .select(['status', 'cancelledAt'])
      .where('id', '=', returnId)
      .executeTakeFirst();
    if (!row || row.cancelledAt === null || (row.status !== 'shipped' && row.status !== 'credited')) continue;
    const reversals = await work.trx
      .selectFrom('stockMovement as r')
      .innerJoin('stockMovement as m', 'm.id', 'r.reversesId')
      .selectAll('r')
      .where('r.docType', '=', 'supplier_return')
      .where('r.docId', '=', returnId)
      .where('r.createdAt', '=', row.cancelledAt)
      .where('m.docId', '=', returnId)
      .where('m.reversesId', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('stockMovement as c').select('c.id').whereRef('c.reversesId', '=', 'r.id'))),
      )
      .orderBy('r.id')
      .execute();
    for (const reversal of reversals) {
      // The correction carries the reversal's time: every PC writes the same row, whenever it runs.
      const tx = { trx: work.trx, txId: newId(), staffId: null, nowIso: reversal.createdAt, stamp: work.stamp };
      await appendMovement(tx, {
        id: shippedAfterCancelId(reversal.id),
        partId: reversal.partId,
        locationId: reversal.locationId,
        kind: reversal.kind,
        qty: -reversal.qty,
        unitCostFen: reversal.unitCostFen,
        reason: SHIPPED_AFTER_CANCEL_REASON,
        docType: 'supplier_return',
        docId: returnId,
        docLineId: reversal.docLineId,
        reversesId: reversal.id,
      });
      written += 1;
    }
  }
  return written;
}
