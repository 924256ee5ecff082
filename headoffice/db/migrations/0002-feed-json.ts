/**
 * 0002: the change feed keeps each state as `json` (the text as written) instead of `jsonb`. The
 * feed is append-only and never searched by content; it is written once per change and read back
 * whole by pulls, so jsonb's parse on every insert (about a tenth of the feed's insert time,
 * measured) bought nothing. (0003 does the same for entity_state.)
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE change_feed ALTER COLUMN state TYPE json USING state::json`.execute(db);
}
