/** Handlers for goods receipts with inspection, and returns to supplier. */
import { landing, takeStep } from '../../document-machine';
import { DeskFailure, type Handler, type HandlerContext } from '../../handler';
import { findPartRow, findSupplierRow } from '../catalogue/queries';
import { assertTakesStock, resolveLocation } from '../ledger/locations';
import { appendMovement } from '../ledger/movements';
import { nextNumber, storeDate } from '../numbers';
import { orderLinesDelivered, receivableOrder } from '../purchasing/receiving';
import type { GoodsReceiptRow, PartRow, ReceiptStatus } from '../tables';
import type {
  ReceiptView,
  receiptListSchema,
  ReceiptSummary,
  receiptGetSchema,
  receiptCreateSchema,
  receiptAddLineSchema,
  receiptInspectSchema,
  receiptCloseSchema,
} from './contract';
import { receiptMachine, type ReceiptAction } from './machine';
import {
  findReceiptRow,
  insertReceipt,
  insertReceiptLine,
  inspectReceiptLine,
  listReceipts,
  loadReceiptView,
  markReceiptClosed,
  receiptLineRows,
} from './queries';
import { insertSupplierReturn } from './returns';

async function viewOrFail(ctx: HandlerContext, id: string): Promise<ReceiptView> {
  const view = await loadReceiptView(ctx.trx, id);
  if (!view) throw new DeskFailure('not_found', 'not_found');
  return view;
}

/** A part that may still come into stock: known and not retired. */
async function receivablePart(ctx: HandlerContext, partId: string, field: string): Promise<PartRow> {
  const part = await findPartRow(ctx.trx, partId);
  if (!part) throw new DeskFailure('not_found', 'not_found', field);
  if (part.retiredAt !== null) throw new DeskFailure('validation', 'part_retired', field);
  return part;
}

async function activeSupplier(ctx: HandlerContext, supplierId: string): Promise<void> {
  const supplier = await findSupplierRow(ctx.trx, supplierId);
  if (!supplier) throw new DeskFailure('not_found', 'not_found', 'supplierId');
}

/** The receipt, if its machine (machine.ts) allows the action from its status: nothing can be received or inspected on a closed one. */
async function openReceipt(
  ctx: HandlerContext,
  receiptId: string,
  action: ReceiptAction,
): Promise<{ receipt: GoodsReceiptRow; to: ReceiptStatus }> {
  const receipt = await findReceiptRow(ctx.trx, receiptId);
  if (!receipt) throw new DeskFailure('not_found', 'not_found', 'receiptId');
  const step = takeStep(receiptMachine, { status: receipt.status, openedBy: receipt.createdBy }, action, ctx.actor);
  return { receipt, to: landing(step, receipt.status) };
}

export const partsReceipts: Handler<typeof receiptListSchema, { items: ReadonlyArray<ReceiptSummary> }> = async (
  ctx,
  input,
) => ({ items: await listReceipts(ctx.trx, input) });

export const partsReceipt: Handler<typeof receiptGetSchema, ReceiptView> = async (ctx, input) =>
  viewOrFail(ctx, input.id);

export const partsReceiptCreate: Handler<typeof receiptCreateSchema, ReceiptView> = async (ctx, input) => {
  if (input.receivedOn > (await storeDate(ctx.trx, ctx.nowIso)))
    throw new DeskFailure('validation', 'received_on_future', 'receivedOn');
  await activeSupplier(ctx, input.supplierId);
  for (const [index, line] of input.lines.entries()) await receivablePart(ctx, line.partId, `lines.${index}.partId`);
  // Against an order, the goods go where the order said they would.
  const order =
    input.purchaseOrderId === undefined ? null : await receivableOrder(ctx, input.purchaseOrderId, input.supplierId);
  // Goods cannot arrive against an order before it was sent: a PC whose clock was set back (the
  // form's date follows it) would otherwise count a late delivery as on time (record.ts).
  if (order?.approvedAt && input.receivedOn < (await storeDate(ctx.trx, order.approvedAt)))
    throw new DeskFailure('validation', 'received_before_order', 'receivedOn');
  const orderLineIds = order
    ? await orderLinesDelivered(ctx, order, input.lines, (index, key) => `lines.${index}.${key}`)
    : [];
  const location = await resolveLocation(ctx, order?.locationId ?? input.locationId);
  assertTakesStock(location, 'locationId');
  const receipt = await insertReceipt(ctx, {
    number: await nextNumber(ctx, 'GR'),
    supplierId: input.supplierId,
    locationId: location.id,
    supplierRef: input.supplierRef,
    receivedOn: input.receivedOn,
    note: input.note,
    purchaseOrderId: order?.id ?? null,
  });
  for (const [position, line] of input.lines.entries())
    await insertReceiptLine(ctx, receipt.id, position, {
      ...line,
      purchaseOrderLineId: orderLineIds[position] ?? null,
    });
  return viewOrFail(ctx, receipt.id);
};

