/**
 * 0017: what this store offered head office when it joined. A store that worked standalone made
 * its own parts, suppliers and standards; enrolled, it pushes them and head office keeps each as an
 * offer for review, telling the store through a `join_offer` record of its own (synced, head
 * office's, this store's only). `status`: pending, accepted (adopted by head office), mapped
 * (replaced by head office's record `mapped_to`, named `mapped_label`), dropped (kept on this PC
 * only, `reason`). Local to this PC: `settled_at`, when the outcome was carried out here (a mapped
 * part's stock moved through the ledger), and `moved_qty`, how much moved. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE join_offer (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    device_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending','accepted','mapped','dropped')),
    mapped_to TEXT,
    mapped_label TEXT,
    reason TEXT NOT NULL DEFAULT '',
    offered_at TEXT,
    decided_at TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    settled_at TEXT,
    moved_qty INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE INDEX join_offer_record ON join_offer (entity, entity_id)`.execute(db);
  await sql`CREATE INDEX join_offer_mapped_to ON join_offer (mapped_to) WHERE mapped_to IS NOT NULL`.execute(db);
}
