/**
 * 0023: customer messages (text messages to the customer about their ticket), docs/architecture/customer-messages.md.
 * - customer_message: the outbox, written once by the counter (db/messages/queue.ts); only
 *   `cancelled_at`/`cancel_reason` change later. `not_before` already has the store's quiet hours
 *   applied. Its id is derived from ticket + event + appointment, so two PCs of a store queue one
 *   message for one occasion, not two.
 * - message_delivery: head office's word on sending it (key: the message id); never written here.
 * - message_reply: what the customer texted back, matched by head office to the message.
 * - message_settings / message_template: the store's quiet hours and its edited templates (a
 *   template without a row uses the built-in default); template ids are `store:event:language`.
 * - customer.language: the language the customer reads messages in (null: the store's default).
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

const EVENTS = `'ticket_received','estimate_ready','appointment_booked','appointment_changed','ready_for_pickup','job_done','follow_up'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE customer_message (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN (${sql.raw(EVENTS)})),
    channel TEXT NOT NULL CHECK (channel IN ('sms')),
    phone TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('zh-CN','en')),
    body TEXT NOT NULL CHECK (length(body) <= 500),
    not_before TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    cancelled_at TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX customer_message_ticket ON customer_message (ticket_id, created_at)`.execute(db);

  await sql`CREATE TABLE message_delivery (
    message_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('sending','sent','delivered','failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    provider TEXT NOT NULL DEFAULT '',
    provider_message_id TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at TEXT,
    sent_at TEXT,
    delivered_at TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE message_reply (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(body) <= 200),
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    received_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX message_reply_ticket ON message_reply (ticket_id, received_at)`.execute(db);

  // No default row: until someone saves, db/messages/settings.ts answers with the defaults.
  await sql`CREATE TABLE message_settings (
    store_id TEXT PRIMARY KEY,
    quiet_start TEXT NOT NULL,
    quiet_end TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE message_template (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN (${sql.raw(EVENTS)})),
    language TEXT NOT NULL CHECK (language IN ('zh-CN','en')),
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  await sql`ALTER TABLE customer ADD COLUMN language TEXT CHECK (language IN ('zh-CN','en'))`.execute(db);
}
