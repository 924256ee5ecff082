/**
 * 0021: estimates (报价单) and the customer's decision on them. An estimate is one version of the
 * price of a repair or after-sales job: its lines as JSON (labour and parts, covered or not), the
 * totals they make, and the last day the customer may accept it. A version once sent or decided is
 * never edited: a change makes the next version, which supersedes it. The customer's approval or
 * refusal is an append-only row holding exactly what was decided on (canonical JSON and its
 * SHA-256) and, when signed on screen, the strokes.
 *
 * The estimate is also a printed form, which the print log's and print settings' CHECKs of 0006
 * (a fixed list of forms) would refuse. They become a check of the name's shape, so a later form
 * needs no migration: which forms exist is the code's list (db/print/forms.ts). The log keeps its
 * rows (the column is replaced as in 0010, no row copied: the log is synced and may hold rows whose
 * tickets have not arrived); the settings table is local and small, so it is rebuilt.
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE estimate (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    lines TEXT NOT NULL DEFAULT '[]',
    total_fen INTEGER NOT NULL DEFAULT 0 CHECK (total_fen >= 0),
    covered_fen INTEGER NOT NULL DEFAULT 0 CHECK (covered_fen >= 0),
    valid_until TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    sent_by TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX estimate_ticket ON estimate (ticket_id, version)`.execute(db);
  await sql`CREATE TABLE estimate_decision (
    id TEXT PRIMARY KEY,
    estimate_id TEXT NOT NULL REFERENCES estimate (id),
    ticket_id TEXT NOT NULL REFERENCES ticket (id),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
    method TEXT NOT NULL CHECK (method IN ('signature', 'phone')),
    customer_name TEXT NOT NULL,
    recorded_by TEXT,
    decided_at TEXT NOT NULL,
    estimate_json TEXT NOT NULL,
    estimate_hash TEXT NOT NULL,
    strokes TEXT,
    width INTEGER,
    height INTEGER,
    note TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX estimate_decision_estimate ON estimate_decision (estimate_id)`.execute(db);
  await sql`CREATE INDEX estimate_decision_ticket ON estimate_decision (ticket_id)`.execute(db);

  const formShape = (column: string) => `length(${column}) BETWEEN 2 AND 40 AND ${column} NOT GLOB '*[^a-z0-9-]*'`;
  await sql`DROP INDEX print_log_subject`.execute(db);
  await sql`ALTER TABLE print_log RENAME COLUMN form TO form_v20`.execute(db);
  await sql
    .raw(`ALTER TABLE print_log ADD COLUMN form TEXT NOT NULL DEFAULT 'service-form' CHECK (${formShape('form')})`)
    .execute(db);
  await sql`UPDATE print_log SET form = form_v20`.execute(db);
  await sql`ALTER TABLE print_log DROP COLUMN form_v20`.execute(db);
  await sql`CREATE INDEX print_log_subject ON print_log (subject_id, form)`.execute(db);

  await sql
    .raw(
      `CREATE TABLE print_setting_v21 (
    form TEXT PRIMARY KEY CHECK (${formShape('form')}),
    printer TEXT,
    silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1) AND (silent = 0 OR printer IS NOT NULL)),
    paper TEXT NOT NULL CHECK (paper IN ('A4','A5','receipt-80')),
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 9),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  )`,
    )
    .execute(db);
  await sql`INSERT INTO print_setting_v21 SELECT form, printer, silent, paper, copies, updated_by, updated_at FROM print_setting`.execute(
    db,
  );
  await sql`DROP TABLE print_setting`.execute(db);
  await sql`ALTER TABLE print_setting_v21 RENAME TO print_setting`.execute(db);
}
