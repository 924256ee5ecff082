/**
 * 0009: tickets whose status and SLA clocks are still to be folded from their events after a
 * snapshot. A snapshot brings headers first and events later, page by page; folding a ticket each
 * time some of its events arrive would fold it once per page that carries any. The snapshot lists
 * them here and folds each once when its last page is in (db/sync/pull.ts). Local working state:
 * never synced. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE ticket_backlog (ticket_id TEXT PRIMARY KEY) WITHOUT ROWID`.execute(db);
}
