/**
 * Handlers for purchase orders: drafting (by hand or from the reorder list), approval at two levels,
 * cancelling and closing short, the store's threshold, and the supplier record. Receiving against
 * an order is in receiving.ts; the method table is table.ts.
 */
import { assert } from '../../assert';
import type { noInput } from '../../fields';
import { landing, takeStep } from '../../document-machine';
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../../handler';
import { roleCan } from '../../staff/roles';
import { findStoreRow } from '../../store/queries';
import { findPartRow, findSupplierRow } from '../catalogue/queries';
import { assertTakesStock, resolveLocation } from '../ledger/locations';
import { nextNumber, storeDate } from '../numbers';
import type {
  purchaseOrderCreateSchema,
  purchaseOrderIdSchema,
  purchaseOrderListSchema,
  purchaseOrderReasonSchema,
  purchaseOrdersFromReorderSchema,
  purchaseOrderUpdateSchema,
  PurchaseOrderSummary,
  PurchaseOrderView,
  purchaseSettingsSchema,
  PurchaseSettingsView,
  SupplierRecord,
  supplierRecordSchema,
} from './contract';
import { purchaseOrderMachine, type PurchaseOrderAction } from './machine';
import {
  approvalThresholdFen,
  arrivalsByLine,
  findPurchaseOrderRow,
  listPurchaseOrders,
  loadPurchaseOrderView,
  loadPurchaseSettings,
  purchaseOrderLineRows,
} from './queries';
import {
  appendOrderEvent,
  insertPurchaseOrder,
  moveOrder,
  rewriteDraft,
  savePurchaseSettings,
  totalOf,
  type OrderLineWrite,
} from './writes';
import { supplierRecord } from './record';
import type { PurchaseOrderRow, PurchaseOrderStatus } from './tables';

async function viewOrFail(ctx: HandlerContext, id: string): Promise<PurchaseOrderView> {
  const view = await loadPurchaseOrderView(ctx.trx, id);
  if (!view) throw new DeskFailure('not_found', 'not_found', 'purchaseOrderId');
  return view;
}

/** The order, if its machine lets this person take the action from its status; nothing is written before. */
async function stepOn(
  ctx: HandlerContext,
  orderId: string,
  action: PurchaseOrderAction | ((order: PurchaseOrderRow, totalFen: number) => Promise<PurchaseOrderAction>),
): Promise<{ order: PurchaseOrderRow; to: PurchaseOrderStatus; totalFen: number }> {
  const order = await findPurchaseOrderRow(ctx.trx, orderId);
  if (!order) throw new DeskFailure('not_found', 'not_found', 'purchaseOrderId');
  // The value is what the lines say now, never the stored total or anything the caller sent.
  const totalFen = totalOf(await purchaseOrderLineRows(ctx.trx, order.id));
  const chosen = typeof action === 'string' ? action : await action(order, totalFen);
  const step = takeStep(purchaseOrderMachine, { status: order.status, openedBy: order.createdBy }, chosen, ctx.actor);
  return { order, to: landing(step, order.status), totalFen };
}

/** Above the threshold only the manager's permission decides; at or below it the parts lead's does (or the manager's). */
function decisionLevel(ctx: HandlerContext, kind: 'approve' | 'send_back') {
  return async (_order: PurchaseOrderRow, totalFen: number): Promise<PurchaseOrderAction> => {
    const large = totalFen > (await approvalThresholdFen(ctx.trx));
    const actor = requireActor(ctx);
    if (!large && (roleCan(actor.role, 'parts.approve') || !roleCan(actor.role, 'parts.approveLargeOrder')))
      return kind;
    return kind === 'approve' ? 'approve_large' : 'send_back_large';
  };
}