export const partsReceiptAddLine: Handler<typeof receiptAddLineSchema, ReceiptView> = async (ctx, input) => {
  const { receipt } = await openReceipt(ctx, input.receiptId, 'add_line');
  await receivablePart(ctx, input.partId, 'partId');
  const lines = await receiptLineRows(ctx.trx, receipt.id);
  if (lines.some((line) => line.partId === input.partId))
    throw new DeskFailure('validation', 'lines_repeated', 'partId');
  const order =
    receipt.purchaseOrderId === null ? null : await receivableOrder(ctx, receipt.purchaseOrderId, receipt.supplierId);
  const [purchaseOrderLineId] = order ? await orderLinesDelivered(ctx, order, [input], (_index, key) => key) : [];
  await insertReceiptLine(ctx, receipt.id, lines.length, { ...input, purchaseOrderLineId });
  return viewOrFail(ctx, receipt.id);
};

export const partsReceiptInspect: Handler<typeof receiptInspectSchema, ReceiptView> = async (ctx, input) => {
  const { receipt } = await openReceipt(ctx, input.receiptId, 'inspect');
  const line = (await receiptLineRows(ctx.trx, receipt.id)).find((l) => l.id === input.lineId);
  if (!line) throw new DeskFailure('not_found', 'line_unknown', 'lineId');
  if (input.acceptedQty + input.rejectedQty !== line.deliveredQty)
    throw new DeskFailure('validation', 'inspection_sum', 'acceptedQty');
  await inspectReceiptLine(ctx, line, input);
  return viewOrFail(ctx, receipt.id);
};

export const partsReceiptClose: Handler<typeof receiptCloseSchema, ReceiptView> = async (ctx, input) => {
  const { receipt, to } = await openReceipt(ctx, input.receiptId, 'close');
  const lines = await receiptLineRows(ctx.trx, receipt.id);
  const uninspected = lines.findIndex((line) => line.acceptedQty === null || line.rejectedQty === null);
  if (uninspected >= 0) throw new DeskFailure('validation', 'receipt_not_inspected', `lines.${uninspected}`);
  // Only accepted units enter stock (docs/DOMAIN.md §7): rejected ones were never on the shelf.
  for (const line of lines) {
    if (!line.acceptedQty) continue;
    await appendMovement(ctx, {
      partId: line.partId,
      locationId: receipt.locationId,
      kind: 'receive',
      qty: line.acceptedQty,
      unitCostFen: line.unitCostFen,
      reason: receipt.supplierRef,
      docType: 'receipt',
      docId: receipt.id,
      docLineId: line.id,
    });
  }
  const rejected = lines.filter((line) => (line.rejectedQty ?? 0) > 0);
  if (rejected.length > 0) {
    await insertSupplierReturn(ctx, {
      supplierId: receipt.supplierId,
      locationId: receipt.locationId,
      source: 'inspection',
      receiptId: receipt.id,
      reason: receipt.number,
      lines: rejected.map((line) => ({
        partId: line.partId,
        qty: line.rejectedQty ?? 0,
        reason: line.rejectReason,
        unitCostFen: line.unitCostFen,
      })),
    });
  }
  await markReceiptClosed(ctx, receipt, to);
  return viewOrFail(ctx, receipt.id);
};
