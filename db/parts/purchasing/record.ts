/**
 * A supplier's record over a period (供应商考评): how many deliveries against orders came on or
 * before the order's expected date, and what share of the inspected units was rejected. Both are
 * counted from receipts by the day the goods arrived, so a period always gives the same answer.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';
import type { SupplierRecordLine } from './contract';

export async function supplierRecord(db: Kysely<DB>, from: string, to: string): Promise<SupplierRecordLine[]> {
  const deliveries = await db
    .selectFrom('goodsReceipt as r')
    .innerJoin('purchaseOrder as o', 'o.id', 'r.purchaseOrderId')
    .select((eb) => [
      'r.supplierId',
      eb.fn.countAll<number>().as('deliveries'),
      eb.fn.sum<number>(sql<number>`CASE WHEN r.received_on <= o.expected_on THEN 1 ELSE 0 END`).as('onTime'),
    ])
    .where('r.receivedOn', '>=', from)
    .where('r.receivedOn', '<=', to)
    .groupBy('r.supplierId')
    .execute();
  const inspected = await db
    .selectFrom('goodsReceiptLine as g')
    .innerJoin('goodsReceipt as r', 'r.id', 'g.receiptId')
    .select((eb) => [
      'r.supplierId',
      eb.fn.sum<number>(eb('g.acceptedQty', '+', eb.ref('g.rejectedQty'))).as('inspectedQty'),
      eb.fn.sum<number>('g.rejectedQty').as('rejectedQty'),
    ])
    .where('r.receivedOn', '>=', from)
    .where('r.receivedOn', '<=', to)
    .where('g.acceptedQty', 'is not', null)
    .groupBy('r.supplierId')
    .execute();
  const ids = [...new Set([...deliveries, ...inspected].map((row) => row.supplierId))];
  if (ids.length === 0) return [];
  const names = await db.selectFrom('supplier').select(['id', 'name']).where('id', 'in', ids).execute();
  return names
    .map((supplier): SupplierRecordLine => {
      const d = deliveries.find((row) => row.supplierId === supplier.id);
      const i = inspected.find((row) => row.supplierId === supplier.id);
      return {
        supplierId: supplier.id,
        supplierName: supplier.name,
        deliveries: Number(d?.deliveries ?? 0),
        onTime: Number(d?.onTime ?? 0),
        inspectedQty: Number(i?.inspectedQty ?? 0),
        rejectedQty: Number(i?.rejectedQty ?? 0),
      };
    })
    .sort((a, b) => a.supplierName.localeCompare(b.supplierName, 'zh-CN'));
}
