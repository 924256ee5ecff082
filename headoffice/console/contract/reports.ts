/**
 * The chain reports as the console asks for them and reads them (GET /console/api/reports/<name>).
 * Every report is an aggregate over stores and months: no customer appears in any of them.
 * Months are local months in China (UTC+8); money is in fen.
 */
import { z } from 'zod';

export const REPORT_NAMES = ['complaints', 'sla', 'satisfaction', 'turnaround', 'parts', 'stores'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TICKET_TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'] as const;
export type ReportTicketType = (typeof REPORT_TICKET_TYPES)[number];

/** A period is at most three years of months; a store filter at most 200 stores. */
export const REPORT_MAX_MONTHS = 36;
export const REPORT_MAX_STORES = 200;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-03');

const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
};

/** Every month from `from` to `to`, both included (a period the schema has bounded). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1)
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** The filters every report takes: months `from`…`to`, optionally some stores (ids, comma-separated) and a ticket type. */
export const reportQuerySchema = z
  .object({
    from: month,
    to: month,
    stores: z
      .string()
      .max(REPORT_MAX_STORES * 41)
      .optional()
      .transform((s) => (s ? [...new Set(s.split(',').filter((id) => id !== ''))] : []))
      .pipe(z.array(z.string().min(1).max(40)).max(REPORT_MAX_STORES, `at most ${REPORT_MAX_STORES} stores`)),
    type: z.enum(REPORT_TICKET_TYPES).optional(),
    /** Slow stock: no issue for at least this many days. */
    slowDays: z.coerce.number().int().min(7).max(730).default(90),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => monthIndex(q.to) - monthIndex(q.from) < REPORT_MAX_MONTHS, {
    message: `a period is at most ${REPORT_MAX_MONTHS} months`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;
/** What the console sends: the query string's form. */
export type ReportFilters = { from: string; to: string; stores?: string; type?: ReportTicketType; slowDays?: number };

export type StoreRef = { storeId: string; code: string; name: string };
export type ReportOptions = { stores: StoreRef[]; months: { first: string | null; last: string | null } };

export type Clock = {
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached); null when neither */ rate: number | null;
};

export type ComplaintsReport = {
  total: number;
  byCategory: { category: string; count: number }[];
  byChannel: { channel: string; count: number }[];
  /** Every month of the period, quiet ones too, with the count per category. */
  trend: { month: string; total: number; byCategory: Record<string, number> }[];
  byStore: (StoreRef & { count: number })[];
};

export type SlaReport = {
  reply: Clock;
  resolve: Clock;
  byType: { type: ReportTicketType; reply: Clock; resolve: Clock }[];
  trend: { month: string; reply: Clock; resolve: Clock }[];
  byStore: (StoreRef & { reply: Clock; resolve: Clock })[];
};

export type Ratings = { count: number; average: number | null; byScore: number[] };
export type SatisfactionReport = Ratings & {
  trend: ({ month: string } & Ratings)[];
  byType: ({ type: ReportTicketType } & Ratings)[];
  byStore: (StoreRef & Ratings)[];
};

export const TURNAROUND_BUCKETS = ['tat1d', 'tat3d', 'tat7d', 'tat14d', 'tatOver'] as const;
export type TurnaroundBucket = (typeof TURNAROUND_BUCKETS)[number];
export type Turnaround = { count: number; averageHours: number | null };
export type TurnaroundReport = Turnaround & {
  type: ReportTicketType;
  buckets: { bucket: TurnaroundBucket; count: number }[];
  trend: ({ month: string } & Turnaround)[];
  byStore: (StoreRef & Turnaround)[];
};

export type PartLine = { partId: string; partNo: string; name: string };
export type PartsReport = {
  consumed: number;
  consumedFen: number;
  trend: { month: string; consumed: number; consumedFen: number }[];
  /** The 100 parts most consumed in the period. */
  top: (PartLine & { consumed: number; consumedFen: number; stores: number })[];
  slowDays: number;
  /** Stock not issued for `slowDays` days (or never, since it came in), per part: the 100 of most value. */
  slow: (PartLine & { onHand: number; valueFen: number; stores: number })[];
};

export type StoreComparisonRow = StoreRef & {
  tickets: number;
  complaints: number;
  replyRate: number | null;
  resolveRate: number | null;
  averageRating: number | null;
  repairAverageHours: number | null;
  partsConsumedFen: number;
};
export type StoresReport = { rows: StoreComparisonRow[] };

export type ReportOf = {
  complaints: ComplaintsReport;
  sla: SlaReport;
  satisfaction: SatisfactionReport;
  turnaround: TurnaroundReport;
  parts: PartsReport;
  stores: StoresReport;
};
