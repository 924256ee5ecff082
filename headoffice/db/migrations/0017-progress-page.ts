/**
 * 0017: the customers' progress page (docs/architecture/progress-page.md). A ticket is found by the
 * number printed on its receipt, and its events, charge lines and payments by its id, through
 * expression indexes on the merged states (without them each look-up would read every ticket of the
 * chain). `progress_attempt` keeps the page's recent tries for its rate limits, one row per counted
 * try, keyed by a keyed hash of the client address or the ticket number (neither is stored as it
 * was typed); rows older than the limits' window are deleted as tries come in. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX entity_state_ticket_number ON entity_state ((state->'fields'->>'number')) WHERE entity = 'ticket'`.execute(
    db,
  );
  await sql`CREATE INDEX entity_state_ticket_child ON entity_state ((state->'fields'->>'ticketId'))
    WHERE entity IN ('ticket_event', 'charge_line', 'payment')`.execute(db);
  await sql`CREATE TABLE progress_attempt (
    id BIGSERIAL PRIMARY KEY,
    bucket TEXT NOT NULL CHECK (bucket IN ('address', 'number')),
    key_hash TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX progress_attempt_key ON progress_attempt (bucket, key_hash, at)`.execute(db);
  await sql`CREATE INDEX progress_attempt_at ON progress_attempt (at)`.execute(db);
}
