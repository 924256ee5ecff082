/**
 * Spare-parts tables (docs/DOMAIN.md §7), joined into the DB type in db/schema.ts with one `&` line.
 * The ledger (`stock_movement`) is append-only; `stock_on_hand` is a local cache of its sums,
 * rebuilt from it at will and never synced. Quantities are whole units; money is integer fen.
 */
import type { Generated, Selectable } from 'kysely';
import type { PartClearanceTable } from './clearance/tables';

/** Every reason stock changes. A reversing movement keeps the kind of the one it reverses. */
export const MOVEMENT_KINDS = [
  'receive',
  'issue',
  'return_from_job',
  'return_to_supplier',
  'adjust',
  'transfer_out',
  'transfer_in',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The document a movement belongs to. */
export const DOC_TYPES = ['receipt', 'supplier_return', 'requisition', 'stocktake', 'transfer', 'manual'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const REQUISITION_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'partly_issued',
  'issued',
  'cancelled',
] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

export const RECEIPT_STATUSES = ['open', 'closed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const STOCKTAKE_STATUSES = ['counting', 'posted', 'cancelled'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

export const REQUISITION_EVENT_KINDS = [
  'requested',
  'approved',
  'rejected',
  'issued',
  'returned',
  'cancelled',
] as const;
export type RequisitionEventKind = (typeof REQUISITION_EVENT_KINDS)[number];

/** What the parts lead decided for one requisition line: in full, fewer than asked, or none. */
export const LINE_DECISIONS = ['approved', 'reduced', 'rejected'] as const;
export type LineDecision = (typeof LINE_DECISIONS)[number];

export type SupplierTable = {
  id: string;
  name: string;
  contact: string;
  phone: string;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

export type PartTable = {
  id: string;
  partNo: string;
  name: string;
  spec: string;
  /** JSON array of the product models the part fits. */
  models: string;
  unit: string;
  /** JSON array of supplier ids, preferred first. */
  supplierIds: string;
  costFen: number;
  priceFen: number;
  /** Null: not restocked automatically (no reorder rule). */
  reorderLevel: number | null;
  reorderQty: number;
  /** Shelf position, e.g. A-03-2. */
  bin: string;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

/** Where stock physically sits: the store room, a repair van. Store-owned. */
export type StockLocationTable = {
  id: string;
  /** The stable key: MAIN's id is derived from it, so it is never renamed (only the name is). */
  code: string;
  name: string;
  createdAt: string;
  /** Retired: takes no new stock and is hidden from lists; only with nothing on hand (0010). */
  retiredAt: string | null;
  hlc: string;
};

export type StockMovementTable = {
  /** Local arrival order in this replica: a stocktake's ledger cut is a value of it. Never synced. */
  seq: Generated<number>;
  /** The movement id: global, and what makes applying a synced movement idempotent. */
  id: string;
  partId: string;
  locationId: string;
  kind: MovementKind;
  /** Signed change to on-hand: positive in, negative out, never zero. */
  qty: number;
  unitCostFen: number | null;
  reason: string;
  docType: DocType;
  docId: string | null;
  docLineId: string | null;
  /** Set on a reversing movement: the movement it cancels. */
  reversesId: string | null;
  staffId: string | null;
  createdAt: string;
  hlc: string;
};

/** Cache: Σ qty of stock_movement per part and location, updated in the movement's transaction. */
export type StockOnHandTable = {
  partId: string;
  locationId: string;
  qty: number;
  lastMovementAt: string;
};

export type GoodsReceiptTable = {
  id: string;
  number: string;
  supplierId: string;
  locationId: string;
  /** The supplier's delivery note number. */
  supplierRef: string;
  /** The day the goods arrived (local date YYYY-MM-DD). */
  receivedOn: string;
  note: string;
  status: ReceiptStatus;
  /** The purchase order this delivery is against (0024); null for a delivery without one. */
  purchaseOrderId: string | null;
  createdBy: string | null;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  updatedAt: string;
  hlc: string;
};

export type GoodsReceiptLineTable = {
  id: string;
  receiptId: string;
  position: number;
  partId: string;
  deliveredQty: number;
  unitCostFen: number;
  /** Null until inspected. accepted + rejected = delivered. */
  acceptedQty: number | null;
  rejectedQty: number | null;
  rejectReason: string;
  inspectedBy: string | null;
  inspectedAt: string | null;
  /** The order line this line delivers (0024): its received quantities are summed from these. */
  purchaseOrderLineId: string | null;
  hlc: string;
};

export type SupplierReturnTable = {
  id: string;
  number: string;
  supplierId: string;
  locationId: string;
  /** 'inspection': goods rejected on arrival (never in stock); 'stock': goods taken off the shelf. */
  source: 'inspection' | 'stock';
  receiptId: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  /** Where the return stands (receiving/return-machine.ts); the columns below are each step's record. */
  status: Generated<SupplierReturnStatus>;
  /** The supplier's agreement a return of slow stock was made under (empty for rejects at inspection). */
  agreementRef: Generated<string>;
  shippedOn: string | null;
  carrier: Generated<string>;
  waybillNo: Generated<string>;
  shippedBy: string | null;
  shippedAt: string | null;
  /** The supplier's credit note: its number and amount (fen), and who recorded it. */
  creditNoteNo: Generated<string>;
  creditFen: number | null;
  creditedBy: string | null;
  creditedAt: string | null;
  cancelReason: Generated<string>;
  cancelledBy: string | null;
  cancelledAt: string | null;
  updatedAt: string | null;
  hlc: string;
};

export const SUPPLIER_RETURN_STATUSES = ['created', 'shipped', 'credited', 'cancelled'] as const;
export type SupplierReturnStatus = (typeof SUPPLIER_RETURN_STATUSES)[number];

export type SupplierReturnLineTable = {
  id: string;
  returnId: string;
  position: number;
  partId: string;
  qty: number;
  reason: string;
  hlc: string;
};

export type RequisitionTable = {
  id: string;
  number: string;
  ticketId: string;
  locationId: string;
  note: string;
  /** Cached from the event log and the issue movements, in the same transaction. */
  status: RequisitionStatus;
  requestedBy: string | null;
  requestedAt: string;
  /** The parts lead's signature: who approved or rejected, and when. */
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string;
  updatedAt: string;
  hlc: string;
};

export type RequisitionLineTable = {
  id: string;
  requisitionId: string;
  position: number;
  partId: string;
  requestedQty: number;
  /** Null until the parts lead signs; 0 on a rejected line. */
  approvedQty: number | null;
  /** The lead's word on this line (null until signed), with the reason for reducing or rejecting it. */
  decision: LineDecision | null;
  decisionReason: string;
  decidedBy: string | null;
  decidedAt: string | null;
  hlc: string;
};

/** Append-only: who requested, signed, issued and took back, and when (docs/SYNC.md §2.5). */
export type RequisitionEventTable = {
  id: string;
  requisitionId: string;
  kind: RequisitionEventKind;
  staffId: string | null;
  at: string;
  reason: string;
  /** JSON: the lines and quantities the event concerned. */
  detail: string;
  hlc: string;
};

export type StocktakeTable = {
  id: string;
  number: string;
  locationId: string;
  /** Empty: every part; else only parts whose bin starts with it. */
  binPrefix: string;
  note: string;
  /** 1: a blind count — the counting screen is not sent the book quantities (migration 0027). */
  blind: number;
  status: StocktakeStatus;
  /** The ledger cut: the last movement seq this replica had seen when counting began. */
  cutSeq: number;
  startedBy: string | null;
  startedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  cancelReason: string;
  updatedAt: string;
  hlc: string;
};

export type StocktakeLineTable = {
  id: string;
  stocktakeId: string;
  partId: string;
  /** Book quantity at the ledger cut. */
  bookQty: number;
  countedQty: number | null;
  countedBy: string | null;
  countedAt: string | null;
  reason: string;
  hlc: string;
};

/**
 * What this store offered head office when it joined (migration 0017): head office's record, synced
 * to this store; `settledAt` and `movedQty` stay on this PC (db/parts/join/settle.ts).
 */
export type JoinOfferTable = {
  id: string;
  entity: string;
  entityId: string;
  label: string;
  deviceId: string | null;
  status: 'pending' | 'accepted' | 'mapped' | 'dropped';
  mappedTo: string | null;
  mappedLabel: string | null;
  reason: string;
  offeredAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
  hlc: string;
  settledAt: string | null;
  movedQty: number;
};

export type PartsTables = {
  supplier: SupplierTable;
  part: PartTable;
  stockLocation: StockLocationTable;
  stockMovement: StockMovementTable;
  stockOnHand: StockOnHandTable;
  goodsReceipt: GoodsReceiptTable;
  goodsReceiptLine: GoodsReceiptLineTable;
  supplierReturn: SupplierReturnTable;
  supplierReturnLine: SupplierReturnLineTable;
  requisition: RequisitionTable;
  requisitionLine: RequisitionLineTable;
  requisitionEvent: RequisitionEventTable;
  stocktake: StocktakeTable;
  stocktakeLine: StocktakeLineTable;
  joinOffer: JoinOfferTable;
  partClearance: PartClearanceTable;
};

export type SupplierRow = Selectable<SupplierTable>;
export type PartRow = Selectable<PartTable>;
export type StockLocationRow = Selectable<StockLocationTable>;
export type StockMovementRow = Selectable<StockMovementTable>;
export type GoodsReceiptRow = Selectable<GoodsReceiptTable>;
export type GoodsReceiptLineRow = Selectable<GoodsReceiptLineTable>;
export type RequisitionRow = Selectable<RequisitionTable>;
export type RequisitionLineRow = Selectable<RequisitionLineTable>;
export type StocktakeRow = Selectable<StocktakeTable>;
export type StocktakeLineRow = Selectable<StocktakeLineTable>;
export type SupplierReturnRow = Selectable<SupplierReturnTable>;
