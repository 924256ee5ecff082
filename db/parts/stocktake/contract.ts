/**
 * Stocktaking (盘点, docs/DOMAIN.md §7): a count sheet for a location (or one shelf of it), counted by
 * hand or by scanning part numbers; each line's variance is against the book quantity at the
 * ledger cut taken when counting began, so parts issued or received meanwhile are not counted
 * twice (docs/SYNC.md §2.5). The parts lead posts it, which appends adjustments with reasons.
 * No Node imports.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { countSchema, idSchema, noteSchema, partNoSchema, qtySchema, reasonSchema } from '../fields';
import type { StocktakeStatus } from '../tables';

export const stocktakeStartSchema = z.object({
  locationId: idSchema.optional(),
  /** Count only parts whose bin starts with this (one shelf); empty counts every part. */
  binPrefix: textInput().trim().toUpperCase().max(20, 'too_long').default(''),
  note: noteSchema,
  /** A blind count: whoever counts is not shown the book quantities; the lead sees differences at posting. */
  blind: z.boolean().default(false),
});
export type StocktakeStartInput = z.input<typeof stocktakeStartSchema>;

const reasonText = textInput().trim().max(200, 'too_long');

export const stocktakeCountSchema = z.object({
  stocktakeId: idSchema,
  lineId: idSchema,
  countedQty: countSchema,
  reason: reasonText.optional(),
});
export type StocktakeCountInput = z.input<typeof stocktakeCountSchema>;

/** A scanned part number adds `qty` (one unit by default) to that part's count. */
export const stocktakeScanSchema = z.object({ stocktakeId: idSchema, partNo: partNoSchema, qty: qtySchema.default(1) });

export const stocktakePostSchema = z.object({
  stocktakeId: idSchema,
  /** Reasons for variances, given at posting (a line's stored reason is kept when none is given here). */
  reasons: z
    .array(z.object({ lineId: idSchema, reason: reasonSchema }))
    .max(2000, 'too_many')
    .default([]),
});
export type StocktakePostInput = z.input<typeof stocktakePostSchema>;

export const stocktakeCancelSchema = z.object({ stocktakeId: idSchema, reason: reasonSchema });

export type { StocktakeStatus };

export type StocktakeLineView = Readonly<{
  id: string;
  partId: string;
  partNo: string;
  partName: string;
  unit: string;
  bin: string;
  /** Book quantity at the ledger cut; null on a blind count for whoever counts (not the lead). */
  bookQty: number | null;
  countedQty: number | null;
  /** counted − book at the cut; null until counted, and null while hidden on a blind count. */
  variance: number | null;
  reason: string;
  countedByName: string | null;
  countedAt: string | null;
  /** Net movements at this location since the cut: shown, never counted into the variance. */
  movedSinceCut: number;
  costFen: number;
}>;

export type StocktakeView = Readonly<{
  id: string;
  number: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  binPrefix: string;
  note: string;
  /** Book quantities and differences are not sent to those who count (queries.ts hideBook). */
  blind: boolean;
  /** True when this view left the book quantities out (a blind count, read by someone who counts). */
  bookHidden: boolean;
  status: StocktakeStatus;
  startedByName: string | null;
  startedAt: string;
  closedByName: string | null;
  closedAt: string | null;
  cancelReason: string;
  lines: ReadonlyArray<StocktakeLineView>;
  counted: number;
  /** Null while the book quantities are hidden. */
  withVariance: number | null;
  /** Σ variance × cost; null while the book quantities are hidden. */
  varianceFen: number | null;
}>;

export type StocktakeSummary = Readonly<{
  id: string;
  number: string;
  locationCode: string;
  binPrefix: string;
  status: StocktakeStatus;
  blind: boolean;
  startedAt: string;
  startedByName: string | null;
  lineCount: number;
}>;

export const stocktakeListSchema = z.object({ limit: z.number().int().min(1).max(200).default(50) });
export const stocktakeGetSchema = z.object({ id: idSchema });
