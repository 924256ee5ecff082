/**
 * A ticket's 三包 status from its list row: the registered product's purchase date, stored warranty
 * end and category rules, else the purchase date typed on the request with the national defaults.
 * A repair job opened from an after-sales request keeps the status the request was judged by (its
 * form carries it), so the job never reads "expired" because its own ticket is days younger.
 * Judged on the store's local date of the day the ticket was taken: a customer who claimed on the
 * last day of the return window keeps that right however long the verification takes.
 */
import type { StoreCalendar } from './calendar';
import {
  rulesOrDefaults,
  WARRANTY_STATUSES,
  warrantyView,
  type WarrantyStatus,
  type WarrantyView,
} from './warranty-status';
import type { TicketType } from './workflow';

export type WarrantyRow = Readonly<{
  type: TicketType;
  createdAt: string;
  productPurchaseDate: string | null;
  productWarrantyEnd: string | null;
  returnDays: number | null;
  exchangeDays: number | null;
  warrantyMonths: number | null;
  formPurchaseDate: string | null;
  carriedWarranty: string | null;
}>;

/**
 * The view the rules give on the day the ticket was taken, with the store's holidays extending a
 * window that ends on one. The intake form computes the same with the same function
 * (warrantyView), so what it shows while typing is what the saved ticket says.
 */
export function judgedWarranty(row: Omit<WarrantyRow, 'type' | 'carriedWarranty'>, cal: StoreCalendar): WarrantyView {
  const formDate =
    typeof row.formPurchaseDate === 'string' && row.formPurchaseDate !== '' ? row.formPurchaseDate : null;
  return warrantyView(
    {
      purchaseDate: row.productPurchaseDate ?? formDate,
      warrantyEnd: row.productWarrantyEnd,
      rules: rulesOrDefaults(row),
      calendarDays: cal.settings.holidays,
    },
    cal.localDate(Date.parse(row.createdAt)),
  );
}

export function warrantyOfTicket(row: WarrantyRow, cal: StoreCalendar): WarrantyView | null {
  if (row.type !== 'aftersales' && row.type !== 'repair') return null;
  const view = judgedWarranty(row, cal);
  const carried = WARRANTY_STATUSES.find((w): w is WarrantyStatus => w === row.carriedWarranty);
  if (carried === undefined || carried === view.status) return view;
  return { ...view, status: carried, daysLeft: null };
}
