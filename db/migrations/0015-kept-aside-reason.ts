/**
 * 0015: why a refused value was kept aside, so the Sync page can say it and what to do.
 * `reason`: `duplicate` (a local uniqueness rule, e.g. a ticket number this PC already has),
 * `incomplete` (a required column still missing), `depends` (it refers to a record that is itself
 * kept aside: stored now it would dangle); null for rows kept before 0015 and for `unknown` ones.
 * `depends_on`: with `depends`, the record it waits for as `<entity>:<id>`. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE pending_unknown ADD COLUMN reason TEXT CHECK (reason IN ('duplicate', 'incomplete', 'depends'))`.execute(
    db,
  );
  await sql`ALTER TABLE pending_unknown ADD COLUMN depends_on TEXT`.execute(db);
}
