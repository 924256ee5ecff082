/**
 * China's public holidays and make-up working days (调休) from a maintained data package,
 * `chinese-days` (its dist/chinese-days.json: `holidays` and `workdays` by date, each
 * "English name,中文名,n"), so a year is filled from the State Council's published arrangement
 * instead of being typed by hand. A new year arrives with a new version of the package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DayKind, FillPlan, RegionDay } from '../contract/standards';

type PackageDays = Readonly<Record<string, string>>;
type Loaded = { holidays: PackageDays; workdays: PackageDays; source: FillPlan['source'] };

let loaded: Loaded | null = null;

/**
 * Read from node_modules when first needed (about 60 KB), not bundled into head office's build:
 * updating the package updates the data without touching the code.
 */
function load(): Loaded {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const read = (file: string) => JSON.parse(readFileSync(require.resolve(`chinese-days/${file}`), 'utf8')) as unknown;
  const data = read('dist/chinese-days.json') as { holidays: PackageDays; workdays: PackageDays };
  const version = (read('package.json') as { version: string }).version;
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  loaded = {
    holidays: data.holidays,
    workdays: data.workdays,
    source: { name: 'chinese-days', version, firstYear: Math.min(...years), lastYear: Math.max(...years) },
  };
  return loaded;
}

export function packageSource(): FillPlan['source'] {
  return load().source;
}

/** The Chinese name of the package's "English,中文,n" value. */
function chineseName(value: string): string {
  const [english, chinese] = value.split(',');
  return (chinese ?? english ?? '').trim().slice(0, 40);
}

/** The package's days of one year for `region`, by date; empty for a year it does not cover. */
export function packageDays(region: string, year: number): RegionDay[] {
  const { holidays, workdays } = load();
  const prefix = `${year}-`;
  const days: RegionDay[] = [];
  const add = (source: PackageDays, kind: DayKind) => {
    for (const [date, value] of Object.entries(source))
      if (date.startsWith(prefix)) days.push({ region, date, kind, name: chineseName(value) });
  };
  add(holidays, 'closed');
  add(workdays, 'workday');
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}
