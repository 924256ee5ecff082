/**
 * 0006: printing: the print log and this PC's printer per form.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  // Append-only: a row per attempt, never updated (synced like the other store-owned logs).
  await sql`CREATE TABLE print_log (
    id TEXT PRIMARY KEY,
    form TEXT NOT NULL CHECK (form IN ('service-form','job-sheet','intake-receipt','requisition','stocktake-sheet')),
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
  // "Has this ticket's service form been printed before?" is asked before every print.
  await sql`CREATE INDEX print_log_subject ON print_log (subject_id, form)`.execute(db);
  await sql`CREATE INDEX print_log_printed_at ON print_log (printed_at)`.execute(db);

  // Local to this PC: never in the change log (a printer name is meaningless on another PC).
  await sql`CREATE TABLE print_setting (
    form TEXT PRIMARY KEY CHECK (form IN ('service-form','job-sheet','intake-receipt','requisition','stocktake-sheet')),
    printer TEXT,
    silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1) AND (silent = 0 OR printer IS NOT NULL)),
    paper TEXT NOT NULL CHECK (paper IN ('A4','A5','receipt-80')),
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 9),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  )`.execute(db);
}
