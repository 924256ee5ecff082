/**
 * Warranty status of an after-sales request or repair, by the "three guarantees"
 * (三包) rules: within 7 days of purchase a faulty product may be returned, within 15 days
 * exchanged, and within the warranty it is repaired free. Plain calendar dates, no time zone.
 * No Node imports: the intake form shows it as the dates are typed.
 */
import { isCalendarDate, warrantyEnd } from '../customers/warranty';

export const WARRANTY_STATUSES = ['return_window', 'exchange_window', 'in_warranty', 'expired', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

/** When the product has no warranty end on file (not registered), the usual whole-unit term. */
export const DEFAULT_WARRANTY_MONTHS = 12;
const RETURN_DAYS = 7;
const EXCHANGE_DAYS = 15;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type WarrantyFacts = Readonly<{ purchaseDate: string | null; warrantyEnd: string | null }>;

export function warrantyStatus(facts: WarrantyFacts, onDate: string): WarrantyStatus {
  const { purchaseDate } = facts;
  if (purchaseDate === null || !isCalendarDate(purchaseDate) || !isCalendarDate(onDate)) return 'unknown';
  const age = daysBetween(purchaseDate, onDate);
  if (age < 0) return 'unknown';
  if (age <= RETURN_DAYS) return 'return_window';
  if (age <= EXCHANGE_DAYS) return 'exchange_window';
  const end = facts.warrantyEnd ?? warrantyEnd(purchaseDate, DEFAULT_WARRANTY_MONTHS);
  return onDate <= end ? 'in_warranty' : 'expired';
}
