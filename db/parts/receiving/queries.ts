/** Goods receipts: reads and writes. Writers log one change row per changed record. */
import type { Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type { GoodsReceiptLineRow, GoodsReceiptRow, ReceiptStatus } from '../tables';
import type { ReceiptLineView, ReceiptSummary, ReceiptView } from './contract';
import { receiptMachine } from './machine';

export async function findReceiptRow(db: Kysely<DB>, id: string): Promise<GoodsReceiptRow | undefined> {
  return db.selectFrom('goodsReceipt').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function receiptLineRows(db: Kysely<DB>, receiptId: string): Promise<GoodsReceiptLineRow[]> {
  return db.selectFrom('goodsReceiptLine').selectAll().where('receiptId', '=', receiptId).orderBy('position').execute();
}

export async function listReceipts(
  db: Kysely<DB>,
  { status, limit }: { status?: 'open' | 'closed' | undefined; limit: number },
): Promise<ReceiptSummary[]> {
  let query = db
    .selectFrom('goodsReceipt as r')
    .innerJoin('supplier as s', 's.id', 'r.supplierId')
    .select(['r.id', 'r.number', 's.name as supplierName', 'r.supplierRef', 'r.receivedOn', 'r.status', 'r.createdAt'])
    .select((eb) =>
      eb
        .selectFrom('goodsReceiptLine')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('receiptId', '=', 'r.id')
        .as('lineCount'),
    )
    .orderBy('r.createdAt', 'desc')
    .limit(limit);
  if (status !== undefined) query = query.where('r.status', '=', status);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, lineCount: Number(row.lineCount ?? 0) }));
}

export async function loadReceiptView(db: Kysely<DB>, id: string): Promise<ReceiptView | undefined> {
  const row = await db
    .selectFrom('goodsReceipt as r')
    .innerJoin('supplier as s', 's.id', 'r.supplierId')
    .innerJoin('stockLocation as l', 'l.id', 'r.locationId')
    .leftJoin('staff as c', 'c.id', 'r.createdBy')
    .leftJoin('staff as k', 'k.id', 'r.closedBy')
    .selectAll('r')
    .select(['s.name as supplierName', 'l.code as locationCode', 'c.name as createdByName', 'k.name as closedByName'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines: ReceiptLineView[] = await db
    .selectFrom('goodsReceiptLine as g')
    .innerJoin('part as p', 'p.id', 'g.partId')
    .leftJoin('staff as i', 'i.id', 'g.inspectedBy')
    .select([
      'g.id',
      'g.position',
      'g.partId',
      'p.partNo',
      'p.name as partName',
      'p.unit',
      'g.deliveredQty',
      'g.unitCostFen',
      'g.acceptedQty',
      'g.rejectedQty',
      'g.rejectReason',
      'i.name as inspectedByName',
      'g.inspectedAt',
    ])
    .where('g.receiptId', '=', id)
    .orderBy('g.position')
    .execute();
  const purchaseOrder =
    row.purchaseOrderId === null
      ? null
      : ((await db
          .selectFrom('purchaseOrder')
          .select(['id', 'number'])
          .where('id', '=', row.purchaseOrderId)
          .executeTakeFirst()) ?? null);
  const supplierReturns = await db
    .selectFrom('supplierReturn')
    .select(['id', 'number'])
    .where('receiptId', '=', id)
    .orderBy('createdAt')
    .execute();
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    locationId: row.locationId,
    locationCode: row.locationCode,
    supplierRef: row.supplierRef,
    receivedOn: row.receivedOn,
    note: row.note,
    status: row.status,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    closedByName: row.closedByName,
    closedAt: row.closedAt,
    lines,
    supplierReturns,
    purchaseOrder,
  };
}

export type ReceiptHeaderWrite = {
  number: string;
  supplierId: string;
  locationId: string;
  supplierRef: string;
  receivedOn: string;
  note: string;
  purchaseOrderId: string | null;
};

export async function insertReceipt(tx: TxContext, header: ReceiptHeaderWrite): Promise<GoodsReceiptRow> {
  const hlc = tx.stamp();
  const row: GoodsReceiptRow = {
    id: newId(),
    ...header,
    status: receiptMachine.initial,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    closedBy: null,
    closedAt: null,
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'goodsReceipt', 'goods_receipt', row);
  return row;
}

export type ReceiptLineWrite = {
  partId: string;
  deliveredQty: number;
  unitCostFen: number;
  inspection?: { acceptedQty: number; rejectedQty: number; rejectReason: string } | undefined;
  /** The purchase order line this line delivers, if the receipt is against an order. */
  purchaseOrderLineId?: string | null | undefined;
};

export async function insertReceiptLine(
  tx: TxContext,
  receiptId: string,
  position: number,
  line: ReceiptLineWrite,
): Promise<void> {
  const hlc = tx.stamp();
  const inspected = line.inspection;
  const row: GoodsReceiptLineRow = {
    id: newId(),
    receiptId,
    position,
    partId: line.partId,
    deliveredQty: line.deliveredQty,
    unitCostFen: line.unitCostFen,
    acceptedQty: inspected?.acceptedQty ?? null,
    rejectedQty: inspected?.rejectedQty ?? null,
    rejectReason: inspected?.rejectReason ?? '',
    inspectedBy: inspected ? tx.staffId : null,
    inspectedAt: inspected ? tx.nowIso : null,
    purchaseOrderLineId: line.purchaseOrderLineId ?? null,
    hlc,
  };
  await insertRecorded(tx, 'goodsReceiptLine', 'goods_receipt_line', row);
}

export async function inspectReceiptLine(
  tx: TxContext,
  before: GoodsReceiptLineRow,
  inspection: { acceptedQty: number; rejectedQty: number; rejectReason: string },
): Promise<void> {
  const changed = changedFields(before, {
    acceptedQty: inspection.acceptedQty,
    rejectedQty: inspection.rejectedQty,
    rejectReason: inspection.rejectedQty > 0 ? inspection.rejectReason : '',
  });
  if (Object.keys(changed).length === 0 && before.inspectedAt !== null) return;
  const hlc = tx.stamp();
  const set = { ...changed, inspectedBy: tx.staffId, inspectedAt: tx.nowIso };
  await tx.trx
    .updateTable('goodsReceiptLine')
    .set({ ...set, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, { entity: 'goods_receipt_line', entityId: before.id, op: 'update', hlc, fields: set });
}

/** Who closed the receipt and when, with the status its machine lands on (machine.ts). */
export async function markReceiptClosed(tx: TxContext, receipt: GoodsReceiptRow, status: ReceiptStatus): Promise<void> {
  const hlc = tx.stamp();
  const set = { status, closedBy: tx.staffId, closedAt: tx.nowIso, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('goodsReceipt')
    .set({ ...set, hlc })
    .where('id', '=', receipt.id)
    .execute();
  await recordChange(tx, { entity: 'goods_receipt', entityId: receipt.id, op: 'update', hlc, fields: set });
}
