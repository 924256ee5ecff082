/**
 * Warranty status of an after-sales request or repair under the "three guarantees" (三包) rules:
 * within the return window after the purchase a faulty product may be returned, within the exchange
 * window exchanged, and within the warranty it is repaired free. The windows are the product
 * category's (product_category.return_days, exchange_days, warranty_months; docs/architecture/sanbao-rules.md).
 *
 * Days count as the Civil Code counts a period (民法典 第二百零一条): the purchase day is not counted,
 * so bought on 09-18 with a 7-day window, the last day to return is 09-25; every window includes
 * its last day. Plain calendar dates: the caller passes the store's local date. No Node imports:
 * the intake form shows the status as the dates are typed.
 */
import { addDays, isCalendarDate, warrantyEnd } from '../customers/warranty';
import { dateInRange } from '../fields';
import type { DayKind } from './calendar';

export const WARRANTY_STATUSES = ['return_window', 'exchange_window', 'in_warranty', 'expired', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

export type SanbaoRules = Readonly<{ returnDays: number; exchangeDays: number; warrantyMonths: number }>;

/**
 * When the product's category is not known (a request typed without a registered product): the
 * national rules' 7-day return and 15-day exchange (《部分商品修理更换退货责任规定》 articles 8–9)
 * and the usual whole-unit term of a year.
 */
export const DEFAULT_SANBAO_RULES: SanbaoRules = { returnDays: 7, exchangeDays: 15, warrantyMonths: 12 };
/** Kept for callers that only need the whole-unit default. */
export const DEFAULT_WARRANTY_MONTHS = DEFAULT_SANBAO_RULES.warrantyMonths;

export type WarrantyFacts = Readonly<{
  purchaseDate: string | null;
  /** The product's stored warranty end (fixed when it was registered), if any. */
  warrantyEnd: string | null;
  rules?: SanbaoRules;
  /**
   * The store's calendar exceptions by date (public holidays 'closed', make-up working days
   * 'workday'): a window whose last day is a public holiday runs on to the next working day.
   */
  calendarDays?: ReadonlyMap<string, DayKind>;
}>;

export type WarrantyView = Readonly<{
  status: WarrantyStatus;
  purchaseDate: string | null;
  /** The last day a return is accepted (null: no return window, or no purchase date). */
  returnUntil: string | null;
  exchangeUntil: string | null;
  warrantyEnd: string | null;
  /** Whole days left in the status's window on the day judged, counting that day's end (0: the last day). */
  daysLeft: number | null;
  /** The day the status was judged on. */
  judgedOn: string;
}>;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Saturday or Sunday, read from the plain date (no time zone: the date is already the store's). */
function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** A public holiday's week or a long run of closed days is weeks at most; a calendar saying more is wrong. */
const MAX_DAYS_EXTENDED = 60;

/**
 * A window's last day as the Civil Code moves it (民法典 第二百零三条: 期间的最后一日是法定休假日的，
 * 以法定休假日结束的次日为期间的最后一日): a last day the calendar marks as a public holiday
 * ('closed') moves to the first working day after the holiday — past the weekend that follows it,
 * onto a make-up working day (调休, 'workday') when one comes first. An ordinary weekend is not a
 * holiday here: the counter is open on it, and the calendar is what says which days the law closes.
 */
export function legalLastDay(date: string, days: ReadonlyMap<string, DayKind> | undefined): string {
  if (days === undefined || days.get(date) !== 'closed') return date;
  let day = date;
  for (let i = 0; i < MAX_DAYS_EXTENDED; i++) {
    day = addDays(day, 1);
    const kind = days.get(day);
    if (kind === 'workday' || (kind === undefined && !isWeekend(day))) return day;
  }
  return day;
}

/** A purchase date the rules can be applied to: a real date, in the years a counter works with. */
function usablePurchaseDate(date: string | null): date is string {
  return date !== null && isCalendarDate(date) && dateInRange(date);
}

export function warrantyView(facts: WarrantyFacts, onDate: string): WarrantyView {
  const rules = facts.rules ?? DEFAULT_SANBAO_RULES;
  const unknown: WarrantyView = {
    status: 'unknown',
    purchaseDate: facts.purchaseDate,
    returnUntil: null,
    exchangeUntil: null,
    warrantyEnd: facts.warrantyEnd,
    daysLeft: null,
    judgedOn: onDate,
  };
  const { purchaseDate } = facts;
  if (!usablePurchaseDate(purchaseDate) || !isCalendarDate(onDate)) return unknown;
  // Bought after the day judged: a typing slip, not a product inside every window.
  if (purchaseDate > onDate) return unknown;
  const days = facts.calendarDays;
  const returnUntil = rules.returnDays > 0 ? legalLastDay(addDays(purchaseDate, rules.returnDays), days) : null;
  const exchangeUntil = rules.exchangeDays > 0 ? legalLastDay(addDays(purchaseDate, rules.exchangeDays), days) : null;
  const end = legalLastDay(facts.warrantyEnd ?? warrantyEnd(purchaseDate, rules.warrantyMonths), days);
  const view = { ...unknown, purchaseDate, returnUntil, exchangeUntil, warrantyEnd: end };
  if (returnUntil !== null && onDate <= returnUntil)
    return { ...view, status: 'return_window', daysLeft: daysBetween(onDate, returnUntil) };
  if (exchangeUntil !== null && onDate <= exchangeUntil)
    return { ...view, status: 'exchange_window', daysLeft: daysBetween(onDate, exchangeUntil) };
  if (onDate <= end) return { ...view, status: 'in_warranty', daysLeft: daysBetween(onDate, end) };
  return { ...view, status: 'expired' };
}

/** A category's rules when all three are known, else the national defaults (a row read through a left join). */
export function rulesOrDefaults(
  row: Readonly<{ returnDays: number | null; exchangeDays: number | null; warrantyMonths: number | null }>,
): SanbaoRules {
  return row.returnDays !== null && row.exchangeDays !== null && row.warrantyMonths !== null
    ? { returnDays: row.returnDays, exchangeDays: row.exchangeDays, warrantyMonths: row.warrantyMonths }
    : DEFAULT_SANBAO_RULES;
}

export function warrantyStatus(facts: WarrantyFacts, onDate: string): WarrantyStatus {
  return warrantyView(facts, onDate).status;
}
