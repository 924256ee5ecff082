/**
 * Parts across stores (docs/DOMAIN.md §7): what was consumed in the period, by month and by part,
 * and the slow stock (库存积压) held now — stock with no issue for `slowDays` days, or never issued
 * since it came in — valued at the catalogue's cost. Reads `report_parts_month` and `report_stock`;
 * part numbers and names come from the catalogue's merged states, looked up by id for the lines shown.
 */
import { sql } from 'kysely';
import { monthsBetween, type PartLine, type PartsReport, type ReportQuery } from '../console/contract/reports';
import type { HqDatabase } from '../db/open';
import { rollupFilter } from './report-query';
import { CHAIN } from './rollup-write';

const TOP = 100;
const DAY_MS = 86_400_000;

async function catalogue(db: HqDatabase, partIds: ReadonlyArray<string>) {
  if (partIds.length === 0) return new Map<string, PartLine & { costFen: number }>();
  const rows = await sql<{ partId: string; partNo: string | null; name: string | null; costFen: number | null }>`
    SELECT entity_id AS part_id, state->'fields'->>'partNo' AS part_no, state->'fields'->>'name' AS name,
      (state->'fields'->>'costFen')::float8 AS cost_fen
    FROM entity_state WHERE entity = 'part' AND entity_id = ANY(${partIds}::text[])`.execute(db);
  return new Map(
    rows.rows.map((r) => [
      r.partId,
      { partId: r.partId, partNo: r.partNo ?? '', name: r.name ?? '', costFen: r.costFen ?? 0 },
    ]),
  );
}

export async function partsReport(db: HqDatabase, q: ReportQuery, nowMs: number): Promise<PartsReport> {
  // The chain's rows when no store is chosen; each store's total over its parts is part '*'.
  const where = rollupFilter(q, { withType: false, chain: true });
  const slowBefore = nowMs - q.slowDays * DAY_MS;
  const storeFilter = q.stores.length > 0 ? sql`AND store_id = ANY(${q.stores}::text[])` : sql``;
  // The three reads go on separate connections, so PostgreSQL runs them side by side.
  const [months, top, slow] = await Promise.all([
    sql<{ month: string; consumed: number; consumedFen: number }>`
      SELECT month, sum(consumed)::float8 AS consumed, sum(consumed_fen)::float8 AS consumed_fen
      FROM report_parts_month WHERE ${where} AND part_id = ${CHAIN} GROUP BY month`.execute(db),
    sql<{ partId: string; consumed: number; consumedFen: number }>`
      SELECT part_id, sum(consumed)::float8 AS consumed, sum(consumed_fen)::float8 AS consumed_fen
      FROM report_parts_month WHERE ${where} AND part_id <> ${CHAIN} GROUP BY part_id
      HAVING sum(consumed) <> 0 ORDER BY sum(consumed) DESC, part_id LIMIT ${TOP}`.execute(db),
    // Every part held too long, summed over stores and valued at the catalogue's cost; the most valuable first.
    sql<PartsReport['slow'][number]>`
      SELECT s.part_id, coalesce(p.state->'fields'->>'partNo', s.part_id) AS part_no, coalesce(p.state->'fields'->>'name', '') AS name,
        s.on_hand, s.on_hand * coalesce((p.state->'fields'->>'costFen')::float8, 0) AS value_fen, s.stores
      FROM (SELECT part_id, sum(on_hand)::float8 AS on_hand, count(*)::float8 AS stores FROM report_stock
        WHERE on_hand > 0 AND coalesce(last_issue_ms, first_in_ms) < ${slowBefore} ${storeFilter}
        GROUP BY part_id) s
      LEFT JOIN entity_state p ON p.entity = 'part' AND p.entity_id = s.part_id
      ORDER BY value_fen DESC, s.on_hand DESC, part_no LIMIT ${TOP}`.execute(db),
  ]);
  const topIds = top.rows.map((r) => r.partId);
  const [storesOfTop, topParts] = await Promise.all([
    topIds.length === 0
      ? new Map<string, number>()
      : sql<{ partId: string; stores: number }>`
          SELECT part_id, count(DISTINCT store_id)::float8 AS stores FROM report_parts_month
          WHERE part_id = ANY(${topIds}::text[]) AND ${rollupFilter(q, { withType: false })} AND consumed <> 0
          GROUP BY part_id`
          .execute(db)
          .then((rows) => new Map(rows.rows.map((r) => [r.partId, r.stores]))),
    catalogue(db, topIds),
  ]);
  const byMonth = new Map(months.rows.map((r) => [r.month, r]));
  return {
    consumed: months.rows.reduce((a, r) => a + r.consumed, 0),
    consumedFen: months.rows.reduce((a, r) => a + r.consumedFen, 0),
    trend: monthsBetween(q.from, q.to).map((month) => ({
      month,
      consumed: byMonth.get(month)?.consumed ?? 0,
      consumedFen: byMonth.get(month)?.consumedFen ?? 0,
    })),
    top: top.rows.map((r) => {
      const part = topParts.get(r.partId);
      return {
        partId: r.partId,
        partNo: part?.partNo ?? r.partId,
        name: part?.name ?? '',
        consumed: r.consumed,
        consumedFen: r.consumedFen,
        stores: storesOfTop.get(r.partId) ?? 0,
      };
    }),
    slowDays: q.slowDays,
    slow: slow.rows,
  };
}
