/**
 * Purchase orders: reads. What arrived against an order is summed here from the receipt lines that
 * name its lines, so receipts written on two PCs offline add up once both are synced; the stored
 * status is only the people's decision, and "partly received"/"received" are derived from the sums.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema';
import { findStoreRow } from '../../store/queries';
import {
  DEFAULT_APPROVAL_THRESHOLD_FEN,
  type PurchaseOrderLineView,
  type PurchaseOrderShown,
  type PurchaseOrderSummary,
  type PurchaseOrderView,
  type PurchaseSettingsView,
} from './contract';
import type { PurchaseOrderLineRow, PurchaseOrderRow, PurchaseOrderStatus } from './tables';

export async function findPurchaseOrderRow(db: Kysely<DB>, id: string): Promise<PurchaseOrderRow | undefined> {
  return db.selectFrom('purchaseOrder').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function purchaseOrderLineRows(db: Kysely<DB>, orderId: string): Promise<PurchaseOrderLineRow[]> {
  return db
    .selectFrom('purchaseOrderLine')
    .selectAll()
    .where('purchaseOrderId', '=', orderId)
    .orderBy('position')
    .execute();
}

export type LineArrivals = { deliveredQty: number; acceptedQty: number; rejectedQty: number; pendingQty: number };

/** Per order line: what the receipt lines against it delivered, accepted, rejected, and left uninspected. */
export async function arrivalsByLine(
  db: Kysely<DB>,
  orderIds: ReadonlyArray<string>,
): Promise<Map<string, LineArrivals>> {
  const result = new Map<string, LineArrivals>();
  if (orderIds.length === 0) return result;
  const rows = await db
    .selectFrom('goodsReceiptLine as g')
    .innerJoin('purchaseOrderLine as l', 'l.id', 'g.purchaseOrderLineId')
    .select((eb) => [
      'g.purchaseOrderLineId as lineId',
      eb.fn.sum<number>('g.deliveredQty').as('delivered'),
      eb.fn.sum<number>(eb.fn.coalesce('g.acceptedQty', eb.lit(0))).as('accepted'),
      eb.fn.sum<number>(eb.fn.coalesce('g.rejectedQty', eb.lit(0))).as('rejected'),
      eb.fn
        .sum<number>(eb.case().when('g.acceptedQty', 'is', null).then(eb.ref('g.deliveredQty')).else(0).end())
        .as('pending'),
    ])
    .where('l.purchaseOrderId', 'in', orderIds)
    .groupBy('g.purchaseOrderLineId')
    .execute();
  for (const row of rows) {
    if (row.lineId === null) continue;
    result.set(row.lineId, {
      deliveredQty: Number(row.delivered),
      acceptedQty: Number(row.accepted),
      rejectedQty: Number(row.rejected),
      pendingQty: Number(row.pending),
    });
  }
  return result;
}

/** Still to come on a line: rejected units are owed again; units awaiting inspection count as arrived. */
export function openQtyOf(orderedQty: number, arrivals: LineArrivals | undefined): number {
  if (!arrivals) return orderedQty;
  return Math.max(0, orderedQty - (arrivals.deliveredQty - arrivals.rejectedQty));
}

/** What the order shows: its decision, or once approved how much of it arrived. */
export function shownStatus(
  status: PurchaseOrderStatus,
  lines: ReadonlyArray<{ orderedQty: number; openQty: number; deliveredQty: number }>,
): PurchaseOrderShown {
  if (status !== 'approved') return status;
  if (lines.every((line) => line.deliveredQty === 0)) return 'approved';
  return lines.every((line) => line.openQty === 0) ? 'received' : 'partly_received';
}

export async function approvalThresholdFen(db: Kysely<DB>): Promise<number> {
  return (await loadPurchaseSettings(db)).approvalThresholdFen;
}

export async function loadPurchaseSettings(db: Kysely<DB>): Promise<PurchaseSettingsView> {
  const store = await findStoreRow(db);
  const row = store
    ? await db
        .selectFrom('purchaseSettings as p')
        .leftJoin('staff as s', 's.id', 'p.updatedBy')
        .select(['p.approvalThresholdFen', 's.name as updatedByName', 'p.updatedAt'])
        .where('p.storeId', '=', store.id)
        .executeTakeFirst()
    : undefined;
  return row ?? { approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN, updatedByName: null, updatedAt: null };
}

export async function loadPurchaseOrderLines(db: Kysely<DB>, orderId: string): Promise<PurchaseOrderLineView[]> {
  const rows = await db
    .selectFrom('purchaseOrderLine as l')
    .innerJoin('part as p', 'p.id', 'l.partId')
    .select([
      'l.id',
      'l.position',
      'l.partId',
      'p.partNo',
      'p.name as partName',
      'p.spec',
      'p.unit',
      'l.orderedQty',
      'l.unitPriceFen',
    ])
    .where('l.purchaseOrderId', '=', orderId)
    .orderBy('l.position')
    .execute();
  const arrivals = await arrivalsByLine(db, [orderId]);
  return rows.map((row) => {
    const got = arrivals.get(row.id);
    return {
      ...row,
      amountFen: row.orderedQty * row.unitPriceFen,
      deliveredQty: got?.deliveredQty ?? 0,
      acceptedQty: got?.acceptedQty ?? 0,
      rejectedQty: got?.rejectedQty ?? 0,
      pendingQty: got?.pendingQty ?? 0,
      openQty: openQtyOf(row.orderedQty, got),
    };
  });
}

