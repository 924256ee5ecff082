/**
 * Returns to supplier. Goods rejected at inspection never entered stock, so their return moves
 * nothing in the ledger; goods taken off the shelf leave it with `return_to_supplier` movements.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, type TxContext } from '../../sync/change-log';
import { appendMovement } from '../ledger/movements';
import { nextNumber } from '../numbers';
import type { SupplierReturnTable } from '../tables';
import type { SupplierReturnView } from './contract';

export type SupplierReturnWrite = {
  supplierId: string;
  locationId: string;
  source: 'inspection' | 'stock';
  receiptId: string | null;
  reason: string;
  lines: ReadonlyArray<{ partId: string; qty: number; reason: string; unitCostFen: number | null }>;
};

export async function insertSupplierReturn(tx: TxContext, input: SupplierReturnWrite): Promise<string> {
  const hlc = tx.stamp();
  const row: SupplierReturnTable = {
    id: newId(),
    number: await nextNumber(tx, 'RT'),
    supplierId: input.supplierId,
    locationId: input.locationId,
    source: input.source,
    receiptId: input.receiptId,
    reason: input.reason,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
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
    .select([
      't.id',
      't.number',
      's.name as supplierName',
      't.source',
      't.receiptId',
      'r.number as receiptNumber',
      'l.code as locationCode',
      't.reason',
      'c.name as createdByName',
      't.createdAt',
    ]);
}

async function withLines(
  db: Kysely<DB>,
  rows: Awaited<ReturnType<ReturnType<typeof returnsQuery>['execute']>>,
): Promise<SupplierReturnView[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('supplierReturnLine as x')
    .innerJoin('part as p', 'p.id', 'x.partId')
    .select(['x.returnId', 'x.partId', 'p.partNo', 'p.name as partName', 'p.unit', 'x.qty', 'x.reason'])
    .where(
      'x.returnId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('x.position')
    .execute();
  return rows.map(({ receiptId, receiptNumber, ...row }) => ({
    ...row,
    receipt: receiptId !== null && receiptNumber !== null ? { id: receiptId, number: receiptNumber } : null,
    lines: lines.filter((l) => l.returnId === row.id).map(({ returnId: _r, ...line }) => line),
  }));
}

export async function loadSupplierReturnView(db: Kysely<DB>, id: string): Promise<SupplierReturnView | undefined> {
  const [view] = await withLines(db, await returnsQuery(db).where('t.id', '=', id).execute());
  return view;
}

export async function listSupplierReturns(db: Kysely<DB>, limit: number): Promise<SupplierReturnView[]> {
  return withLines(db, await returnsQuery(db).orderBy('t.createdAt', 'desc').limit(limit).execute());
}
