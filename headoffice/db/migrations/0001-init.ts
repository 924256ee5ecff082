/** Head office 0001: devices, replicas, the change feed and merged record states. Never edited. */
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  // The epoch changes when head office is restored from a backup (admin `after-restore`), so
  // replicas know to re-push what the backup lost and to re-pull (docs/SYNC.md F17).
  await sql`INSERT INTO server_meta VALUES ('epoch', ${randomBytes(6).toString('hex')}), ('token_secret', ${randomBytes(32).toString('base64')})`.execute(
    db,
  );

  await sql`CREATE TABLE hq_store (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(
    db,
  );
  await sql`CREATE TABLE device (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active','revoked')),
    refresh_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ,
    last_seen_at TIMESTAMPTZ
  )`.execute(db);
  await sql`CREATE TABLE enrollment_code (
    code_hash TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    device_id TEXT REFERENCES device(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE replica (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES device(id),
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    last_applied_seq BIGINT NOT NULL,
    pull_cursor BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_push_at TIMESTAMPTZ,
    last_pull_at TIMESTAMPTZ
  )`.execute(db);

  // Appends to the feed are serialised by this row's lock, held to commit, so server_seq is
  // assigned in commit order and a reader of `server_seq > cursor` never skips a row (docs/SYNC.md §2.4).
  await sql`CREATE TABLE feed_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL)`.execute(db);
  await sql`INSERT INTO feed_head VALUES (1, 0)`.execute(db);
  await sql`CREATE TABLE change_feed (
    server_seq BIGINT PRIMARY KEY,
    tx_id TEXT NOT NULL,
    origin_replica TEXT,
    origin_seq BIGINT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    state JSONB NOT NULL,
    scope TEXT NOT NULL,
    customer_ref TEXT,
    altered BOOLEAN NOT NULL DEFAULT false,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX change_feed_customer ON change_feed(customer_ref, server_seq) WHERE customer_ref IS NOT NULL`.execute(
    db,
  );

  await sql`CREATE TABLE entity_state (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    state JSONB NOT NULL,
    owner_store_id TEXT,
    scope TEXT NOT NULL,
    customer_ref TEXT,
    updated_seq BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (entity, entity_id)
  )`.execute(db);
  await sql`CREATE INDEX entity_state_customer ON entity_state(customer_ref) WHERE customer_ref IS NOT NULL`.execute(
    db,
  );

  // Phone digits across all customers: a new phone that another customer already has is flagged
  // as a possible duplicate for head office to merge (docs/SYNC.md F12).
  await sql`CREATE INDEX entity_state_phone_digits ON entity_state ((state->'fields'->>'digits')) WHERE entity = 'customer_phone'`.execute(
    db,
  );

  // Every (replica, seq) ever received and what became of it: the dedupe check for a replica whose
  // database was restored from an old backup (same seqs, different changes: docs/SYNC.md F18), and the
  // audit that no write was lost (invariant I2).
  await sql`CREATE TABLE push_log (
    replica_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    change_id TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (replica_id, seq)
  )`.execute(db);

  await sql`CREATE TABLE customer_link (
    customer_id TEXT NOT NULL,
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    linked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, customer_id)
  )`.execute(db);

  await sql`CREATE TABLE rejected_change (
    id BIGSERIAL PRIMARY KEY,
    replica_id TEXT, device_id TEXT, store_id TEXT, seq BIGINT,
    change_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL,
    fields JSONB NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE conflict_log (
    id BIGSERIAL PRIMARY KEY,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
    winner_value JSONB, winner_hlc TEXT NOT NULL, loser_value JSONB, loser_hlc TEXT NOT NULL, loser_replica TEXT,
    logged_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE clock_skew (
    id BIGSERIAL PRIMARY KEY, replica_id TEXT NOT NULL, change_id TEXT NOT NULL, hlc TEXT NOT NULL,
    restamped TEXT NOT NULL, skew_ms BIGINT NOT NULL, logged_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE duplicate_flag (
    id BIGSERIAL PRIMARY KEY, digits TEXT NOT NULL, customer_a TEXT NOT NULL, customer_b TEXT NOT NULL,
    flagged_at TIMESTAMPTZ NOT NULL DEFAULT now(), resolved_at TIMESTAMPTZ,
    UNIQUE (customer_a, customer_b)
  )`.execute(db);
}
