/**
 * 0016: what head office now owns besides the targets themselves (docs/SYNC.md §2.5):
 * - sla_target.counts: whether a standard counts the store's working hours or calendar hours
 *   (a 24/7 clock, e.g. for urgent repairs);
 * - opening_hours_template: opening hours a store's admin can copy into the store's own settings;
 * - region_holiday: closed days and make-up working days (调休) per region, `CN` for the whole
 *   country and e.g. `CN-GD` for a province's own days, keyed `region:date`;
 * - ticket_settings.region: the region whose days this store's calendar starts from;
 * - ticket_sla.clock_counts: which clock the cached deadline counts in, so a list shows the time
 *   left in the same hours.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sla_target ADD COLUMN counts TEXT NOT NULL DEFAULT 'working' CHECK (counts IN ('working','calendar'))`.execute(
    db,
  );
  await sql`CREATE TABLE opening_hours_template (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    opens_at TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    working_days TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE region_holiday (
    id TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('closed','workday')),
    name TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX region_holiday_region_date ON region_holiday (region, date)`.execute(db);
  await sql`ALTER TABLE ticket_settings ADD COLUMN region TEXT NOT NULL DEFAULT 'CN'`.execute(db);
  await sql`ALTER TABLE ticket_sla ADD COLUMN clock_counts TEXT NOT NULL DEFAULT 'working'`.execute(db);
}
