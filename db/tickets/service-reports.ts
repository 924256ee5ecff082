/**
 * Complaint analysis (docs/DOMAIN.md §3: counts by category, recurring problems, how they ended) and staff
 * performance with the period's service star (§8). Both read the period's tickets (report-tickets.ts);
 * times are wall-clock minutes, from taking the ticket to its last resolution.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { addDays, isoWeekday, type StoreCalendar } from './calendar';
import {
  STAR_MIN_RATINGS,
  type Channel,
  type ComplaintCategory,
  type ComplaintReport,
  type StaffPerformanceReport,
  type StaffPerformanceRow,
} from './contract-reports';
import { CHANNELS, COMPLAINT_CATEGORIES } from './intake';
import { periodTickets, quantile, summariseRatings } from './report-tickets';

/** A period up to about two months reads best week by week; longer, month by month. */
const WEEKLY_UP_TO_DAYS = 62;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every bucket of the period, empty ones too, so the trend line does not skip a quiet week. */
function buckets(from: string, to: string, unit: 'week' | 'month'): string[] {
  const keys: string[] = [];
  // One step per bucket (the contract keeps a period to REPORT_MAX_DAYS, so at most 53 weeks or 13 months).
  if (unit === 'month') {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7))
      keys.push(month);
  } else {
    for (let monday = addDays(from, 1 - isoWeekday(from)); monday <= to; monday = addDays(monday, 7)) keys.push(monday);
  }
  return keys;
}

export async function complaintReport(
  db: Kysely<DB>,
  cal: StoreCalendar,
  from: string,
  to: string,
): Promise<ComplaintReport> {
  const complaints = await periodTickets(db, cal, from, to, 'complaint');
  const total = complaints.length;
  const countBy = <K extends string>(keys: ReadonlyArray<K>, of: (t: (typeof complaints)[number]) => string | null) =>
    keys.map((key) => ({ key, count: complaints.filter((t) => of(t) === key).length })).filter((c) => c.count > 0);

  const trendUnit = daysBetween(from, to) <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';
  const bucketOf = (date: string) => (trendUnit === 'month' ? date.slice(0, 7) : addDays(date, 1 - isoWeekday(date)));
  const trend = buckets(from, to, trendUnit).map((bucket) => ({
    bucket,
    count: complaints.filter((t) => bucketOf(t.localDate) === bucket).length,
  }));

  const recurring = new Map<string, { product: string | null; category: ComplaintCategory; count: number }>();
  for (const t of complaints) {
    // Complaints with no product linked share nothing but the lack of one: no recurring product.
    if (t.product === null || t.product.trim() === '') continue;
    const key = `${t.product}\u0000${t.category}`;
    const entry = recurring.get(key) ?? { product: t.product, category: t.category as ComplaintCategory, count: 0 };
    entry.count += 1;
    recurring.set(key, entry);
  }

  const resolved = complaints.filter((t) => t.resolved);
  return {
    from,
    to,
    total,
    byCategory: countBy<ComplaintCategory>(COMPLAINT_CATEGORIES, (t) => t.category)
      .map(({ key, count }) => ({ category: key, count, share: count / total }))
      .sort((a, b) => b.count - a.count),
    byChannel: countBy<Channel>(CHANNELS, (t) => t.channel).map(({ key, count }) => ({ channel: key, count })),
    trendUnit,
    trend,
    recurring: [...recurring.values()]
      .filter((r) => r.count >= 2)
      .sort((a, b) => b.count - a.count || (a.product ?? '').localeCompare(b.product ?? '')),
    resolved: resolved.length,
    reopenedLowRating: complaints.filter((t) => t.lowRatings > 0).length,
    escalated: complaints.filter((t) => t.escalated).length,
    medianResolveMinutes: quantile(
      resolved.flatMap((t) => (t.resolveMinutes === null ? [] : [t.resolveMinutes])),
      0.5,
    ),
    ratings: summariseRatings(complaints.flatMap((t) => t.ratings)),
  };
}

/** Best by the stated rule: highest average rating with enough ratings; ties: more resolved, more ratings. */
export function serviceStar(rows: ReadonlyArray<StaffPerformanceRow>): string | null {
  const eligible = rows.filter((r) => r.ratingCount >= STAR_MIN_RATINGS && r.averageRating !== null);
  eligible.sort(
    (a, b) => b.averageRating! - a.averageRating! || b.resolved - a.resolved || b.ratingCount - a.ratingCount,
  );
  const [best, next] = eligible;
  // A tie on all three is no single star.
  if (
    !best ||
    (next &&
      next.averageRating === best.averageRating &&
      next.resolved === best.resolved &&
      next.ratingCount === best.ratingCount)
  )
    return null;
  return best.staffId;
}

export async function staffReport(
  db: Kysely<DB>,
  cal: StoreCalendar,
  from: string,
  to: string,
): Promise<StaffPerformanceReport> {
  const period = await periodTickets(db, cal, from, to);
  const tickets = period.filter((t) => t.assigneeId !== null);
  // Complaints count against the person they are about, whoever handled them.
  const about = period.filter((t) => t.aboutStaffId !== null);
  const ids = [...new Set([...tickets.map((t) => t.assigneeId!), ...about.map((t) => t.aboutStaffId!)])];
  const names = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (s) => [s.id, s.name] as const,
        ),
  );
  const staff = ids.map((staffId): StaffPerformanceRow => {
    const mine = tickets.filter((t) => t.assigneeId === staffId);
    const against = about.filter((t) => t.aboutStaffId === staffId);
    const times = mine.flatMap((t) => (t.resolved && t.resolveMinutes !== null ? [t.resolveMinutes] : []));
    const ratings = summariseRatings(mine.flatMap((t) => t.ratings));
    return {
      staffId,
      name: names.get(staffId) ?? '',
      assigned: mine.length,
      resolved: mine.filter((t) => t.resolved).length,
      medianResolveMinutes: quantile(times, 0.5),
      p90ResolveMinutes: quantile(times, 0.9),
      ratingCount: ratings.count,
      averageRating: ratings.average,
      lowRatings: mine.reduce((n, t) => n + t.lowRatings, 0),
      complaintsAbout: against.length,
      attitudeComplaints: against.filter((t) => t.category === 'service_attitude').length,
      breaches: mine.reduce((n, t) => n + t.breaches, 0),
    };
  });
  staff.sort((a, b) => b.resolved - a.resolved || b.assigned - a.assigned || a.name.localeCompare(b.name));
  return { from, to, staff, starStaffId: serviceStar(staff) };
}
