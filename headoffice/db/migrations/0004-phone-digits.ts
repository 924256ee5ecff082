/**
 * 0004: a customer phone's digits as a column of its state row, indexed where set. The duplicate
 * check of every push (customer-links.ts) looks a batch's digits up there. Through the expression
 * index on the state's JSON, a planner without fresh statistics (a table growing by a push a
 * second, before autovacuum has analysed it) walked every phone by the primary key instead and
 * parsed each state: 15 ms per batch after 5,000 phones, growing with each. A plain column has
 * one index to use. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE entity_state ADD COLUMN phone_digits TEXT`.execute(db);
  await sql`UPDATE entity_state SET phone_digits = state->'fields'->>'digits' WHERE entity = 'customer_phone'`.execute(
    db,
  );
  await sql`CREATE INDEX entity_state_phone ON entity_state (phone_digits) WHERE phone_digits IS NOT NULL`.execute(db);
  await sql`DROP INDEX entity_state_phone_digits`.execute(db);
}
