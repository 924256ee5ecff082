/**
 * zod pieces every area's contract builds its inputs from, so a date, an instant or a text is
 * bounded the same way in every method. No Node imports: the renderer validates its forms with
 * these very schemas.
 */
import { z } from 'zod';

/** The dates a counter works with: receipts, holidays, report periods, appointments. */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';
const INSTANT_MIN_MS = Date.parse(`${DATE_MIN}T00:00:00Z`);
const INSTANT_END_MS = Date.parse('2101-01-01T00:00:00Z');

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function dateInRange(date: string): boolean {
  return date >= DATE_MIN && date <= DATE_MAX;
}

/**
 * A local calendar date, YYYY-MM-DD, from DATE_MIN to DATE_MAX. Far dates are refused rather than
 * stored: a year 9999 in a report period or a filter made handlers walk millennia day by day.
 * `formatKey` is the area's own message for a value that is not a date at all.
 */
export function calendarDate(formatKey: string) {
  return z.string({ error: formatKey }).superRefine((value, ctx) => {
    if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: formatKey });
    else if (!dateInRange(value)) ctx.addIssue({ code: 'custom', message: 'date_out_of_range' });
  });
}

/** An ISO instant (with `offset`: any UTC offset, else Z only) within the same years as calendarDate. */
export function instant(formatKey: string, { offset }: { offset: boolean }) {
  return z.iso.datetime({ offset, error: formatKey }).superRefine((value, ctx) => {
    const ms = Date.parse(value);
    // NaN: not an instant at all, which the format check has said already.
    if (ms < INSTANT_MIN_MS || ms >= INSTANT_END_MS) ctx.addIssue({ code: 'custom', message: 'date_out_of_range' });
  });
}

/**
 * Half a surrogate pair has no UTF-8 form: SQLite would store U+FFFD instead, so what was typed
 * and what is read back would differ. NUL cuts strings short in native code and printers. Both are
 * refused wherever text is stored, rather than silently changed.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * A string input. Every contract takes its strings from here (then `.trim().min().max()` as
 * usual), so no method stores text SQLite would change.
 */
export function textInput(params?: { error: string }) {
  return z.string(params).refine(isStorableText, 'text_unstorable');
}

/** The input of a method that takes none: an empty object (keys it does not know are dropped). */
export const noInput = z.object({});
