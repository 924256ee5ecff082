/**
 * 0010: the feed read by scope, so a pull costs what the asking store's traffic costs
 * (docs/architecture/console-pull-cost.md). Before, a pull walked every feed row after its cursor
 * and kept the few in its store's scope: with 1,000 stores, a pull that returned nothing still read
 * the whole chain's rows since its last pull.
 *
 * - `change_feed_scope (scope, server_seq)`: the global rows and one store's rows, each a range.
 * - `customer_feed (store_id, server_seq, customer_id)`: one row per customer-scoped feed row per
 *   store linked to that customer, so a store's customer rows are a range too. Two writes keep it,
 *   covering both orders of "row written" and "link made" (a merge's inherited links come after
 *   the batch's rows): feed.ts adds a new feed row's fan-out to the stores linked when it is
 *   written, and customer-links.ts `insertLinks` adds a new link's customer's earlier rows, found
 *   through `change_feed_customer`, in the statement that inserts the link. Pull still checks the
 *   link when it reads, so a link removed later stops the rows as before.
 * - `customer_link_customer (customer_id)`: the fan-out finds a row's stores by its customer.
 * Existing rows and links are filled in here.
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
}
