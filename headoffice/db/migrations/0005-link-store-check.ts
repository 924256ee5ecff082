/**
 * 0005: customer_link.store_id loses its foreign key to hq_store. Every push inserts one link per
 * customer record it touches, and the key's check ran a lookup of hq_store per row: a quarter of the
 * link insert's time (0.35 s of a 100,000-change push). The store a link names is always one that
 * exists: the pushing device's own (device.store_id keeps its foreign key) or one already linked to a
 * merged-away customer; head office never deletes a store. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customer_link DROP CONSTRAINT customer_link_store_id_fkey`.execute(db);
}
