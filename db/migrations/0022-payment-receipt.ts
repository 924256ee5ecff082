/**
 * 0022: the 80 mm payment receipt (收款凭条) is a printed form: the print log and this PC's printer
 * settings accept 'payment-receipt'. SQLite cannot change a CHECK in place, so both tables are
 * rebuilt with the same columns and indexes, their rows copied as they are.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE print_log_0022 (
    id TEXT PRIMARY KEY,
    form TEXT NOT NULL CHECK (form IN ('service-form','job-sheet','intake-receipt','payment-receipt','requisition','stocktake-sheet')),
    subject_id TEXT NOT NULL,
    subject_no TEXT NOT NULL,
    copy_no INTEGER NOT NULL CHECK (copy_no >= 0),
    language TEXT NOT NULL CHECK (language IN ('zh-CN','en')),
    output TEXT NOT NULL CHECK (output IN ('printer','pdf','browser')),
    result TEXT NOT NULL CHECK (result IN ('printed','saved','sent','cancelled','failed')),
    printer TEXT,
    reason TEXT NOT NULL DEFAULT '',
    staff_id TEXT,
    printed_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`INSERT INTO print_log_0022 (id, form, subject_id, subject_no, copy_no, language, output, result, printer, reason, staff_id, printed_at, hlc)
    SELECT id, form, subject_id, subject_no, copy_no, language, output, result, printer, reason, staff_id, printed_at, hlc FROM print_log`.execute(
    db,
  );
  await sql`DROP TABLE print_log`.execute(db);
  await sql`ALTER TABLE print_log_0022 RENAME TO print_log`.execute(db);
  await sql`CREATE INDEX print_log_subject ON print_log (subject_id, form)`.execute(db);
  await sql`CREATE INDEX print_log_printed_at ON print_log (printed_at)`.execute(db);

  await sql`CREATE TABLE print_setting_0022 (
    form TEXT PRIMARY KEY CHECK (form IN ('service-form','job-sheet','intake-receipt','payment-receipt','requisition','stocktake-sheet')),
    printer TEXT,
    silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1) AND (silent = 0 OR printer IS NOT NULL)),
    paper TEXT NOT NULL CHECK (paper IN ('A4','A5','receipt-80')),
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 9),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`INSERT INTO print_setting_0022 (form, printer, silent, paper, copies, updated_by, updated_at)
    SELECT form, printer, silent, paper, copies, updated_by, updated_at FROM print_setting`.execute(db);
  await sql`DROP TABLE print_setting`.execute(db);
  await sql`ALTER TABLE print_setting_0022 RENAME TO print_setting`.execute(db);
}
