/**
 * Purchase orders (采购单, docs/architecture/purchasing.md): inputs and the views the Purchasing tab,
 * the receipt form and the printed order read. No Node imports: the renderer validates with these.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { dateSchema, fenSchema, idSchema, noRepeatedParts, noteSchema, qtySchema, reasonSchema } from '../fields';

/** ¥5,000.00: what a parts lead approves alone until the manager sets the store's own value. */
export const DEFAULT_APPROVAL_THRESHOLD_FEN = 500_000;
/** At most this many lines on one order: a supplier's order form, not a catalogue. */
export const MAX_ORDER_LINES = 200;

const orderLineSchema = z.object({
  partId: idSchema,
  orderedQty: qtySchema,
  /** Left out: the part's cost price. */
  unitPriceFen: fenSchema.optional(),
});

const orderFields = {
  supplierId: idSchema,
  /** Left out: the main store room. */
  locationId: idSchema.optional(),
  contractNo: textInput().trim().max(40, 'too_long').default(''),
  expectedOn: dateSchema,
  note: noteSchema,
  lines: z.array(orderLineSchema).min(1, 'lines_min_one').max(MAX_ORDER_LINES, 'too_many'),
};

export const purchaseOrderCreateSchema = z.object(orderFields).superRefine(noRepeatedParts);
export type PurchaseOrderCreateInput = z.input<typeof purchaseOrderCreateSchema>;

/** A draft is edited whole: header and lines as they should now be. */
export const purchaseOrderUpdateSchema = z
  .object({ purchaseOrderId: idSchema, ...orderFields })
  .superRefine(noRepeatedParts);
export type PurchaseOrderUpdateInput = z.input<typeof purchaseOrderUpdateSchema>;

/** Drafts from the reorder list: each part goes to its preferred supplier, one order per supplier. */
export const purchaseOrdersFromReorderSchema = z
  .object({
    expectedOn: dateSchema,
    locationId: idSchema.optional(),
    lines: z
      .array(z.object({ partId: idSchema, orderedQty: qtySchema }))
      .min(1, 'lines_min_one')
      .max(MAX_ORDER_LINES, 'too_many'),
  })
  .superRefine(noRepeatedParts);

export const purchaseOrderIdSchema = z.object({ purchaseOrderId: idSchema });
export const purchaseOrderReasonSchema = z.object({ purchaseOrderId: idSchema, reason: reasonSchema });

export const PURCHASE_ORDER_SHOWN = [
  'draft',
  'awaiting_approval',
  'approved',
  'partly_received',
  'received',
  'closed_short',
  'cancelled',
] as const;
/** What the order shows: the stored decision, or how much arrived once approved. */
export type PurchaseOrderShown = (typeof PURCHASE_ORDER_SHOWN)[number];

export const purchaseOrderListSchema = z.object({
  status: z.enum(PURCHASE_ORDER_SHOWN, { error: 'invalid_value' }).optional(),
  supplierId: idSchema.optional(),
  /** Only orders goods can still be received against (approved, something open). */
  receivable: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
});

export const purchaseSettingsSchema = z.object({ approvalThresholdFen: fenSchema });

export const supplierRecordSchema = z
  .object({ from: dateSchema, to: dateSchema })
  .refine((value) => value.from <= value.to, { message: 'po_period_order', path: ['to'] });

export type PurchaseOrderLineView = Readonly<{
  id: string;
  position: number;
  partId: string;
  partNo: string;
  partName: string;
  spec: string;
  unit: string;
  orderedQty: number;
  unitPriceFen: number;
  amountFen: number;
  /** Summed from the receipt lines against this line, on every PC's receipts synced so far. */
  deliveredQty: number;
  acceptedQty: number;
  rejectedQty: number;
  /** Delivered, not inspected yet. */
  pendingQty: number;
  /** Still to come: ordered less what arrived and was not rejected (never below zero). */
  openQty: number;
}>;

export type PurchaseOrderEventView = Readonly<{ kind: string; staffName: string | null; at: string; reason: string }>;

export type PurchaseOrderView = Readonly<{
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  supplierContact: string;
  supplierPhone: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  contractNo: string;
  expectedOn: string;
  note: string;
  status: PurchaseOrderShown;
  totalFen: number;
  createdByName: string | null;
  createdAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  closedReason: string;
  /** Above the store's threshold: only the manager approves it. */
  needsManager: boolean;
  thresholdFen: number;
  lines: ReadonlyArray<PurchaseOrderLineView>;
  receipts: ReadonlyArray<Readonly<{ id: string; number: string; receivedOn: string; status: 'open' | 'closed' }>>;
  events: ReadonlyArray<PurchaseOrderEventView>;
}>;

export type PurchaseOrderSummary = Readonly<{
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  contractNo: string;
  expectedOn: string;
  status: PurchaseOrderShown;
  totalFen: number;
  lineCount: number;
  openQty: number;
  createdAt: string;
}>;

export type PurchaseSettingsView = Readonly<{
  approvalThresholdFen: number;
  updatedByName: string | null;
  updatedAt: string | null;
}>;

export type SupplierRecordLine = Readonly<{
  supplierId: string;
  supplierName: string;
  /** Deliveries against orders in the period, and how many came on or before the expected date. */
  deliveries: number;
  onTime: number;
  /** Units inspected in the period (all receipts from the supplier), and how many were rejected. */
  inspectedQty: number;
  rejectedQty: number;
}>;

export type SupplierRecord = Readonly<{ from: string; to: string; items: ReadonlyArray<SupplierRecordLine> }>;
