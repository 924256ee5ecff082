/**
 * Receiving against a purchase order: a receipt that names an order takes its supplier and location
 * from it, and each line delivers the order line of the same part, up to what is still open. More
 * than is open is refused (the clerk counts again, or the surplus goes back with the driver): an
 * order is the contract's quantity, and an over-delivery is not silently booked against it.
 *
 * Two PCs receiving the same order offline can each book up to the open quantity they see; after sync
 * the sums may pass the order, and the open quantity then shows 0, never less (queries.ts openQtyOf).
 */
import { DeskFailure, type HandlerContext } from '../../handler';
import { arrivalsByLine, findPurchaseOrderRow, openQtyOf, purchaseOrderLineRows } from './queries';
import type { PurchaseOrderRow } from './tables';

export type DeliveryLine = { partId: string; deliveredQty: number };

/** The approved order a receipt delivers, after checking its supplier; refusals name the field. */
export async function receivableOrder(
  ctx: HandlerContext,
  purchaseOrderId: string,
  supplierId: string,
): Promise<PurchaseOrderRow> {
  const order = await findPurchaseOrderRow(ctx.trx, purchaseOrderId);
  if (!order) throw new DeskFailure('not_found', 'not_found', 'purchaseOrderId');
  if (order.status !== 'approved') throw new DeskFailure('conflict', 'po_not_receivable', 'purchaseOrderId');
  if (order.supplierId !== supplierId) throw new DeskFailure('validation', 'po_other_supplier', 'supplierId');
  return order;
}

/**
 * The order line each delivered line fills, in the same order; refused when the part is not on the
 * order or more arrives than is open. `field` names the input path of the lines.
 */
export async function orderLinesDelivered(
  ctx: HandlerContext,
  order: PurchaseOrderRow,
  lines: ReadonlyArray<DeliveryLine>,
  field: (index: number, key: string) => string,
): Promise<string[]> {
  const orderLines = await purchaseOrderLineRows(ctx.trx, order.id);
  const arrivals = await arrivalsByLine(ctx.trx, [order.id]);
  return lines.map((line, index) => {
    const ordered = orderLines.find((candidate) => candidate.partId === line.partId);
    if (!ordered) throw new DeskFailure('validation', 'po_part_not_ordered', field(index, 'partId'));
    if (line.deliveredQty > openQtyOf(ordered.orderedQty, arrivals.get(ordered.id)))
      throw new DeskFailure('validation', 'po_over_delivery', field(index, 'deliveredQty'));
    return ordered.id;
  });
}
