/**
 * 0013: acknowledgements are kept as marks, "every change through seq N was acknowledged at T"
 * (change_ack), instead of a time written on each change_log row. Head office acknowledges a push
 * of 1,000 changes at once, and writing acked_at on each row rewrote every page of the outbox a
 * second time (and its index), then again at the WAL checkpoint: a fifth of the counter's CPU during
 * a large push, and its longest event-loop stalls. A change's acknowledgement time is that of the
 * first mark at or after its seq; the retention of acknowledged changes (outbox.ts pruneAcked) reads
 * the marks. Existing times become marks. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE change_ack (through_seq INTEGER PRIMARY KEY, acked_at TEXT NOT NULL)`.execute(db);
  await sql`INSERT INTO change_ack (through_seq, acked_at) SELECT max(seq), acked_at FROM change_log WHERE acked_at IS NOT NULL GROUP BY acked_at`.execute(
    db,
  );
  await sql`DROP INDEX change_log_unacked`.execute(db);
  await sql`ALTER TABLE change_log DROP COLUMN acked_at`.execute(db);
}
