/**
 * 0013: stores and PCs as the console shows them. A store gains its address, the time zone its
 * counters keep (a store's local dates and opening hours are read in it) and whether it is open or
 * closed; a closed store takes no new enrollment codes. A PC gains what it reports on each push
 * and pull (its app version, how many of its changes are waiting to be sent, how far its clock is
 * from head office's, when it last said so) and when it was retired (revoked and hidden from the
 * default list). The indexes let a store's sync problems be read without scanning the whole
 * chain's refused changes, clock skews and conflicts. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE hq_store
    ADD COLUMN address TEXT NOT NULL DEFAULT '',
    ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now()`.execute(db);
  await sql`ALTER TABLE device
    ADD COLUMN app_version TEXT,
    ADD COLUMN pending_changes INTEGER,
    ADD COLUMN clock_offset_ms INTEGER,
    ADD COLUMN reported_at TIMESTAMPTZ,
    ADD COLUMN retired_at TIMESTAMPTZ`.execute(db);
  await sql`CREATE INDEX device_store ON device (store_id)`.execute(db);
  await sql`CREATE INDEX rejected_change_store ON rejected_change (store_id, id)`.execute(db);
  await sql`CREATE INDEX rejected_change_device ON rejected_change (device_id)`.execute(db);
  await sql`CREATE INDEX clock_skew_replica ON clock_skew (replica_id, id)`.execute(db);
  await sql`CREATE INDEX conflict_log_loser ON conflict_log (loser_replica, id)`.execute(db);
  await sql`CREATE INDEX replica_device ON replica (device_id)`.execute(db);
}
