/**
 * 0011: the repair job an after-sales ticket opens when its confirmed plan is "repair" and the work
 * starts (db/tickets/repair-job.ts) points back at it. The link is on the repair ticket only; the
 * after-sales ticket finds its repair by this column (indexed). A header field, synced like the
 * others (the sync registry reads the ticket's columns from the table). Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE ticket ADD COLUMN parent_ticket_id TEXT`.execute(db);
  await sql`CREATE INDEX ticket_parent ON ticket (parent_ticket_id) WHERE parent_ticket_id IS NOT NULL`.execute(db);
}
