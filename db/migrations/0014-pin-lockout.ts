/**
 * 0014: the PIN lockout (five wrong PINs lock a staff member out for five minutes) is kept in the
 * store instead of in memory, so restarting the app does not clear it. A row per staff member with
 * failures counted since the last right PIN, and when the lockout began on the desk's clock, which
 * never goes back (db/clock.ts). Local to this PC like `session`: nothing here enters the change
 * log, and sync has no entity for it, so it is never pushed or pulled. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE pin_lockout (
    staff_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_at TEXT
  )`.execute(db);
}
