/**
 * 0012: why a pulled value was kept aside. `unknown`: this version had no such table or column, so
 * whatever stamp the PC stores for that field does not describe a value it holds, and the value is
 * replayed over it after an upgrade (db/sync/pending-replay.ts, docs/SYNC.md F19). `refused`: the row
 * refused it (a local uniqueness rule, a required column still missing); replayed through the
 * ordinary merge. Rows kept before it count as `unknown` (no release had shipped before 0012).
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE pending_unknown ADD COLUMN kind TEXT NOT NULL DEFAULT 'unknown' CHECK (kind IN ('unknown', 'refused'))`.execute(
    db,
  );
}