/** Supplier, location, date and lines checked against the store: each refusal names its field. */
async function checkedOrder(
  ctx: HandlerContext,
  input: {
    supplierId: string;
    locationId?: string | undefined;
    expectedOn: string;
    lines: ReadonlyArray<{ partId: string; orderedQty: number; unitPriceFen?: number | undefined }>;
  },
): Promise<{ locationId: string; lines: OrderLineWrite[] }> {
  if (!(await findSupplierRow(ctx.trx, input.supplierId)))
    throw new DeskFailure('not_found', 'po_supplier_unknown', 'supplierId');
  if (input.expectedOn < (await storeDate(ctx.trx, ctx.nowIso)))
    throw new DeskFailure('validation', 'po_expected_past', 'expectedOn');
  const location = await resolveLocation(ctx, input.locationId);
  assertTakesStock(location, 'locationId');
  const lines: OrderLineWrite[] = [];
  for (const [index, line] of input.lines.entries()) {
    const part = await findPartRow(ctx.trx, line.partId);
    if (!part) throw new DeskFailure('not_found', 'not_found', `lines.${index}.partId`);
    if (part.retiredAt !== null) throw new DeskFailure('validation', 'part_retired', `lines.${index}.partId`);
    lines.push({ partId: part.id, orderedQty: line.orderedQty, unitPriceFen: line.unitPriceFen ?? part.costFen });
  }
  return { locationId: location.id, lines };
}

export const partsPurchaseOrders: Handler<
  typeof purchaseOrderListSchema,
  { items: ReadonlyArray<PurchaseOrderSummary> }
> = async (ctx, input) => ({ items: await listPurchaseOrders(ctx.trx, input) });

export const partsPurchaseOrder: Handler<typeof purchaseOrderIdSchema, PurchaseOrderView> = async (ctx, input) =>
  viewOrFail(ctx, input.purchaseOrderId);

export const partsPurchaseOrderCreate: Handler<typeof purchaseOrderCreateSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { locationId, lines } = await checkedOrder(ctx, input);
  const id = await insertPurchaseOrder(
    ctx,
    {
      number: await nextNumber(ctx, 'PO'),
      supplierId: input.supplierId,
      locationId,
      contractNo: input.contractNo,
      expectedOn: input.expectedOn,
      note: input.note,
    },
    lines,
  );
  return viewOrFail(ctx, id);
};

export const partsPurchaseOrderUpdate: Handler<typeof purchaseOrderUpdateSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order } = await stepOn(ctx, input.purchaseOrderId, 'edit');
  const { locationId, lines } = await checkedOrder(ctx, input);
  await rewriteDraft(
    ctx,
    order,
    await purchaseOrderLineRows(ctx.trx, order.id),
    {
      supplierId: input.supplierId,
      locationId,
      contractNo: input.contractNo,
      expectedOn: input.expectedOn,
      note: input.note,
    },
    lines,
  );
  return viewOrFail(ctx, order.id);
};

/** One draft per preferred supplier (the first of the part's suppliers), at the parts' cost prices. */
export const partsPurchaseOrdersFromReorder: Handler<
  typeof purchaseOrdersFromReorderSchema,
  { items: ReadonlyArray<PurchaseOrderView> }
> = async (ctx, input) => {
  const bySupplier = new Map<string, Array<{ partId: string; orderedQty: number }>>();
  for (const [index, line] of input.lines.entries()) {
    const part = await findPartRow(ctx.trx, line.partId);
    if (!part) throw new DeskFailure('not_found', 'not_found', `lines.${index}.partId`);
    const preferred = (JSON.parse(part.supplierIds) as string[])[0];
    if (preferred === undefined) throw new DeskFailure('validation', 'po_part_no_supplier', `lines.${index}.partId`);
    bySupplier.set(preferred, [...(bySupplier.get(preferred) ?? []), line]);
  }
  const items: PurchaseOrderView[] = [];
  for (const [supplierId, lines] of bySupplier) {
    const checked = await checkedOrder(ctx, {
      supplierId,
      locationId: input.locationId,
      expectedOn: input.expectedOn,
      lines,
    });
    const id = await insertPurchaseOrder(
      ctx,
      {
        number: await nextNumber(ctx, 'PO'),
        supplierId,
        locationId: checked.locationId,
        contractNo: '',
        expectedOn: input.expectedOn,
        note: '',
      },
      checked.lines,
    );
    items.push(await viewOrFail(ctx, id));
  }
  return { items };
};

