/**
 * 0009: the head-office console's own tables. Staff accounts with a role and an argon2id hash;
 * sessions keyed by the hash of the cookie's token (a stolen database yields no usable cookie);
 * failed sign-ins per account name, for the lockout; the audit log of every change made in the
 * console, with the values before and after. `console_secret` signs the CSRF cookie. Frozen once
 * landed.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE hq_staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin','quality','catalogue','auditor')),
    password_hash TEXT NOT NULL,
    disabled_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE hq_session (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES hq_staff(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX hq_session_staff ON hq_session(staff_id)`.execute(db);
  await sql`CREATE TABLE login_failure (
    username TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_failed_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
  )`.execute(db);
  await sql`CREATE TABLE console_audit (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    staff_id TEXT,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before JSONB,
    after JSONB
  )`.execute(db);
  await sql`CREATE INDEX console_audit_at ON console_audit(at DESC)`.execute(db);
  await sql`CREATE INDEX console_audit_action ON console_audit(action, at DESC)`.execute(db);
  await sql`INSERT INTO server_meta VALUES ('console_secret', ${randomBytes(32).toString('base64')})`.execute(db);
}
