/**
 * Purchase-order tables (migration 0024; docs/architecture/purchasing.md), joined into the DB type
 * in db/schema.ts. Money is integer fen; quantities are whole units. What has arrived against an
 * order is summed from goods_receipt_line (purchase_order_line_id), never stored here.
 */
import type { Selectable } from 'kysely';

/** The decisions people take on an order; "partly received" and "received" are derived (queries.ts). */
export const PURCHASE_ORDER_STATUSES = ['draft', 'awaiting_approval', 'approved', 'closed_short', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export const PURCHASE_ORDER_EVENT_KINDS = [
  'created',
  'edited',
  'submitted',
  'approved',
  'sent_back',
  'cancelled',
  'closed_short',
] as const;
export type PurchaseOrderEventKind = (typeof PURCHASE_ORDER_EVENT_KINDS)[number];

export type PurchaseOrderTable = {
  id: string;
  number: string;
  supplierId: string;
  /** Where the supplier delivers: receipts against the order go into this location. */
  locationId: string;
  /** The purchase contract the order falls under (采购合同号). */
  contractNo: string;
  /** The day the supplier promised delivery (local date YYYY-MM-DD): on-time share counts against it. */
  expectedOn: string;
  note: string;
  status: PurchaseOrderStatus;
  /** Σ ordered × agreed price of the lines, written with the lines: what approval is judged on. */
  totalFen: number;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Why it was cancelled or closed short. */
  closedReason: string;
  updatedAt: string;
  hlc: string;
};

export type PurchaseOrderLineTable = {
  id: string;
  purchaseOrderId: string;
  position: number;
  partId: string;
  orderedQty: number;
  /** The price agreed with the supplier for this order, per unit. */
  unitPriceFen: number;
  hlc: string;
};

/** Append-only: who created, submitted, approved, sent back, cancelled or closed the order, and when. */
export type PurchaseOrderEventTable = {
  id: string;
  purchaseOrderId: string;
  kind: PurchaseOrderEventKind;
  staffId: string | null;
  at: string;
  reason: string;
  /** JSON: the value approved, or what an edit changed. */
  detail: string;
  hlc: string;
};

/** The store's purchasing rules: one row per store, absent until first changed (defaults apply). */
export type PurchaseSettingsTable = {
  storeId: string;
  /** Orders worth more than this need `parts.approveLargeOrder` (the manager). */
  approvalThresholdFen: number;
  updatedBy: string | null;
  updatedAt: string;
  hlc: string;
};

export type PurchasingTables = {
  purchaseOrder: PurchaseOrderTable;
  purchaseOrderLine: PurchaseOrderLineTable;
  purchaseOrderEvent: PurchaseOrderEventTable;
  purchaseSettings: PurchaseSettingsTable;
};

export type PurchaseOrderRow = Selectable<PurchaseOrderTable>;
export type PurchaseOrderLineRow = Selectable<PurchaseOrderLineTable>;
