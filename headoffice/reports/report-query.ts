/**
 * What the report queries share: the filter as SQL (months, stores, ticket type) over a rollup
 * table, the stores' codes and names, and the small arithmetic of rates and averages. Each report
 * reads its rollup once with GROUPING SETS, so the months, the stores and the types come from one
 * scan of the rollup rows of the period.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Clock, Ratings, ReportQuery, StoreRef, Turnaround } from '../console/contract/reports';
import type { HqDatabase } from '../db/open';
import { CHAIN } from './rollup-write';

/**
 * `WHERE` over a rollup with month and store_id columns (and type, unless `withType` is false).
 * `chain`: the rollup holds the chain's rows (store '*', migration 0011), read when no store is
 * chosen; otherwise the filter leaves them out.
 */
export function rollupFilter(q: ReportQuery, { withType = true, chain = false } = {}): RawBuilder<unknown> {
  const parts = [sql`month BETWEEN ${q.from} AND ${q.to}`];
  if (q.stores.length > 0) parts.push(sql`store_id = ANY(${q.stores}::text[])`);
  else parts.push(chain ? sql`store_id = ${CHAIN}` : sql`store_id <> ${CHAIN}`);
  if (withType && q.type) parts.push(sql`type = ${q.type}`);
  return sql.join(parts, sql` AND `);
}

export async function storeRefs(db: HqDatabase): Promise<Map<string, StoreRef>> {
  const rows = await db.selectFrom('hqStore').select(['id', 'code', 'name']).orderBy('code').execute();
  return new Map(rows.map((r) => [r.id, { storeId: r.id, code: r.code, name: r.name }]));
}

/** The store's code and name; a store head office no longer lists shows its id. */
export const refOf = (stores: Map<string, StoreRef>, storeId: string): StoreRef =>
  stores.get(storeId) ?? { storeId, code: storeId, name: '' };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function clock(met: number, breached: number, open: number): Clock {
  return { met, breached, open, rate: met + breached === 0 ? null : round(met / (met + breached), 4) };
}

export function ratings(byScore: number[]): Ratings {
  const count = byScore.reduce((a, b) => a + b, 0);
  const sum = byScore.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count, average: count === 0 ? null : round(sum / count, 2), byScore };
}

export function turnaround(count: number, minutes: number): Turnaround {
  return { count, averageHours: count === 0 ? null : round(minutes / count / 60, 1) };
}

/** Which grouping set a GROUPING SETS row belongs to, from the grouped columns left non-null. */
export type Grouped<T> = T & { month: string | null; storeId: string | null; type: string | null };
