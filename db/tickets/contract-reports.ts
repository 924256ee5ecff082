/**
 * The service-quality reports (docs/DOMAIN.md §3 complaint analysis, §8 staff performance): schemas and
 * result types. No Node imports. Leads and managers read them (`tickets.reports`); they carry
 * staff names but no customer's personal data.
 */
import type { CHANNELS, COMPLAINT_CATEGORIES } from './intake';

export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export type Channel = (typeof CHANNELS)[number];

/** A rated follow-up call's scores, 1–5. */
export type RatingSummary = Readonly<{
  count: number;
  average: number | null;
  byScore: ReadonlyArray<{ score: number; count: number }>;
}>;

export type ComplaintReport = Readonly<{
  from: string;
  to: string;
  /** Complaints taken on a local date from `from` to `to` (voided ones included: they were received). */
  total: number;
  byCategory: ReadonlyArray<{ category: ComplaintCategory; count: number; share: number }>;
  byChannel: ReadonlyArray<{ channel: Channel; count: number }>;
  /** Week by week (Monday's date) for a period up to 62 days, else month by month (YYYY-MM). */
  trendUnit: 'week' | 'month';
  trend: ReadonlyArray<{ bucket: string; count: number }>;
  /** Product (brand and model of the linked customer product; null: none linked) × category taken twice or more. */
  recurring: ReadonlyArray<{ product: string | null; category: ComplaintCategory; count: number }>;
  /** Now in a resolved state of the complaint workflow (solution accepted, resolved or archived). */
  resolved: number;
  /** Complaints whose follow-up was rated LOW_RATING or less and went back to the manager. */
  reopenedLowRating: number;
  escalated: number;
  /** Wall-clock minutes from taking to the (last) resolution, median over the resolved; null when none. */
  medianResolveMinutes: number | null;
  ratings: RatingSummary;
}>;

/** The service star needs at least this many rated follow-ups in the period. */
export const STAR_MIN_RATINGS = 2;

export type StaffPerformanceRow = Readonly<{
  staffId: string;
  name: string;
  /** The period's tickets (taken on a local date in the period) of which they are the responsible person. */
  assigned: number;
  resolved: number;
  /** Wall-clock minutes from taking to resolution, over their resolved tickets; null when none. */
  medianResolveMinutes: number | null;
  p90ResolveMinutes: number | null;
  ratingCount: number;
  averageRating: number | null;
  /** Follow-ups on their tickets rated LOW_RATING or less: the customer complained of the service. */
  lowRatings: number;
  /** Complaints of the period about them (the complaint's `about`), whoever handled the complaint. */
  complaintsAbout: number;
  /** Of those, complaints about service attitude. */
  attitudeComplaints: number;
  /** Recorded SLA breaches on their tickets. */
  breaches: number;
}>;

export type StaffPerformanceReport = Readonly<{
  from: string;
  to: string;
  staff: ReadonlyArray<StaffPerformanceRow>;
  /** Highest average rating with at least STAR_MIN_RATINGS ratings; ties: more resolved, then more ratings. */
  starStaffId: string | null;
}>;
