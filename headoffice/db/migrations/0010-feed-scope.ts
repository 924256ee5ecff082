/**
 * 0010: the feed read by scope, so a pull costs what the asking store's traffic costs
 * (docs/architecture/console-pull-cost.md). Before, a pull walked every feed row after its cursor
 * and kept the few in its store's scope: with 1,000 stores, a pull that returned nothing still read
 * the whole chain's rows since its last pull.
 *
 * - `change_feed_scope (scope, server_seq)`: the global rows and one store's rows, each a range.
 * - `customer_feed (store_id, server_seq, customer_id)`: one row per customer-scoped feed row per
 *   store linked to that customer, so a store's customer rows are a range too. It is kept by two
 *   writes that between them cover both orders of "row written" and "link made": feed.ts adds a
 *   feed row's fan-out to the stores linked when it is written, and the trigger below adds a new
 *   link's customer's earlier rows (through `change_feed_customer`). Pull still checks the link
 *   when it reads, so a link removed later stops the rows as before.
 * - The trigger takes the feed lock before a link is inserted: a link made while a push writes the
 *   same customer's rows would otherwise see none of them, and the push none of it. Every writer
 *   of links already held it (pushes, admin link-customer), so this only enforces it.
 * - `customer_link_customer (customer_id)`: the fan-out finds a row's stores by its customer.
 * Both joins are LATERAL, one index probe per link or per row: a transition table and a batch's
 * rows have no statistics, and a hash join read the whole feed for each push that made a link.
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX change_feed_scope ON change_feed (scope, server_seq)`.execute(db);
  await sql`CREATE INDEX change_feed_customer ON change_feed (customer_ref, server_seq) WHERE scope = 'customer'`.execute(
    db,
  );
  await sql`CREATE INDEX customer_link_customer ON customer_link (customer_id)`.execute(db);
  await sql`CREATE TABLE customer_feed (
    store_id TEXT NOT NULL,
    server_seq BIGINT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (store_id, server_seq)
  )`.execute(db);
  await sql`INSERT INTO customer_feed (store_id, server_seq, customer_id)
    SELECT l.store_id, f.server_seq, f.customer_ref FROM change_feed f JOIN customer_link l ON l.customer_id = f.customer_ref
    WHERE f.scope = 'customer'`.execute(db);

  await sql`CREATE FUNCTION customer_link_lock_feed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM feed_head WHERE id = 1 FOR UPDATE;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER customer_link_lock_feed BEFORE INSERT ON customer_link
    FOR EACH STATEMENT EXECUTE FUNCTION customer_link_lock_feed()`.execute(db);
  await sql`CREATE FUNCTION customer_link_backfill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_feed (store_id, server_seq, customer_id)
        SELECT l.store_id, f.server_seq, l.customer_id FROM added_links l
        CROSS JOIN LATERAL (SELECT server_seq FROM change_feed
          WHERE customer_ref = l.customer_id AND scope = 'customer') f
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER customer_link_backfill AFTER INSERT ON customer_link
    REFERENCING NEW TABLE AS added_links FOR EACH STATEMENT EXECUTE FUNCTION customer_link_backfill()`.execute(db);
}
