/** Warranty dates: plain calendar dates (YYYY-MM-DD), no time zone involved. */
export { isCalendarDate } from '../fields';

/** The last day covered: purchase date + months, less one day (bought 2026-01-15, 12 months → 2027-01-14). */
export function warrantyEnd(purchaseDate: string, months: number): string {
  const [y, m, d] = purchaseDate.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months;
  const year = y + Math.floor(targetMonth / 12);
  const month = targetMonth % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // Bought on the 31st, ends at the end of a shorter month rather than spilling into the next.
  const end = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export function underWarranty(end: string | null, todayIso: string): boolean {
  return end !== null && end >= todayIso.slice(0, 10);
}
