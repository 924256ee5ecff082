/**
 * 0006: the push log keeps one row per push request instead of one per change. Every (replica, seq)
 * head office received and what became of it is still there (the F18 check of a retried seq's
 * change id, the I2 audit), as arrays in seq order: `change_ids[k]` is seq `first_seq + k - 1`.
 * A request of ~1,000 changes inserted ~1,000 index entries; now one row (0.34 s of a
 * 100,000-change push). The arrays are stored uncompressed (STORAGE EXTERNAL): change ids are
 * random and compress poorly, and pglz spent CPU on them under the feed lock. `push_log` stays as a
 * view with the per-change rows for the admin and the tests; push.ts reads push_batch directly,
 * by its key, so a retry does not unnest a replica's whole history. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE push_batch (
    replica_id TEXT NOT NULL,
    first_seq BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    change_ids TEXT[] NOT NULL,
    statuses TEXT[] NOT NULL,
    PRIMARY KEY (replica_id, first_seq),
    CHECK (last_seq - first_seq + 1 = cardinality(change_ids) AND cardinality(change_ids) = cardinality(statuses))
  )`.execute(db);
  await sql`ALTER TABLE push_batch ALTER COLUMN change_ids SET STORAGE EXTERNAL, ALTER COLUMN statuses SET STORAGE EXTERNAL`.execute(
    db,
  );
  await sql`INSERT INTO push_batch SELECT replica_id, seq, seq, ARRAY[change_id], ARRAY[status] FROM push_log`.execute(
    db,
  );
  await sql`DROP TABLE push_log`.execute(db);
  await sql`CREATE VIEW push_log AS
    SELECT b.replica_id, b.first_seq + u.k - 1 AS seq, u.change_id, u.status
    FROM push_batch b, unnest(b.change_ids, b.statuses) WITH ORDINALITY AS u(change_id, status, k)`.execute(db);
}
