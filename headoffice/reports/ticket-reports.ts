/**
 * The ticket reports over the rollups (docs/DOMAIN.md §3, §8): complaints by category, channel,
 * month and store; SLA compliance per clock by type, month and store; satisfaction from the
 * follow-up ratings; turnaround. Each reads `report_month` or `report_mix` once, grouped by month,
 * by store and by type together (GROUPING SETS), never the tickets themselves.
 */
import { sql } from 'kysely';
import {
  monthsBetween,
  REPORT_TICKET_TYPES,
  TURNAROUND_BUCKETS,
  type ComplaintsReport,
  type ReportQuery,
  type ReportTicketType,
  type SatisfactionReport,
  type SlaReport,
  type TurnaroundReport,
} from '../console/contract/reports';
import type { HqDatabase } from '../db/open';
import { columnOf } from './rollup-write';
import { clock, ratings, refOf, rollupFilter, storeRefs, turnaround, type Grouped } from './report-query';

const SUMMED = [
  'tickets',
  'replyMet',
  'replyBreached',
  'replyOpen',
  'resolveMet',
  'resolveBreached',
  'resolveOpen',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  'tatCount',
  'tatMinutes',
  ...TURNAROUND_BUCKETS,
] as const;
type MonthSums = Record<(typeof SUMMED)[number], number>;

const SUMS = sql.raw(SUMMED.map((m) => `sum(${columnOf(m)})::float8 AS ${columnOf(m)}`).join(', '));
const EMPTY = Object.fromEntries(SUMMED.map((m) => [m, 0])) as MonthSums;

/** The period's sums by month, by store and by type, from one scan of `report_month`. */
async function monthSums(db: HqDatabase, q: ReportQuery, type = q.type) {
  const rows = await sql<Grouped<MonthSums>>`
    SELECT month, store_id, type, ${SUMS} FROM report_month
    WHERE ${rollupFilter({ ...q, type })}
    GROUP BY GROUPING SETS ((month), (store_id), (type))`.execute(db);
  const byMonth = new Map<string, MonthSums>();
  const byStore: [string, MonthSums][] = [];
  const byType = new Map<string, MonthSums>();
  for (const row of rows.rows) {
    if (row.month !== null) byMonth.set(row.month, row);
    else if (row.storeId !== null) byStore.push([row.storeId, row]);
    else if (row.type !== null) byType.set(row.type, row);
  }
  const total = { ...EMPTY };
  for (const row of byType.values()) for (const m of SUMMED) total[m] += row[m];
  return { byMonth, byStore, byType, total, empty: EMPTY };
}

const clocksOf = (s: MonthSums) => ({
  reply: clock(s.replyMet, s.replyBreached, s.replyOpen),
  resolve: clock(s.resolveMet, s.resolveBreached, s.resolveOpen),
});
const ratingsOf = (s: MonthSums) => ratings([s.rating1, s.rating2, s.rating3, s.rating4, s.rating5]);

/** Complaints of the period: the chain's (or the chosen stores') mix rows, and the stores' counts from `report_month`. */
export async function complaintsReport(db: HqDatabase, q: ReportQuery): Promise<ComplaintsReport> {
  const complaints = { ...q, type: 'complaint' as const };
  const [rows, perStore, stores] = await Promise.all([
    sql<{ month: string | null; category: string | null; channel: string | null; count: number }>`
      SELECT month, category, channel, sum(tickets)::float8 AS count FROM report_mix
      WHERE ${rollupFilter(complaints, { chain: true })}
      GROUP BY GROUPING SETS ((month, category), (channel))`.execute(db),
    sql<{ storeId: string; count: number }>`
      SELECT store_id, sum(tickets)::float8 AS count FROM report_month
      WHERE ${rollupFilter(complaints)} GROUP BY store_id HAVING sum(tickets) > 0`.execute(db),
    storeRefs(db),
  ]);
  const trend = new Map(
    monthsBetween(q.from, q.to).map((m) => [m, { month: m, total: 0, byCategory: {} as Record<string, number> }]),
  );
  const byCategory = new Map<string, number>();
  const byChannel: ComplaintsReport['byChannel'] = [];
  for (const row of rows.rows) {
    if (row.count === 0) continue;
    if (row.month !== null) {
      const month = trend.get(row.month)!;
      month.total += row.count;
      month.byCategory[row.category ?? ''] = row.count;
      byCategory.set(row.category ?? '', (byCategory.get(row.category ?? '') ?? 0) + row.count);
    } else byChannel.push({ channel: row.channel ?? '', count: row.count });
  }
  return {
    total: [...byCategory.values()].reduce((a, b) => a + b, 0),
    byCategory: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    byChannel: byChannel.sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    trend: [...trend.values()],
    byStore: perStore.rows
      .map((r) => ({ ...refOf(stores, r.storeId), count: r.count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

export async function slaReport(db: HqDatabase, q: ReportQuery): Promise<SlaReport> {
  const [sums, stores] = await Promise.all([monthSums(db, q), storeRefs(db)]);
  return {
    ...clocksOf(sums.total),
    byType: REPORT_TICKET_TYPES.filter((t) => sums.byType.has(t)).map((type) => ({
      type,
      ...clocksOf(sums.byType.get(type)!),
    })),
    trend: monthsBetween(q.from, q.to).map((month) => ({ month, ...clocksOf(sums.byMonth.get(month) ?? sums.empty) })),
    byStore: sums.byStore
      .map(([storeId, s]) => ({ ...refOf(stores, storeId), ...clocksOf(s) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export async function satisfactionReport(db: HqDatabase, q: ReportQuery): Promise<SatisfactionReport> {
  const [sums, stores] = await Promise.all([monthSums(db, q), storeRefs(db)]);
  return {
    ...ratingsOf(sums.total),
    trend: monthsBetween(q.from, q.to).map((month) => ({ month, ...ratingsOf(sums.byMonth.get(month) ?? sums.empty) })),
    byType: REPORT_TICKET_TYPES.filter((t) => sums.byType.has(t)).map((type) => ({
      type,
      ...ratingsOf(sums.byType.get(type)!),
    })),
    byStore: sums.byStore
      .map(([storeId, s]) => ({ ...refOf(stores, storeId), ...ratingsOf(s) }))
      .filter((s) => s.count > 0)
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Turnaround of one ticket type, repairs unless the filter names another. */
export async function turnaroundReport(db: HqDatabase, q: ReportQuery): Promise<TurnaroundReport> {
  const type: ReportTicketType = q.type ?? 'repair';
  const [sums, stores] = await Promise.all([monthSums(db, q, type), storeRefs(db)]);
  const t = sums.total;
  return {
    type,
    ...turnaround(t.tatCount, t.tatMinutes),
    buckets: TURNAROUND_BUCKETS.map((bucket) => ({ bucket, count: t[bucket] })),
    trend: monthsBetween(q.from, q.to).map((month) => {
      const s = sums.byMonth.get(month) ?? sums.empty;
      return { month, ...turnaround(s.tatCount, s.tatMinutes) };
    }),
    byStore: sums.byStore
      .map(([storeId, s]) => ({ ...refOf(stores, storeId), ...turnaround(s.tatCount, s.tatMinutes) }))
      .filter((s) => s.count > 0)
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
