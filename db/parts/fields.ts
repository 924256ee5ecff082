/**
 * zod pieces every parts form shares: quantities (whole units), money (integer fen), reasons,
 * dates. Messages are keys from db/parts/messages.ts. No Node imports.
 */
import { z } from 'zod';
import { calendarDate, textInput } from '../fields';

export const MAX_QTY = 99_999;
/** ¥10,000,000.00: no single part costs more; a typo with extra zeros is caught. */
export const MAX_FEN = 1_000_000_000;

export const idSchema = z.uuid({ error: 'invalid_value' });

/** A quantity that moves stock: 1, 2, 3 … never 0, never negative, never 1.5. */
export const qtySchema = z
  .number({ error: 'qty_whole' })
  .int('qty_whole')
  .min(1, 'qty_positive')
  .max(MAX_QTY, 'qty_too_large');

/** A counted or approved quantity: 0 allowed. */
export const countSchema = z
  .number({ error: 'qty_whole' })
  .int('qty_whole')
  .min(0, 'qty_not_negative')
  .max(MAX_QTY, 'qty_too_large');

/** A manual adjustment: in (+) or out (−), never zero. */
export const signedQtySchema = z
  .number({ error: 'qty_whole' })
  .int('qty_whole')
  .min(-MAX_QTY, 'qty_too_large')
  .max(MAX_QTY, 'qty_too_large')
  .refine((qty) => qty !== 0, 'qty_nonzero');

export const fenSchema = z
  .number({ error: 'money_invalid' })
  .int('money_invalid')
  .min(0, 'money_invalid')
  .max(MAX_FEN, 'money_invalid');

export const reasonSchema = textInput({ error: 'reason_required' })
  .trim()
  .min(1, 'reason_required')
  .max(200, 'too_long');
export const noteSchema = textInput().trim().max(500, 'too_long').default('');

/** A local calendar date, YYYY-MM-DD. */
export const dateSchema = calendarDate('date_format');

export const partNoSchema = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .min(1, 'required')
  .regex(/^[A-Z0-9][A-Z0-9\-./]{0,39}$/, 'part_no_format');

/** Lines of a document must name each part once, so "how many of X" has one answer. */
export function noRepeatedParts(value: { lines: ReadonlyArray<{ partId: string }> }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  value.lines.forEach((line, index) => {
    if (seen.has(line.partId))
      ctx.addIssue({ code: 'custom', message: 'lines_repeated', path: ['lines', index, 'partId'] });
    seen.add(line.partId);
  });
}
