/**
 * Head office's holiday calendar per region: `region_holiday` records keyed `region:date`
 * (db/tickets/sync-entities.ts), pulled by every store, whose calendar is its region's days (the
 * country's first) under its own holiday rows (db/tickets/holidays.ts). A year of `CN` is filled
 * from the data package (holiday-package.ts) after a preview; single days are added, changed or
 * removed by hand, e.g. a province's own days.
 */
import { sql } from 'kysely';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type { FillPlan, RegionDay, RegionSummary, RegionYear } from '../contract/standards';
import { liveRecord, liveRecords, type LiveRecord } from './hq-records';
import { packageDays, packageSource } from './holiday-package';
import type { Plan } from './matrix';

const dayId = (region: string, date: string): string => `${region}:${date}`;

function toDay(r: LiveRecord): RegionDay {
  const f = r.fields;
  const [region = '', date = ''] = r.entityId.split(':');
  return {
    region: typeof f.region === 'string' ? f.region : region,
    date: typeof f.date === 'string' ? f.date : date,
    kind: f.kind === 'workday' ? 'workday' : 'closed',
    name: typeof f.name === 'string' ? f.name : '',
  };
}

export async function regionYear(db: HqDatabase, region: string, year: number): Promise<RegionYear> {
  const rows = await liveRecords(db, 'region_holiday', {
    from: dayId(region, `${year}-01-01`),
    to: dayId(region, `${year}-12-31`),
  });
  return { region, year, days: rows.map(toDay) };
}

/** The regions head office has days for (at most a few dozen), `CN` always among them. */
export async function regionSummaries(db: HqDatabase): Promise<RegionSummary[]> {
  const { rows } = await sql<{ region: string; days: string; firstDate: string; lastDate: string }>`
    SELECT split_part(entity_id, ':', 1) AS region, count(*) AS days,
           min(split_part(entity_id, ':', 2)) AS first_date, max(split_part(entity_id, ':', 2)) AS last_date
    FROM entity_state
    WHERE entity = 'region_holiday' AND state->>'deleted' IS NULL
    GROUP BY 1 ORDER BY 1 LIMIT 200`.execute(db);
  const summaries: RegionSummary[] = rows.map((r) => ({ ...r, days: Number(r.days) }));
  if (!summaries.some((s) => s.region === 'CN'))
    summaries.unshift({ region: 'CN', days: 0, firstDate: null, lastDate: null });
  return summaries;
}

const fieldsOf = (d: RegionDay, nowIso: string) => ({ ...d, updatedAt: nowIso });

/** What filling `year` of `region` from the package adds and changes; never removes a day. */
export async function planFill(db: HqDatabase, region: string, year: number): Promise<FillPlan> {
  const source = packageSource();
  if (year < source.firstYear || year > source.lastYear)
    throw new HqError(
      400,
      'year_not_in_package',
      `The data package (${source.name} ${source.version}) has days for ${source.firstYear}–${source.lastYear}, not ${year}: update the package, or enter the days by hand`,
    );
  const current = new Map((await regionYear(db, region, year)).days.map((d) => [d.date, d]));
  const fromPackage = packageDays(region, year);
  const plan: FillPlan = { region, year, source, add: [], change: [], unchanged: 0, kept: [] };
  for (const day of fromPackage) {
    const before = current.get(day.date);
    if (!before) plan.add.push(day);
    else if (before.kind !== day.kind || before.name !== day.name) plan.change.push({ before, after: day });
    else plan.unchanged += 1;
  }
  const inPackage = new Set(fromPackage.map((d) => d.date));
  plan.kept = [...current.values()].filter((d) => !inPackage.has(d.date));
  return plan;
}

export function fillWrites(plan: FillPlan, nowIso: string): Plan {
  const writes = [
    ...plan.add.map((d) => ({
      entity: 'region_holiday',
      entityId: dayId(d.region, d.date),
      op: 'insert' as const,
      fields: fieldsOf(d, nowIso),
    })),
    ...plan.change.map(({ after: d }) => ({
      entity: 'region_holiday',
      entityId: dayId(d.region, d.date),
      op: 'update' as const,
      fields: fieldsOf(d, nowIso),
    })),
  ];
  const audit =
    writes.length === 0
      ? []
      : [
          {
            action: 'region_holiday.fill',
            target: `${plan.region} ${plan.year}`,
            before: plan.change.map((c) => c.before),
            after: {
              source: `${plan.source.name} ${plan.source.version}`,
              added: plan.add,
              changed: plan.change.map((c) => c.after),
            },
          },
        ];
  return { writes, audit };
}

export async function planSaveDay(db: HqDatabase, day: RegionDay, nowIso: string): Promise<Plan> {
  const found = await liveRecord(db, 'region_holiday', dayId(day.region, day.date));
  const before = found ? toDay(found) : null;
  if (before && before.kind === day.kind && before.name === day.name) return { writes: [], audit: [] };
  return {
    writes: [
      {
        entity: 'region_holiday',
        entityId: dayId(day.region, day.date),
        op: before ? 'update' : 'insert',
        fields: fieldsOf(day, nowIso),
      },
    ],
    audit: [{ action: 'region_holiday.save', target: dayId(day.region, day.date), before, after: day }],
  };
}

export async function planRemoveDay(db: HqDatabase, region: string, date: string): Promise<Plan> {
  const found = await liveRecord(db, 'region_holiday', dayId(region, date));
  if (!found) throw new HqError(404, 'not_found', `${region} has no day on ${date}`);
  return {
    writes: [{ entity: 'region_holiday', entityId: dayId(region, date), op: 'delete', fields: {} }],
    audit: [{ action: 'region_holiday.remove', target: dayId(region, date), before: toDay(found), after: null }],
  };
}
