/**
 * 0008: customers whose counter-search terms are still to be built. An initial sync brings a new PC
 * hundreds of thousands of customers; writing each one's terms into search_term while the rows
 * arrive costs more than the rows themselves (scattered index pages in every short transaction), so
 * the snapshot lists them here and the sync engine builds their terms in the background afterwards
 * (db/customers/search-backlog.ts). Local working state: never synced. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE search_backlog (customer_id TEXT PRIMARY KEY) WITHOUT ROWID`.execute(db);
}
