/**
 * Estimates (报价单): what a method is given and what it answers, the line totals, and the
 * canonical JSON the customer's decision is bound to. No Node imports: the estimate editor
 * validates with these schemas, and the approval dialog hashes the same canonical JSON the store
 * rebuilds (db/tickets/estimates/decide.ts), as the service form's signature does.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { localDate, optionalText, requiredText } from '../intake';
import { signatureSchema } from '../step-input';
import type { WarrantyStatus } from '../warranty-status';

const id = z.uuid({ error: 'invalid_value' });

export const ESTIMATE_LINE_KINDS = ['labour', 'part'] as const;
export type EstimateLineKind = (typeof ESTIMATE_LINE_KINDS)[number];
/** A whole estimate fits on one printed A4 page. */
export const ESTIMATE_MAX_LINES = 30;
/** ¥1,000,000 a unit: a wrong key press, not a price, beyond that. */
export const ESTIMATE_MAX_UNIT_FEN = 100_000_000;
export const ESTIMATE_MAX_QUANTITY = 999;
/** The validity a new estimate is given, and the longest one allowed. */
export const ESTIMATE_DEFAULT_VALID_DAYS = 7;
export const ESTIMATE_MAX_VALID_DAYS = 90;

export const estimateLineSchema = z
  .object({
    kind: z.enum(ESTIMATE_LINE_KINDS, { error: 'invalid_value' }),
    /** Labour: what is done. A part's line takes the catalogue's name. */
    description: textInput().trim().max(200, 'too_long').default(''),
    partId: id.nullable().default(null),
    quantity: z
      .number({ error: 'invalid_value' })
      .int('estimate_quantity_whole')
      .min(1, 'estimate_quantity_range')
      .max(ESTIMATE_MAX_QUANTITY, 'estimate_quantity_range'),
    /** Labour: the price typed. A part's line takes the catalogue's price, whatever is sent. */
    unitPriceFen: z
      .number({ error: 'invalid_value' })
      .int('estimate_price_fen')
      .min(0, 'estimate_price_range')
      .max(ESTIMATE_MAX_UNIT_FEN, 'estimate_price_range')
      .default(0),
    /** Under warranty: zero to the customer. Left out, the ticket's warranty status decides. */
    covered: z.boolean({ error: 'invalid_value' }).optional(),
  })
  .superRefine((line, ctx) => {
    if (line.kind === 'labour' && line.description === '')
      ctx.addIssue({ code: 'custom', message: 'required', path: ['description'] });
    if (line.kind === 'part' && line.partId === null)
      ctx.addIssue({ code: 'custom', message: 'estimate_part_required', path: ['partId'] });
  });
export type EstimateLineInput = z.input<typeof estimateLineSchema>;

export const estimatesGetSchema = z.object({ ticketId: id });

export const estimateSaveSchema = z.object({
  ticketId: id,
  /** The version being changed (null for the first): a draft is edited in place, anything else makes a new version. */
  estimateId: id.nullable().default(null),
  validUntil: localDate,
  note: optionalText(500),
  lines: z.array(estimateLineSchema).min(1, 'estimate_lines_min').max(ESTIMATE_MAX_LINES, 'too_many'),
});
export type EstimateSaveInput = z.input<typeof estimateSaveSchema>;

export const estimateSendSchema = z.object({ estimateId: id });

export const ESTIMATE_DECISIONS = ['approved', 'declined'] as const;
export type EstimateDecision = (typeof ESTIMATE_DECISIONS)[number];
export const ESTIMATE_DECISION_METHODS = ['signature', 'phone'] as const;
export type EstimateDecisionMethod = (typeof ESTIMATE_DECISION_METHODS)[number];

export const estimateDecideSchema = z
  .object({
    estimateId: id,
    decision: z.enum(ESTIMATE_DECISIONS, { error: 'invalid_value' }),
    method: z.enum(ESTIMATE_DECISION_METHODS, { error: 'invalid_value' }),
    /** Who decided: the customer, or whom they sent or spoke through. */
    customerName: requiredText(40),
    /** SHA-256 of the canonical JSON of the estimate as shown to the customer. */
    estimateHash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_value'),
    signature: signatureSchema.optional(),
    note: optionalText(500),
  })
  .superRefine((input, ctx) => {
    // Declining in person needs no signature; approving in person does.
    if (input.method === 'signature' && input.decision === 'approved' && input.signature === undefined)
      ctx.addIssue({ code: 'custom', message: 'signature_required', path: ['signature'] });
  });
