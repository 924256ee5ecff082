/**
 * 0016: head office sends the customer messages the counters queue (docs/architecture/sms-gateway.md).
 * `sms_outbox` is the sender's own record of each `customer_message`: due when, which attempt, and
 * the durable claim written before a gateway is called (status `sending`, `claimed_at`, `claimed_by`),
 * so a head office that dies mid-send finds the claim at its next start and asks the provider
 * before sending again (`unsure`). `sms_inbound` remembers the provider's callbacks already applied,
 * so a callback delivered twice is applied once. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE sms_outbox (
    message_id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    event TEXT NOT NULL,
    phone_digits TEXT NOT NULL,
    not_before TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued'
      CHECK (status IN ('queued','sending','sent','delivered','failed','cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_at TIMESTAMPTZ,
    claimed_by TEXT,
    unsure BOOLEAN NOT NULL DEFAULT false,
    provider TEXT NOT NULL DEFAULT '',
    provider_message_id TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE status = 'queued'`.execute(db);
  await sql`CREATE INDEX sms_outbox_claimed ON sms_outbox (claimed_at) WHERE status = 'sending'`.execute(db);
  await sql`CREATE INDEX sms_outbox_phone ON sms_outbox (phone_digits, sent_at DESC) WHERE sent_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX sms_outbox_provider_id ON sms_outbox (provider_message_id) WHERE provider_message_id <> ''`.execute(
    db,
  );
  await sql`CREATE TABLE sms_inbound (
    provider TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('report','reply')),
    key TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, kind, key)
  )`.execute(db);
}
