/** Warranty dates: plain calendar dates (YYYY-MM-DD), no time zone involved. */
export { isCalendarDate } from '../fields';

/**
 * The same day `months` later, or that month's last day when it has none (bought 01-31, one month →
 * 02-28, or 02-29 in a leap year).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months;
  const year = y + Math.floor(targetMonth / 12);
  const month = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The last day covered, counted as the Civil Code counts a period (民法典 第二百零一条、第二百零二条):
 * the purchase day is not counted, and a period in months ends on the same day of its last month,
 * or that month's last day. Bought 2025-09-18 with 12 months → covered through 2026-09-18.
 */
export function warrantyEnd(purchaseDate: string, months: number): string {
  return addMonths(purchaseDate, months);
}

export function underWarranty(end: string | null, todayIso: string): boolean {
  return end !== null && end >= todayIso.slice(0, 10);
}