export type EstimateDecideInput = z.input<typeof estimateDecideSchema>;

/** One stored line: the amount is what the customer pays for it (0 when covered). */
export type EstimateLine = Readonly<{
  kind: EstimateLineKind;
  description: string;
  partId: string | null;
  partNo: string;
  quantity: number;
  unitPriceFen: number;
  covered: boolean;
  amountFen: number;
}>;

export function lineAmountFen(line: Pick<EstimateLine, 'quantity' | 'unitPriceFen' | 'covered'>): number {
  return line.covered ? 0 : line.quantity * line.unitPriceFen;
}

export type EstimateTotals = Readonly<{ totalFen: number; coveredFen: number }>;

export function estimateTotals(
  lines: ReadonlyArray<Pick<EstimateLine, 'quantity' | 'unitPriceFen' | 'covered'>>,
): EstimateTotals {
  let totalFen = 0;
  let coveredFen = 0;
  for (const line of lines) {
    if (line.covered) coveredFen += line.quantity * line.unitPriceFen;
    else totalFen += line.quantity * line.unitPriceFen;
  }
  return { totalFen, coveredFen };
}

/** Whether the warranty status, by default, makes the work free to the customer. */
export function warrantyCovers(status: WarrantyStatus | null): boolean {
  return status === 'return_window' || status === 'exchange_window' || status === 'in_warranty';
}

/**
 * Draft: still being written. Sent: shown to the customer, awaiting the decision. Approved and
 * declined: decided. Expired: not decided by its last valid day. Superseded: a later version exists.
 */
export const ESTIMATE_STATUSES = ['draft', 'sent', 'approved', 'declined', 'expired', 'superseded'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];

export type EstimateDecisionView = Readonly<{
  id: string;
  decision: EstimateDecision;
  method: EstimateDecisionMethod;
  customerName: string;
  recordedByName: string;
  decidedAt: string;
  estimateHash: string;
  /** The stored JSON still hashes to the stored hash. */
  intact: boolean;
  strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>> | null;
  width: number | null;
  height: number | null;
  note: string;
}>;

export type EstimateView = Readonly<{
  id: string;
  ticketId: string;
  ticketNumber: string;
  version: number;
  status: EstimateStatus;
  lines: ReadonlyArray<EstimateLine>;
  totalFen: number;
  coveredFen: number;
  validUntil: string;
  note: string;
  createdByName: string;
  createdAt: string;
  sentAt: string | null;
  decision: EstimateDecisionView | null;
}>;

/** Why work that costs money may not start yet, or null when it may. */
export const WORK_GATE_REFUSALS = [
  'estimate_required',
  'estimate_not_approved',
  'estimate_declined',
  'estimate_expired',
] as const;
export type WorkGateRefusal = (typeof WORK_GATE_REFUSALS)[number];

export type EstimatesView = Readonly<{
  ticketId: string;
  /** The ticket's warranty status, which decides whether new lines start as covered. */
  warrantyCovers: boolean;
  /** Newest version first. */
  versions: ReadonlyArray<EstimateView>;
  /** Whether the work may start as things stand (db/tickets/estimates/gate.ts). */
  gate: WorkGateRefusal | null;
  /** Today in the store's time zone: the editor's default validity counts from it. */
  today: string;
}>;

/** What the customer decides on: every word and figure of the version, in one fixed key order. */
export type EstimateContent = Pick<
  EstimateView,
  'ticketNumber' | 'version' | 'lines' | 'totalFen' | 'coveredFen' | 'validUntil' | 'note'
>;

export function estimateCanonicalJson(estimate: EstimateContent): string {
  return JSON.stringify({
    ticketNumber: estimate.ticketNumber,
    version: estimate.version,
    currency: 'CNY',
    lines: estimate.lines.map((l) => ({
      kind: l.kind,
      description: l.description,
      partNo: l.partNo,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      covered: l.covered,
      amountFen: l.amountFen,
    })),
    totalFen: estimate.totalFen,
    coveredFen: estimate.coveredFen,
    validUntil: estimate.validUntil,
    note: estimate.note,
  });
}