export const partsPurchaseOrderSubmit: Handler<typeof purchaseOrderIdSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order, to, totalFen } = await stepOn(ctx, input.purchaseOrderId, 'submit');
  await moveOrder(ctx, order, to, { totalFen });
  await appendOrderEvent(ctx, order.id, 'submitted', '', { totalFen });
  return viewOrFail(ctx, order.id);
};

export const partsPurchaseOrderApprove: Handler<typeof purchaseOrderIdSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order, to, totalFen } = await stepOn(ctx, input.purchaseOrderId, decisionLevel(ctx, 'approve'));
  const thresholdFen = await approvalThresholdFen(ctx.trx);
  await moveOrder(ctx, order, to, { approvedBy: ctx.staffId, approvedAt: ctx.nowIso, totalFen });
  await appendOrderEvent(ctx, order.id, 'approved', '', { totalFen, thresholdFen });
  return viewOrFail(ctx, order.id);
};

export const partsPurchaseOrderSendBack: Handler<typeof purchaseOrderReasonSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order, to } = await stepOn(ctx, input.purchaseOrderId, decisionLevel(ctx, 'send_back'));
  await moveOrder(ctx, order, to);
  await appendOrderEvent(ctx, order.id, 'sent_back', input.reason, {});
  return viewOrFail(ctx, order.id);
};

export const partsPurchaseOrderCancel: Handler<typeof purchaseOrderReasonSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order, to } = await stepOn(ctx, input.purchaseOrderId, 'cancel');
  const arrivals = await arrivalsByLine(ctx.trx, [order.id]);
  // Goods already came against it: what arrived stays on the order's record, so it is closed short instead.
  if (arrivals.size > 0) throw new DeskFailure('conflict', 'po_has_receipts', 'purchaseOrderId');
  await moveOrder(ctx, order, to, { closedReason: input.reason });
  await appendOrderEvent(ctx, order.id, 'cancelled', input.reason, {});
  return viewOrFail(ctx, order.id);
};

export const partsPurchaseOrderCloseShort: Handler<typeof purchaseOrderReasonSchema, PurchaseOrderView> = async (
  ctx,
  input,
) => {
  const { order, to } = await stepOn(ctx, input.purchaseOrderId, 'close_short');
  const view = await viewOrFail(ctx, order.id);
  const open = view.lines.filter((line) => line.openQty > 0);
  if (open.length === 0) throw new DeskFailure('conflict', 'po_nothing_open', 'purchaseOrderId');
  await moveOrder(ctx, order, to, { closedReason: input.reason });
  await appendOrderEvent(ctx, order.id, 'closed_short', input.reason, {
    open: open.map((line) => ({ partId: line.partId, qty: line.openQty })),
  });
  return viewOrFail(ctx, order.id);
};

export const partsPurchaseSettings: Handler<typeof noInput, PurchaseSettingsView> = async (ctx) =>
  loadPurchaseSettings(ctx.trx);

export const partsPurchaseSettingsSave: Handler<typeof purchaseSettingsSchema, PurchaseSettingsView> = async (
  ctx,
  input,
) => {
  const store = await findStoreRow(ctx.trx);
  assert(store, 'the dispatcher lets no signed-in call through before the store is set up');
  await savePurchaseSettings(ctx, store.id, input.approvalThresholdFen);
  return loadPurchaseSettings(ctx.trx);
};

export const partsSupplierRecord: Handler<typeof supplierRecordSchema, SupplierRecord> = async (ctx, input) => ({
  from: input.from,
  to: input.to,
  items: await supplierRecord(ctx.trx, input.from, input.to),
});