export async function loadPurchaseOrderView(db: Kysely<DB>, id: string): Promise<PurchaseOrderView | undefined> {
  const row = await db
    .selectFrom('purchaseOrder as o')
    .innerJoin('supplier as s', 's.id', 'o.supplierId')
    .innerJoin('stockLocation as l', 'l.id', 'o.locationId')
    .leftJoin('staff as c', 'c.id', 'o.createdBy')
    .leftJoin('staff as a', 'a.id', 'o.approvedBy')
    .selectAll('o')
    .select([
      's.name as supplierName',
      's.contact as supplierContact',
      's.phone as supplierPhone',
      'l.code as locationCode',
      'l.name as locationName',
      'c.name as createdByName',
      'a.name as approvedByName',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = await loadPurchaseOrderLines(db, id);
  const receipts = await db
    .selectFrom('goodsReceipt')
    .select(['id', 'number', 'receivedOn', 'status'])
    .where('purchaseOrderId', '=', id)
    .orderBy('receivedOn')
    .orderBy('createdAt')
    .execute();
  const events = await db
    .selectFrom('purchaseOrderEvent as e')
    .leftJoin('staff as s', 's.id', 'e.staffId')
    .select(['e.kind', 's.name as staffName', 'e.at', 'e.reason'])
    .where('e.purchaseOrderId', '=', id)
    .orderBy('e.at')
    .orderBy('e.hlc')
    .execute();
  const thresholdFen = await approvalThresholdFen(db);
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    supplierContact: row.supplierContact,
    supplierPhone: row.supplierPhone,
    locationId: row.locationId,
    locationCode: row.locationCode,
    locationName: row.locationName,
    contractNo: row.contractNo,
    expectedOn: row.expectedOn,
    note: row.note,
    status: shownStatus(row.status, lines),
    totalFen,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    approvedByName: row.approvedByName,
    approvedAt: row.approvedAt,
    closedReason: row.closedReason,
    needsManager: totalFen > thresholdFen,
    thresholdFen,
    lines,
    receipts,
    events,
  };
}

export async function listPurchaseOrders(
  db: Kysely<DB>,
  filter: {
    status?: PurchaseOrderShown | undefined;
    supplierId?: string | undefined;
    receivable: boolean;
    limit: number;
  },
): Promise<PurchaseOrderSummary[]> {
  let query = db
    .selectFrom('purchaseOrder as o')
    .innerJoin('supplier as s', 's.id', 'o.supplierId')
    .select(['o.id', 'o.number', 'o.supplierId', 's.name as supplierName', 'o.contractNo', 'o.expectedOn'])
    .select(['o.status', 'o.totalFen', 'o.createdAt'])
    .orderBy('o.createdAt', 'desc')
    .limit(filter.limit);
  if (filter.supplierId !== undefined) query = query.where('o.supplierId', '=', filter.supplierId);
  // Derived statuses are filtered after the sums; the stored one narrows the read first.
  const stored = filter.receivable ? 'approved' : storedStatusOf(filter.status);
  if (stored !== undefined) query = query.where('o.status', '=', stored);
  const rows = await query.execute();
  const ids = rows.map((row) => row.id);
  const lines =
    ids.length === 0
      ? []
      : await db
          .selectFrom('purchaseOrderLine')
          .select(['id', 'purchaseOrderId', 'orderedQty'])
          .where('purchaseOrderId', 'in', ids)
          .execute();
  const arrivals = await arrivalsByLine(db, ids);
  const summaries = rows.map((row): PurchaseOrderSummary => {
    const own = lines
      .filter((line) => line.purchaseOrderId === row.id)
      .map((line) => {
        const got = arrivals.get(line.id);
        return {
          orderedQty: line.orderedQty,
          deliveredQty: got?.deliveredQty ?? 0,
          openQty: openQtyOf(line.orderedQty, got),
        };
      });
    return {
      ...row,
      status: shownStatus(row.status, own),
      lineCount: own.length,
      openQty: own.reduce((sum, line) => sum + line.openQty, 0),
    };
  });
  return summaries.filter(
    (summary) =>
      (filter.status === undefined || summary.status === filter.status) && (!filter.receivable || summary.openQty > 0),
  );
}

function storedStatusOf(shown: PurchaseOrderShown | undefined): PurchaseOrderStatus | undefined {
  if (shown === 'partly_received' || shown === 'received') return 'approved';
  return shown;
}
