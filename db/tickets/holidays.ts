/**
 * The days a store's calendar makes exceptions for: head office's region days (region_holiday, the
 * country's first, then the store's province, from a maintained data package, docs/SYNC.md §2.5)
 * overlaid by the store's own holiday rows, which win (a store open on a public holiday says so
 * with its own "workday" row). SLA clocks and follow-up dates count in the result.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { DayKind } from './calendar';
import { regionChain } from './contract';
import type { HolidayView } from './views';

/** Every exception by local date, region days first and the store's own over them. */
export async function calendarDays(db: Kysely<DB>, region: string): Promise<Map<string, DayKind>> {
  const days = new Map<string, DayKind>();
  for (const r of regionChain(region)) {
    const rows = await db.selectFrom('regionHoliday').select(['date', 'kind']).where('region', '=', r).execute();
    for (const row of rows) days.set(row.date, row.kind);
  }
  const own = await db.selectFrom('holiday').select(['date', 'kind']).execute();
  for (const row of own) days.set(row.date, row.kind);
  return days;
}

/** One year's exceptions as the Service standards page lists them: where each day comes from. */
export async function yearDays(db: Kysely<DB>, region: string, year: number): Promise<HolidayView[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const days = new Map<string, HolidayView>();
  for (const r of regionChain(region)) {
    const rows = await db
      .selectFrom('regionHoliday')
      .select(['date', 'kind', 'name', 'region'])
      .where('region', '=', r)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    for (const row of rows) days.set(row.date, row);
  }
  const own = await db
    .selectFrom('holiday')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  for (const row of own) days.set(row.date, { ...row, region: null });
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
