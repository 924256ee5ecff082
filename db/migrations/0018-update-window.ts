/**
 * 0018: when this PC may install a downloaded update (docs/architecture/updates.md): a window of
 * local times set by the manager on the settings page (`from` after `to` spans midnight), or none
 * (install when the app quits). Local to the PC, like its printers: it says when this machine may
 * restart, and never enters the change log. One row at most. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE update_setting (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    install_from TEXT NOT NULL,
    install_to TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
}
