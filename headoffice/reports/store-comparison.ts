/**
 * Stores side by side (docs/DOMAIN.md §8): tickets, complaints, SLA compliance of both clocks, the
 * average follow-up rating, repair turnaround and parts consumed, one row per store that had any of
 * them in the period. Two grouped reads of the rollups, joined here by store.
 */
import { sql } from 'kysely';
import type { ReportQuery, StoreComparisonRow, StoresReport } from '../console/contract/reports';
import type { HqDatabase } from '../db/open';
import { CHAIN } from './rollup-write';
import { clock, ratings, refOf, rollupFilter, storeRefs, turnaround } from './report-query';

type StoreSums = {
  storeId: string;
  tickets: number;
  complaints: number;
  replyMet: number;
  replyBreached: number;
  resolveMet: number;
  resolveBreached: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  repairCount: number;
  repairMinutes: number;
};

export async function storesReport(db: HqDatabase, q: ReportQuery): Promise<StoresReport> {
  const [tickets, parts, stores] = await Promise.all([
    sql<StoreSums>`
      SELECT store_id, sum(tickets)::float8 AS tickets,
        coalesce(sum(tickets) FILTER (WHERE type = 'complaint'), 0)::float8 AS complaints,
        sum(reply_met)::float8 AS reply_met, sum(reply_breached)::float8 AS reply_breached,
        sum(resolve_met)::float8 AS resolve_met, sum(resolve_breached)::float8 AS resolve_breached,
        sum(rating_1)::float8 AS r1, sum(rating_2)::float8 AS r2, sum(rating_3)::float8 AS r3,
        sum(rating_4)::float8 AS r4, sum(rating_5)::float8 AS r5,
        coalesce(sum(tat_count) FILTER (WHERE type = 'repair'), 0)::float8 AS repair_count,
        coalesce(sum(tat_minutes) FILTER (WHERE type = 'repair'), 0)::float8 AS repair_minutes
      FROM report_month WHERE ${rollupFilter(q)} GROUP BY store_id`.execute(db),
    sql<{ storeId: string; consumedFen: number }>`
      SELECT store_id, sum(consumed_fen)::float8 AS consumed_fen FROM report_parts_month
      WHERE ${rollupFilter(q, { withType: false })} AND part_id = ${CHAIN} GROUP BY store_id`.execute(db),
    storeRefs(db),
  ]);
  const rows = new Map<string, StoreComparisonRow>();
  const row = (storeId: string) =>
    rows.get(storeId) ??
    rows
      .set(storeId, {
        ...refOf(stores, storeId),
        tickets: 0,
        complaints: 0,
        replyRate: null,
        resolveRate: null,
        averageRating: null,
        repairAverageHours: null,
        partsConsumedFen: 0,
      })
      .get(storeId)!;
  for (const s of tickets.rows) {
    Object.assign(row(s.storeId), {
      tickets: s.tickets,
      complaints: s.complaints,
      replyRate: clock(s.replyMet, s.replyBreached, 0).rate,
      resolveRate: clock(s.resolveMet, s.resolveBreached, 0).rate,
      averageRating: ratings([s.r1, s.r2, s.r3, s.r4, s.r5]).average,
      repairAverageHours: turnaround(s.repairCount, s.repairMinutes).averageHours,
    });
  }
  for (const p of parts.rows) row(p.storeId).partsConsumedFen = p.consumedFen;
  return { rows: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)) };
}
