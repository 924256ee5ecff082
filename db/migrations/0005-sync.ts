/**
 * 0005: sync bookkeeping on the counter PC (docs/SYNC.md §2.2, §2.8). Frozen once landed.
 * - sync_rejected: changes head office refused, with its reason, for the "sync problems" page;
 * - pending_unknown: values pulled for columns or tables this version does not have yet, kept
 *   (never dropped) to be replayed after the migration that adds them;
 * - change_log by record: the apply step reads the local, not yet merged stamps of a record.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE sync_rejected (
    seq INTEGER PRIMARY KEY,
    change_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    code TEXT NOT NULL,
    staff_id TEXT,
    created_at TEXT NOT NULL,
    rejected_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE pending_unknown (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    hlc TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
  )`.execute(db);
  await sql`CREATE INDEX change_log_record ON change_log(entity_id, entity)`.execute(db);
}
