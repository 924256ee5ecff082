/**
 * 0003: service tickets (docs/DOMAIN.md §2–§6). Frozen once landed: never edit, add a later migration instead.
 *
 * - ticket: the header (LWW per field) plus columns derived from the event log, kept as a cache;
 * - ticket_event: the append-only log the status is derived from (docs/SYNC.md §2.5);
 * - ticket_sla: local SLA cache (never synced), rebuilt from events and the store calendar;
 * - ticket_attachment: photos as blobs in the store file (see db/tickets/attachments.ts for why);
 * - ticket_signature: the customer's signature bound to the hash of the form it signs;
 * - holiday and ticket_settings: the calendar SLA clocks and follow-ups count in.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  // The derived columns (status … flagged_events) have defaults so a header applied from another
  // PC can be inserted before its events are folded into them (db/tickets/events.ts refreshTicket).
  await sql`CREATE TABLE ticket (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    store_id TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer(id),
    product_id TEXT,
    type TEXT NOT NULL CHECK (type IN ('consultation','complaint','aftersales','repair','feedback')),
    priority TEXT NOT NULL CHECK (priority IN ('normal','high','urgent')),
    channel TEXT,
    category TEXT,
    summary TEXT NOT NULL,
    form TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    is_open INTEGER NOT NULL DEFAULT 1,
    assignee_id TEXT,
    escalated_at TEXT,
    paused_for TEXT CHECK (paused_for IN ('customer','parts')),
    follow_up_due TEXT,
    appointment_at TEXT,
    planned_date TEXT,
    promised_reply_at TEXT,
    state_hlc TEXT NOT NULL DEFAULT '',
    flagged_events INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE INDEX ticket_customer ON ticket(customer_id, created_at)`.execute(db);
  await sql`CREATE INDEX ticket_open ON ticket(is_open, type, status)`.execute(db);
  await sql`CREATE INDEX ticket_assignee ON ticket(assignee_id, status)`.execute(db);
  await sql`CREATE INDEX ticket_follow_up ON ticket(follow_up_due) WHERE follow_up_due IS NOT NULL`.execute(db);
  await sql`CREATE INDEX ticket_created ON ticket(created_at)`.execute(db);

  await sql`CREATE TABLE ticket_event (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket(id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    staff_id TEXT,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}',
    hlc TEXT NOT NULL
  )`.execute(db);
  // The fold reads a ticket's events in (hlc) order: the stamp ends with the replica id, the tie-break.
  await sql`CREATE INDEX ticket_event_ticket ON ticket_event(ticket_id, hlc)`.execute(db);

  await sql`CREATE TABLE ticket_sla (
    ticket_id TEXT PRIMARY KEY REFERENCES ticket(id),
    respond_target_minutes INTEGER NOT NULL,
    resolve_target_minutes INTEGER NOT NULL,
    responded_at TEXT,
    respond_due_at TEXT,
    respond_breached_at TEXT,
    resolved_at TEXT,
    resolve_due_at TEXT,
    resolve_breached_at TEXT,
    next_due_at TEXT,
    warn_at TEXT,
    calendar_key TEXT NOT NULL,
    computed_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX ticket_sla_next_due ON ticket_sla(next_due_at) WHERE next_due_at IS NOT NULL`.execute(db);

  await sql`CREATE TABLE ticket_attachment (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket(id),
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    created_by TEXT,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX ticket_attachment_ticket ON ticket_attachment(ticket_id)`.execute(db);

  await sql`CREATE TABLE ticket_signature (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket(id),
    event_id TEXT NOT NULL REFERENCES ticket_event(id),
    signer_name TEXT NOT NULL,
    strokes TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    form_json TEXT NOT NULL,
    form_hash TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX ticket_signature_ticket ON ticket_signature(ticket_id)`.execute(db);

  await sql`CREATE TABLE holiday (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('closed','workday')),
    name TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);

  // No default row: until someone saves the settings, db/tickets/settings.ts answers with defaults.
  await sql`CREATE TABLE ticket_settings (
    store_id TEXT PRIMARY KEY,
    follow_up_days INTEGER NOT NULL CHECK (follow_up_days BETWEEN 1 AND 30),
    time_zone TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
}
