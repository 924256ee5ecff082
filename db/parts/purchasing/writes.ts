/** Purchase orders: writes. Each logs its change row in the handler's transaction (docs/SYNC.md §2.5). */
import { newId } from '../../ids';
import { appendRecorded, changedFields, insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import { purchaseOrderMachine } from './machine';
import type {
  PurchaseOrderEventKind,
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  PurchaseOrderStatus,
  PurchaseOrderTable,
} from './tables';

export type OrderHeaderWrite = {
  number: string;
  supplierId: string;
  locationId: string;
  contractNo: string;
  expectedOn: string;
  note: string;
};

export type OrderLineWrite = { partId: string; orderedQty: number; unitPriceFen: number };

export function totalOf(lines: ReadonlyArray<OrderLineWrite>): number {
  return lines.reduce((sum, line) => sum + line.orderedQty * line.unitPriceFen, 0);
}

export async function insertPurchaseOrder(
  tx: TxContext,
  header: OrderHeaderWrite,
  lines: ReadonlyArray<OrderLineWrite>,
): Promise<string> {
  const row: PurchaseOrderRow = {
    id: newId(),
    ...header,
    status: purchaseOrderMachine.initial,
    totalFen: totalOf(lines),
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    approvedBy: null,
    approvedAt: null,
    closedReason: '',
    updatedAt: tx.nowIso,
    hlc: tx.stamp(),
  };
  await insertRecorded(tx, 'purchaseOrder', 'purchase_order', row);
  for (const [position, line] of lines.entries()) await insertOrderLine(tx, row.id, position, line);
  await appendOrderEvent(tx, row.id, 'created', '', { totalFen: row.totalFen, lines: lines.length });
  return row.id;
}

async function insertOrderLine(tx: TxContext, orderId: string, position: number, line: OrderLineWrite): Promise<void> {
  const row: PurchaseOrderLineRow = { id: newId(), purchaseOrderId: orderId, position, ...line, hlc: tx.stamp() };
  await insertRecorded(tx, 'purchaseOrderLine', 'purchase_order_line', row);
}

/**
 * A draft as it should now be: header fields that changed, lines matched by part (kept, changed,
 * added or removed). Only drafts are edited, and no receipt names a draft's lines.
 */
export async function rewriteDraft(
  tx: TxContext,
  before: PurchaseOrderRow,
  beforeLines: ReadonlyArray<PurchaseOrderLineRow>,
  header: Omit<OrderHeaderWrite, 'number'>,
  lines: ReadonlyArray<OrderLineWrite>,
): Promise<void> {
  const wanted = new Map(lines.map((line, position) => [line.partId, { ...line, position }]));
  for (const old of beforeLines) {
    const next = wanted.get(old.partId);
    const hlc = tx.stamp();
    if (!next) {
      await tx.trx.deleteFrom('purchaseOrderLine').where('id', '=', old.id).execute();
      await recordChange(tx, { entity: 'purchase_order_line', entityId: old.id, op: 'delete', hlc, fields: {} });
      continue;
    }
    wanted.delete(old.partId);
    const changed = changedFields(old, {
      position: next.position,
      orderedQty: next.orderedQty,
      unitPriceFen: next.unitPriceFen,
    });
    if (Object.keys(changed).length === 0) continue;
    await tx.trx
      .updateTable('purchaseOrderLine')
      .set({ ...changed, hlc })
      .where('id', '=', old.id)
      .execute();
    await recordChange(tx, { entity: 'purchase_order_line', entityId: old.id, op: 'update', hlc, fields: changed });
  }
  for (const line of wanted.values()) {
    const { position, ...rest } = line;
    await insertOrderLine(tx, before.id, position, rest);
  }
  const changed = changedFields(before, { ...header, totalFen: totalOf(lines) });
  await updateOrder(tx, before, changed);
  await appendOrderEvent(tx, before.id, 'edited', '', { changed: Object.keys(changed), lines: lines.length });
}

/** Writes the changed header fields (with updatedAt) and logs them. */
export async function updateOrder(
  tx: TxContext,
  before: PurchaseOrderRow,
  changed: Partial<Omit<PurchaseOrderTable, 'id' | 'hlc'>>,
): Promise<void> {
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  const set = { ...changed, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('purchaseOrder')
    .set({ ...set, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: 'purchase_order', entityId: before.id, op: 'update', hlc, fields: set });
}

export async function moveOrder(
  tx: TxContext,
  before: PurchaseOrderRow,
  status: PurchaseOrderStatus,
  extra: Partial<Pick<PurchaseOrderTable, 'approvedBy' | 'approvedAt' | 'closedReason' | 'totalFen'>> = {},
): Promise<void> {
  await updateOrder(tx, before, { status, ...extra });
}

export async function appendOrderEvent(
  tx: TxContext,
  purchaseOrderId: string,
  kind: PurchaseOrderEventKind,
  reason: string,
  detail: unknown,
): Promise<void> {
  const hlc = tx.stamp();
  const row = {
    id: newId(),
    purchaseOrderId,
    kind,
    staffId: tx.staffId,
    at: tx.nowIso,
    reason,
    detail: JSON.stringify(detail),
    hlc,
  };
  await appendRecorded(tx, 'purchaseOrderEvent', 'purchase_order_event', row);
}

export async function savePurchaseSettings(
  tx: TxContext,
  storeId: string,
  approvalThresholdFen: number,
): Promise<void> {
  const before = await tx.trx
    .selectFrom('purchaseSettings')
    .selectAll()
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  const hlc = tx.stamp();
  if (!before) {
    const row = { storeId, approvalThresholdFen, updatedBy: tx.staffId, updatedAt: tx.nowIso, hlc };
    await insertRecorded(tx, 'purchaseSettings', 'purchase_settings', row, { key: 'storeId' });
    return;
  }
  if (before.approvalThresholdFen === approvalThresholdFen) return;
  const set = { approvalThresholdFen, updatedBy: tx.staffId, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('purchaseSettings')
    .set({ ...set, hlc })
    .where('storeId', '=', storeId)
    .execute();
  await recordChange(tx, { entity: 'purchase_settings', entityId: storeId, op: 'update', hlc, fields: set });
}
