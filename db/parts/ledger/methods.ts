/** Handlers for manual movements, reversals, a part's history and the cache check. */
import { DeskFailure, type Handler, type HandlerContext } from '../../handler';
import { newId } from '../../ids';
import { findPartRow } from '../catalogue/queries';
import type { PartRow } from '../tables';
import { assertTakesStock, resolveLocation } from './locations';
import { appendMovement, rebuildOnHand, type MovementRecord } from './movements';
import { loadMovementViews, loadPartHistory } from './queries';
import type {
  adjustSchema,
  MovementView,
  transferSchema,
  reverseSchema,
  historySchema,
  PartHistory,
  OnHandCheck,
} from './contract';
import type { noInput } from '../../fields';

async function partOrFail(ctx: HandlerContext, partId: string): Promise<PartRow> {
  const part = await findPartRow(ctx.trx, partId);
  if (!part) throw new DeskFailure('not_found', 'not_found', 'partId');
  return part;
}

export const partsAdjust: Handler<typeof adjustSchema, MovementView> = async (ctx, input) => {
  const part = await partOrFail(ctx, input.partId);
  const location = await resolveLocation(ctx, input.locationId);
  if (input.qty > 0) assertTakesStock(location, 'locationId');
  const movement = await appendMovement(ctx, {
    partId: part.id,
    locationId: location.id,
    kind: 'adjust',
    qty: input.qty,
    unitCostFen: part.costFen,
    reason: input.reason,
    docType: 'manual',
  });
  const [view] = await loadMovementViews(ctx.trx, [movement.id]);
  return view!;
};

export const partsTransfer: Handler<typeof transferSchema, ReadonlyArray<MovementView>> = async (ctx, input) => {
  const part = await partOrFail(ctx, input.partId);
  const from = await resolveLocation(ctx, input.fromLocationId, 'fromLocationId');
  const to = await resolveLocation(ctx, input.toLocationId, 'toLocationId');
  assertTakesStock(to, 'toLocationId');
  // Both legs share one document id, so a reversal can find and undo the pair together.
  const docId = newId();
  const common = {
    partId: part.id,
    unitCostFen: part.costFen,
    reason: input.reason,
    docType: 'transfer' as const,
    docId,
  };
  const out = await appendMovement(ctx, { ...common, locationId: from.id, kind: 'transfer_out', qty: -input.qty });
  const into = await appendMovement(ctx, { ...common, locationId: to.id, kind: 'transfer_in', qty: input.qty });
  return loadMovementViews(ctx.trx, [out.id, into.id]);
};

async function findMovement(ctx: HandlerContext, id: string): Promise<MovementRecord | undefined> {
  return ctx.trx.selectFrom('stockMovement').selectAll().where('id', '=', id).executeTakeFirst();
}

async function assertReversible(ctx: HandlerContext, movement: MovementRecord): Promise<void> {
  if (movement.reversesId !== null) throw new DeskFailure('conflict', 'movement_is_reversal', 'movementId');
  // A requisition's figures (issued, returned) are its movements: it is corrected by a return.
  if (movement.docType === 'requisition') throw new DeskFailure('conflict', 'movement_on_requisition', 'movementId');
  // Goods that left with a shipped return are gone: only a return not yet shipped puts stock back.
  if (movement.docType === 'supplier_return' && movement.docId !== null) {
    const shipped = await ctx.trx
      .selectFrom('supplierReturn')
      .select('status')
      .where('id', '=', movement.docId)
      .where('status', '!=', 'created')
      .executeTakeFirst();
    if (shipped) throw new DeskFailure('conflict', 'movement_on_shipped_return', 'movementId');
  }
  const reversal = await ctx.trx
    .selectFrom('stockMovement')
    .select('id')
    .where('reversesId', '=', movement.id)
    .executeTakeFirst();
  if (reversal) throw new DeskFailure('conflict', 'movement_reversed', 'movementId');
}

export const partsReverse: Handler<typeof reverseSchema, ReadonlyArray<MovementView>> = async (ctx, input) => {
  const movement = await findMovement(ctx, input.movementId);
  if (!movement) throw new DeskFailure('not_found', 'not_found', 'movementId');
  const targets = [movement];
  if (movement.docType === 'transfer' && movement.docId !== null) {
    // Half a transfer undone would leave stock in two places at once.
    const legs = await ctx.trx
      .selectFrom('stockMovement')
      .selectAll()
      .where('docType', '=', 'transfer')
      .where('docId', '=', movement.docId)
      .orderBy('seq')
      .execute();
    targets.splice(0, 1, ...legs);
  }
  for (const target of targets) await assertReversible(ctx, target);
  const appended: string[] = [];
  for (const target of targets) {
    const reversal = await appendMovement(ctx, {
      partId: target.partId,
      locationId: target.locationId,
      kind: target.kind,
      qty: -target.qty,
      unitCostFen: target.unitCostFen,
      reason: input.reason,
      docType: target.docType,
      docId: target.docId,
      docLineId: target.docLineId,
      reversesId: target.id,
    });
    appended.push(reversal.id);
  }
  return loadMovementViews(ctx.trx, appended);
};

export const partsHistory: Handler<typeof historySchema, PartHistory> = async (ctx, input) => {
  await partOrFail(ctx, input.partId);
  return loadPartHistory(ctx.trx, input);
};

export const partsRebuildOnHand: Handler<typeof noInput, OnHandCheck> = async (ctx) => ({
  mismatches: await rebuildOnHand(ctx.trx),
});
