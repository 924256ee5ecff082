/** Handlers for returns to supplier: list, open, create from stock, and the steps ship, credit, cancel. */
import { assert } from '../../assert';
import { landing, takeStep } from '../../document-machine';
import { DeskFailure, type Handler, type HandlerContext } from '../../handler';
import { findPartRow, findSupplierRow } from '../catalogue/queries';
import { resolveLocation } from '../ledger/locations';
import { storeDate } from '../numbers';
import type { SupplierReturnView, supplierReturnCreateSchema, supplierReturnListSchema } from '../receiving/contract';
import { insertSupplierReturn, listSupplierReturns, loadSupplierReturnView } from '../receiving/returns';
import type { SupplierReturnRow, SupplierReturnStatus } from '../tables';
import type {
  supplierReturnCancelSchema,
  supplierReturnCreditSchema,
  supplierReturnGetSchema,
  supplierReturnShipSchema,
} from './contract';
import { supplierReturnMachine, type SupplierReturnAction } from './machine';
import { findReturnRow, reverseReturnMovements, writeReturnStep } from './queries';

async function viewOrFail(ctx: HandlerContext, id: string): Promise<SupplierReturnView> {
  const view = await loadSupplierReturnView(ctx.trx, id, await storeDate(ctx.trx, ctx.nowIso));
  if (!view) throw new DeskFailure('not_found', 'not_found', 'returnId');
  return view;
}

/** The return, if its machine lets this person take the action from where it stands; nothing is written before. */
async function stepOf(
  ctx: HandlerContext,
  returnId: string,
  action: SupplierReturnAction,
): Promise<{ row: SupplierReturnRow; to: SupplierReturnStatus }> {
  const row = await findReturnRow(ctx, returnId);
  const step = takeStep(supplierReturnMachine, { status: row.status, openedBy: row.createdBy }, action, ctx.actor);
  return { row, to: landing(step, row.status) };
}

async function onHandAt(ctx: HandlerContext, partId: string, locationId: string): Promise<number> {
  const row = await ctx.trx
    .selectFrom('stockOnHand')
    .select('qty')
    .where('partId', '=', partId)
    .where('locationId', '=', locationId)
    .executeTakeFirst();
  return row?.qty ?? 0;
}

export const partsSupplierReturns: Handler<
  typeof supplierReturnListSchema,
  { items: ReadonlyArray<SupplierReturnView> }
> = async (ctx, input) => ({
  items: await listSupplierReturns(ctx.trx, input, await storeDate(ctx.trx, ctx.nowIso)),
});

export const partsSupplierReturn: Handler<typeof supplierReturnGetSchema, SupplierReturnView> = async (ctx, input) =>
  viewOrFail(ctx, input.id);

/** Stock sent back (slow stock by agreement, a faulty batch found later): never more than the location holds. */
export const partsSupplierReturnCreate: Handler<typeof supplierReturnCreateSchema, SupplierReturnView> = async (
  ctx,
  input,
) => {
  if (!(await findSupplierRow(ctx.trx, input.supplierId)))
    throw new DeskFailure('not_found', 'not_found', 'supplierId');
  const location = await resolveLocation(ctx, input.locationId);
  const lines = [];
  for (const [index, line] of input.lines.entries()) {
    const part = await findPartRow(ctx.trx, line.partId);
    if (!part) throw new DeskFailure('not_found', 'not_found', `lines.${index}.partId`);
    if (line.qty > (await onHandAt(ctx, part.id, location.id)))
      throw new DeskFailure('validation', 'return_over_stock', `lines.${index}.qty`);
    lines.push({ partId: part.id, qty: line.qty, reason: input.reason, unitCostFen: part.costFen });
  }
  const id = await insertSupplierReturn(ctx, {
    supplierId: input.supplierId,
    locationId: location.id,
    source: 'stock',
    receiptId: null,
    reason: input.reason,
    agreementRef: input.agreementRef,
    lines,
  });
  const view = await loadSupplierReturnView(ctx.trx, id, await storeDate(ctx.trx, ctx.nowIso));
  assert(view, 'a supplier return written in this transaction reads back');
  return view;
};

export const partsSupplierReturnShip: Handler<typeof supplierReturnShipSchema, SupplierReturnView> = async (
  ctx,
  input,
) => {
  const { row, to } = await stepOf(ctx, input.returnId, 'ship');
  const today = await storeDate(ctx.trx, ctx.nowIso);
  if (input.shippedOn > today) throw new DeskFailure('validation', 'shipped_on_future', 'shippedOn');
  if (input.shippedOn < (await storeDate(ctx.trx, row.createdAt)))
    throw new DeskFailure('validation', 'shipped_before_created', 'shippedOn');
  await writeReturnStep(ctx, row.id, {
    status: to,
    shippedOn: input.shippedOn,
    carrier: input.carrier,
    waybillNo: input.waybillNo,
    shippedBy: ctx.staffId,
    shippedAt: ctx.nowIso,
  });
  return viewOrFail(ctx, row.id);
};

export const partsSupplierReturnCredit: Handler<typeof supplierReturnCreditSchema, SupplierReturnView> = async (
  ctx,
  input,
) => {
  const { row, to } = await stepOf(ctx, input.returnId, 'credit');
  await writeReturnStep(ctx, row.id, {
    status: to,
    creditNoteNo: input.creditNoteNo,
    creditFen: input.creditFen,
    creditedBy: ctx.staffId,
    creditedAt: ctx.nowIso,
  });
  return viewOrFail(ctx, row.id);
};

export const partsSupplierReturnCancel: Handler<typeof supplierReturnCancelSchema, SupplierReturnView> = async (
  ctx,
  input,
) => {
  const { row, to } = await stepOf(ctx, input.returnId, 'cancel');
  // Rejects never entered stock: there is nothing to put back, and they still have to leave the store.
  if (row.source === 'inspection') throw new DeskFailure('conflict', 'return_cancel_inspection', 'returnId');
  await reverseReturnMovements(ctx, row.id, input.reason);
  await writeReturnStep(ctx, row.id, {
    status: to,
    cancelReason: input.reason,
    cancelledBy: ctx.staffId,
    cancelledAt: ctx.nowIso,
  });
  return viewOrFail(ctx, row.id);
};
