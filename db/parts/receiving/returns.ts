/**
 * Returns to supplier. Goods rejected at inspection never entered stock, so their return moves
 * nothing in the ledger; goods taken off the shelf leave it with `return_to_supplier` movements.
 * A return then goes through its steps (db/parts/returns/): shipped, credited, or cancelled.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, type TxContext } from '../../sync/change-log';
import { appendMovement } from '../ledger/movements';
import { nextNumber } from '../numbers';
import { CREDIT_OVERDUE_DAYS } from '../returns/contract';
import type { SupplierReturnStatus, SupplierReturnTable } from '../tables';
import type { SupplierReturnView } from './contract';

export type SupplierReturnWrite = {
  supplierId: string;
  locationId: string;
  source: 'inspection' | 'stock';
  receiptId: string | null;
  reason: string;
  agreementRef?: string;
  lines: ReadonlyArray<{ partId: string; qty: number; reason: string; unitCostFen: number | null }>;
};

export async function insertSupplierReturn(tx: TxContext, input: SupplierReturnWrite): Promise<string> {
  const hlc = tx.stamp();
  const row: Insertable<SupplierReturnTable> & { id: string; hlc: string } = {
    id: newId(),
    number: await nextNumber(tx, 'RT'),
    supplierId: input.supplierId,
    locationId: input.locationId,
    source: input.source,
    receiptId: input.receiptId,
    reason: input.reason,
    agreementRef: input.agreementRef ?? '',
    status: 'created',
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'supplierReturn', 'supplier_return', row);
  const { id } = row;
  for (const [position, line] of input.lines.entries()) {
    const lineHlc = tx.stamp();
    const lineRow = {
      id: newId(),
      returnId: id,
      position,
      partId: line.partId,
      qty: line.qty,
      reason: line.reason,
      hlc: lineHlc,
    };
    await insertRecorded(tx, 'supplierReturnLine', 'supplier_return_line', lineRow);
    if (input.source === 'stock') {
      await appendMovement(tx, {
        partId: line.partId,
        locationId: input.locationId,
        kind: 'return_to_supplier',
        qty: -line.qty,
        unitCostFen: line.unitCostFen,
        reason: line.reason,
        docType: 'supplier_return',
        docId: id,
        docLineId: lineRow.id,
      });
    }
  }
  return id;
}

function returnsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('supplierReturn as t')
    .innerJoin('supplier as s', 's.id', 't.supplierId')
    .innerJoin('stockLocation as l', 'l.id', 't.locationId')
    .leftJoin('goodsReceipt as r', 'r.id', 't.receiptId')
    .leftJoin('staff as c', 'c.id', 't.createdBy')
    .leftJoin('staff as sb', 'sb.id', 't.shippedBy')
    .leftJoin('staff as cb', 'cb.id', 't.creditedBy')
    .leftJoin('staff as xb', 'xb.id', 't.cancelledBy')
    .select([
      't.id',
      't.number',
      's.name as supplierName',
      't.source',
      't.receiptId',
      'r.number as receiptNumber',
      'l.code as locationCode',
      't.reason',
      't.agreementRef',
      'c.name as createdByName',
      't.createdAt',
      't.status',
      't.shippedOn',
      't.carrier',
      't.waybillNo',
      't.shippedAt',
      'sb.name as shippedByName',
      't.creditNoteNo',
      't.creditFen',
      't.creditedAt',
      'cb.name as creditedByName',
      't.cancelReason',
      't.cancelledAt',
      'xb.name as cancelledByName',
    ]);
}

type ReturnRow = Awaited<ReturnType<ReturnType<typeof returnsQuery>['execute']>>[number];

/** Whole days from one calendar date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function toView(row: ReturnRow, lines: SupplierReturnView['lines'], today: string): SupplierReturnView {
  const waitingDays = row.status === 'shipped' && row.shippedOn ? Math.max(0, daysBetween(row.shippedOn, today)) : null;
  return {
    id: row.id,
    number: row.number,
    supplierName: row.supplierName,
    source: row.source,
    receipt:
      row.receiptId !== null && row.receiptNumber !== null ? { id: row.receiptId, number: row.receiptNumber } : null,
    locationCode: row.locationCode,
    reason: row.reason,
    agreementRef: row.agreementRef,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    status: row.status,
    shipped:
      row.shippedOn !== null && row.shippedAt !== null
        ? {
            on: row.shippedOn,
            carrier: row.carrier,
            waybillNo: row.waybillNo,
            byName: row.shippedByName,
            at: row.shippedAt,
          }
        : null,
    credited:
      row.creditedAt !== null && row.creditFen !== null
        ? { creditNoteNo: row.creditNoteNo, creditFen: row.creditFen, byName: row.creditedByName, at: row.creditedAt }
        : null,
    cancelled:
      row.cancelledAt !== null ? { reason: row.cancelReason, byName: row.cancelledByName, at: row.cancelledAt } : null,
    waitingDays,
    creditOverdue: waitingDays !== null && waitingDays > CREDIT_OVERDUE_DAYS,
    valueFen: lines.reduce((sum, line) => sum + line.qty * (line.unitCostFen ?? 0), 0),
    lines,
  };
}

async function withLines(db: Kysely<DB>, rows: ReturnRow[], today: string): Promise<SupplierReturnView[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('supplierReturnLine as x')
    .innerJoin('supplierReturn as t', 't.id', 'x.returnId')
    .innerJoin('part as p', 'p.id', 'x.partId')
    .select(['x.returnId', 'x.partId', 'p.partNo', 'p.name as partName', 'p.unit', 'x.qty', 'x.reason'])
    // The cost the goods left the shelf at, else the price on the delivery they were rejected from.
    .select(
      sql<number | null>`COALESCE(
        (SELECT m.unit_cost_fen FROM stock_movement m WHERE m.doc_type = 'supplier_return' AND m.doc_line_id = x.id AND m.reverses_id IS NULL LIMIT 1),
        (SELECT g.unit_cost_fen FROM goods_receipt_line g WHERE g.receipt_id = t.receipt_id AND g.part_id = x.part_id LIMIT 1))`.as(
        'unitCostFen',
      ),
    )
    .where(
      'x.returnId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('x.position')
    .execute();
  return rows.map((row) =>
    toView(
      row,
      lines.filter((l) => l.returnId === row.id).map(({ returnId: _r, ...line }) => line),
      today,
    ),
  );
}

export async function loadSupplierReturnView(
  db: Kysely<DB>,
  id: string,
  today: string,
): Promise<SupplierReturnView | undefined> {
  const [view] = await withLines(db, await returnsQuery(db).where('t.id', '=', id).execute(), today);
  return view;
}

export async function listSupplierReturns(
  db: Kysely<DB>,
  filter: { status?: SupplierReturnStatus | undefined; limit: number },
  today: string,
): Promise<SupplierReturnView[]> {
  let query = returnsQuery(db);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  return withLines(db, await query.orderBy('t.createdAt', 'desc').limit(filter.limit).execute(), today);
}
