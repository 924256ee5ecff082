/**
 * Receiving (docs/DOMAIN.md §7): a goods receipt from a supplier with lines; each line inspected
 * (accepted and rejected quantities, reason); closing it puts only accepted units into stock and
 * sends rejected ones back on a return-to-supplier document. No Node imports.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import {
  countSchema,
  dateSchema,
  fenSchema,
  idSchema,
  noRepeatedParts,
  noteSchema,
  qtySchema,
  reasonSchema,
} from '../fields';

const inspectionFields = {
  acceptedQty: countSchema,
  rejectedQty: countSchema,
  rejectReason: textInput().trim().max(200, 'too_long').default(''),
};

type Inspection = { acceptedQty: number; rejectedQty: number; rejectReason: string };

/** Accepted + rejected = delivered, and a rejection says why. `delivered` is null when unknown here. */
export function checkInspection(
  value: Inspection,
  delivered: number | null,
  ctx: z.RefinementCtx,
  path: ReadonlyArray<string | number> = [],
): void {
  if (delivered !== null && value.acceptedQty + value.rejectedQty !== delivered)
    ctx.addIssue({ code: 'custom', message: 'inspection_sum', path: [...path, 'acceptedQty'] });
  if (value.rejectedQty > 0 && value.rejectReason === '')
    ctx.addIssue({ code: 'custom', message: 'reject_reason_required', path: [...path, 'rejectReason'] });
}

const receiptLineSchema = z
  .object({
    partId: idSchema,
    deliveredQty: qtySchema,
    unitCostFen: fenSchema,
    inspection: z.object(inspectionFields).optional(),
  })
  .superRefine((line, ctx) => {
    if (line.inspection) checkInspection(line.inspection, line.deliveredQty, ctx, ['inspection']);
  });

export const receiptCreateSchema = z
  .object({
    supplierId: idSchema,
    locationId: idSchema.optional(),
    /** The purchase order this delivery is against: its lines fill the order's lines of the same parts. */
    purchaseOrderId: idSchema.optional(),
    supplierRef: textInput().trim().max(40, 'too_long').default(''),
    receivedOn: dateSchema,
    note: noteSchema,
    lines: z.array(receiptLineSchema).min(1, 'lines_min_one').max(200, 'too_many'),
  })
  .superRefine(noRepeatedParts);
export type ReceiptCreateInput = z.input<typeof receiptCreateSchema>;

export const receiptAddLineSchema = z.object({
  receiptId: idSchema,
  partId: idSchema,
  deliveredQty: qtySchema,
  unitCostFen: fenSchema,
});

export const receiptInspectSchema = z
  .object({ receiptId: idSchema, lineId: idSchema, ...inspectionFields })
  .superRefine((value, ctx) => checkInspection(value, null, ctx));
export type ReceiptInspectInput = z.input<typeof receiptInspectSchema>;

export const supplierReturnCreateSchema = z
  .object({
    supplierId: idSchema,
    locationId: idSchema.optional(),
    reason: reasonSchema,
    /** The supplier's agreement to take slow stock back (a letter, a contract clause). */
    agreementRef: textInput().trim().max(60, 'too_long').default(''),
    lines: z
      .array(z.object({ partId: idSchema, qty: qtySchema }))
      .min(1, 'lines_min_one')
      .max(200, 'too_many'),
  })
  .superRefine(noRepeatedParts);
export type SupplierReturnCreateInput = z.input<typeof supplierReturnCreateSchema>;

export type ReceiptLineView = Readonly<{
  id: string;
  position: number;
  partId: string;
  partNo: string;
  partName: string;
  unit: string;
  deliveredQty: number;
  unitCostFen: number;
  acceptedQty: number | null;
  rejectedQty: number | null;
  rejectReason: string;
  inspectedByName: string | null;
  inspectedAt: string | null;
}>;

export type DocRef = Readonly<{ id: string; number: string }>;

export type ReceiptView = Readonly<{
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  locationId: string;
  locationCode: string;
  supplierRef: string;
  receivedOn: string;
  note: string;
  status: 'open' | 'closed';
  createdByName: string | null;
  createdAt: string;
  closedByName: string | null;
  closedAt: string | null;
  lines: ReadonlyArray<ReceiptLineView>;
  supplierReturns: ReadonlyArray<DocRef>;
  purchaseOrder: DocRef | null;
}>;

export type ReceiptSummary = Readonly<{
  id: string;
  number: string;
  supplierName: string;
  supplierRef: string;
  receivedOn: string;
  status: 'open' | 'closed';
  lineCount: number;
  createdAt: string;
}>;

export type SupplierReturnStep = Readonly<{ byName: string | null; at: string }>;

export type SupplierReturnView = Readonly<{
  id: string;
  number: string;
  supplierName: string;
  source: 'inspection' | 'stock';
  receipt: DocRef | null;
  locationCode: string;
  reason: string;
  agreementRef: string;
  createdByName: string | null;
  createdAt: string;
  status: 'created' | 'shipped' | 'credited' | 'cancelled';
  shipped: (SupplierReturnStep & { on: string; carrier: string; waybillNo: string }) | null;
  credited: (SupplierReturnStep & { creditNoteNo: string; creditFen: number }) | null;
  cancelled: (SupplierReturnStep & { reason: string }) | null;
  /** Shipped and still without its credit note: whole days since it was shipped (store's calendar), else null. */
  waitingDays: number | null;
  /** Waiting longer than CREDIT_OVERDUE_DAYS: the list makes it stand out. */
  creditOverdue: boolean;
  /** What the goods cost us (Σ qty × unit cost): what the credit note is expected to cover. */
  valueFen: number;
  lines: ReadonlyArray<{
    partId: string;
    partNo: string;
    partName: string;
    unit: string;
    qty: number;
    reason: string;
    unitCostFen: number | null;
  }>;
}>;

const statusFilter = z.enum(['open', 'closed']).optional();

export const receiptListSchema = z.object({
  status: statusFilter,
  limit: z.number().int().min(1).max(500).default(100),
});
export const receiptGetSchema = z.object({ id: idSchema });
export const receiptCloseSchema = z.object({ receiptId: idSchema });
export const supplierReturnListSchema = z.object({
  status: z.enum(['created', 'shipped', 'credited', 'cancelled']).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
