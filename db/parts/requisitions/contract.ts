/**
 * The requisition form (配件领用单, docs/DOMAIN.md §7): a technician requests parts for a repair
 * ticket → the parts lead signs (approves, possibly fewer, or rejects with a reason) → a clerk
 * issues what was approved, in one go or in parts → unused parts come back against the same
 * form. No Node imports.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { countSchema, idSchema, noRepeatedParts, noteSchema, qtySchema, reasonSchema } from '../fields';
import type { LineDecision, RequisitionEventKind, RequisitionStatus } from '../tables';

const lineQty = z.object({ lineId: idSchema, qty: qtySchema });
function noRepeatedLines(value: { lines: ReadonlyArray<{ lineId: string }> }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  value.lines.forEach((line, index) => {
    if (seen.has(line.lineId))
      ctx.addIssue({ code: 'custom', message: 'lines_repeated', path: ['lines', index, 'lineId'] });
    seen.add(line.lineId);
  });
}

export const requisitionCreateSchema = z
  .object({
    ticketId: idSchema,
    locationId: idSchema.optional(),
    note: noteSchema,
    lines: z
      .array(z.object({ partId: idSchema, qty: qtySchema }))
      .min(1, 'lines_min_one')
      .max(30, 'too_many'),
  })
  .superRefine(noRepeatedParts);
export type RequisitionCreateInput = z.input<typeof requisitionCreateSchema>;

/**
 * The parts lead's decision, line by line: the requested quantity approves the line in full, fewer
 * reduces it and 0 rejects it; reducing and rejecting need a reason (the handler knows what was
 * asked, so it names the missing reason). Lines left out are approved as requested.
 */
export const requisitionApproveSchema = z
  .object({
    requisitionId: idSchema,
    lines: z
      .array(
        z.object({
          lineId: idSchema,
          approvedQty: countSchema,
          reason: textInput().trim().max(200, 'too_long').default(''),
        }),
      )
      .max(30, 'too_many')
      .default([]),
  })
  .superRefine(noRepeatedLines);
export type RequisitionApproveInput = z.input<typeof requisitionApproveSchema>;

export const requisitionRejectSchema = z.object({ requisitionId: idSchema, reason: reasonSchema });

/** Withdrawn before anything was issued: by the technician who asked, or the parts lead. */
export const requisitionCancelSchema = z.object({ requisitionId: idSchema, reason: reasonSchema });

export const requisitionIssueSchema = z
  .object({ requisitionId: idSchema, lines: z.array(lineQty).min(1, 'lines_min_one').max(30, 'too_many') })
  .superRefine(noRepeatedLines);
export type RequisitionIssueInput = z.input<typeof requisitionIssueSchema>;

export const requisitionReturnSchema = z
  .object({
    requisitionId: idSchema,
    reason: reasonSchema,
    lines: z.array(lineQty).min(1, 'lines_min_one').max(30, 'too_many'),
  })
  .superRefine(noRepeatedLines);
export type RequisitionReturnInput = z.input<typeof requisitionReturnSchema>;

/** 'open': waiting for the lead or for the clerk. */
export const REQUISITION_FILTERS = [
  'open',
  'requested',
  'approved',
  'partly_issued',
  'issued',
  'rejected',
  'cancelled',
  'all',
] as const;
export type RequisitionFilter = (typeof REQUISITION_FILTERS)[number];

export const requisitionListSchema = z.object({
  filter: z.enum(REQUISITION_FILTERS).default('open'),
  ticketId: idSchema.optional(),
  /** Only the ones the signed-in staff member requested. */
  mine: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
});

export type TicketRef = Readonly<{
  id: string;
  number: string;
  type: string;
  status: string;
  summary: string;
  customerName: string | null;
}>;

export type RequisitionLineView = Readonly<{
  id: string;
  partId: string;
  partNo: string;
  partName: string;
  unit: string;
  requestedQty: number;
  approvedQty: number | null;
  /** The lead's word on the line; null while the form waits to be signed. */
  decision: LineDecision | null;
  /** Why the line was reduced or rejected ('' when approved in full). */
  decisionReason: string;
  decidedByName: string | null;
  decidedAt: string | null;
  issuedQty: number;
  returnedQty: number;
  /** Approved and not yet issued. */
  toIssueQty: number;
  /** Issued and not yet returned: what the job holds. */
  heldQty: number;
  /** On-hand at the requisition's location now. */
  onHand: number;
}>;

export type RequisitionEventView = Readonly<{
  kind: RequisitionEventKind;
  staffName: string | null;
  at: string;
  reason: string;
}>;

export type RequisitionView = Readonly<{
  id: string;
  number: string;
  ticket: TicketRef;
  locationId: string;
  locationCode: string;
  note: string;
  status: RequisitionStatus;
  /** The requester's staff id: the desk offers Cancel to him (the handler checks again). */
  requestedBy: string | null;
  requestedByName: string | null;
  requestedAt: string;
  /** The parts lead's signature. */
  decidedByName: string | null;
  decidedAt: string | null;
  rejectReason: string;
  /** Why it was cancelled ('' unless cancelled): the reason on its cancel event. */
  cancelReason: string;
  lines: ReadonlyArray<RequisitionLineView>;
  events: ReadonlyArray<RequisitionEventView>;
}>;

export type RequisitionSummary = Readonly<{
  id: string;
  number: string;
  ticketNumber: string;
  status: RequisitionStatus;
  requestedByName: string | null;
  requestedAt: string;
  /** "排水泵 ×1, 皮带 ×2" */
  lines: ReadonlyArray<{ partName: string; requestedQty: number; approvedQty: number | null }>;
}>;

export type TicketPartLine = Readonly<{
  partId: string;
  partNo: string;
  partName: string;
  unit: string;
  issuedQty: number;
  returnedQty: number;
  usedQty: number;
  priceFen: number;
  amountFen: number;
}>;

export type TicketParts = Readonly<{
  ticketId: string;
  lines: ReadonlyArray<TicketPartLine>;
  requisitions: ReadonlyArray<Readonly<{ id: string; number: string; status: RequisitionStatus }>>;
  totalFen: number;
}>;

/** Stock that went below zero with this call: flagged for the parts lead, never blocking the counter. */
export type IssueResult = Readonly<{
  requisition: RequisitionView;
  wentNegative: ReadonlyArray<{ partNo: string; onHand: number }>;
}>;

export const requisitionGetSchema = z.object({ id: idSchema });
export const ticketLookupSchema = z.object({ number: textInput().trim().min(1, 'required').max(40, 'too_long') });
export const ticketPartsSchema = z.object({ ticketId: idSchema });
