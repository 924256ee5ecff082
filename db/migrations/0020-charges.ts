/**
 * 0020: what the customer is charged and what they paid (docs/architecture/charges.md). Money is
 * integer fen; the CHECKs refuse a float or an out-of-range amount even from a pulled record.
 *
 * `charge_line`: labour, a part used at its price when issued (frozen), or a discount (negative).
 * Never deleted: a line is voided by its `voided_at`/`voided_by`/`void_reason` fields, so the
 * history of what was charged stays. `source_id`: for a part line, the stock movement that issued
 * the part (its return voids the line); null otherwise.
 *
 * `payment`: the append-only ledger of deposits, payments and refunds, one row per money movement
 * at the counter. A refund's amount is positive and names the payment it refunds (`refund_of`);
 * no foreign key there, as a pulled refund may arrive before what it refunds.
 *
 * The print tables lose their list of forms (0006 named the five of its time): the app checks a
 * form's name against the forms it knows (db/print/forms.ts), so a new form, such as the day's
 * takings hand-over, needs no migration, and a print record of a newer form pulled from another
 * PC is stored rather than refused. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE charge_line (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket(id),
    kind TEXT NOT NULL CHECK (kind IN ('labour','part','discount')),
    description TEXT NOT NULL,
    part_id TEXT,
    source_id TEXT,
    quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 1),
    unit_price_fen INTEGER NOT NULL CHECK (typeof(unit_price_fen) = 'integer' AND unit_price_fen >= 0),
    covered INTEGER NOT NULL DEFAULT 0 CHECK (covered IN (0, 1)),
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen BETWEEN -1000000000 AND 1000000000),
    reason TEXT NOT NULL DEFAULT '',
    created_by TEXT,
    created_at TEXT NOT NULL,
    voided_at TEXT,
    voided_by TEXT,
    void_reason TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX charge_line_ticket ON charge_line (ticket_id, created_at)`.execute(db);
  await sql`CREATE INDEX charge_line_source ON charge_line (source_id) WHERE source_id IS NOT NULL`.execute(db);

  await sql`CREATE TABLE payment (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES ticket(id),
    kind TEXT NOT NULL CHECK (kind IN ('deposit','payment','refund')),
    method TEXT NOT NULL CHECK (method IN ('cash','wechat','alipay','card','account')),
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen BETWEEN 1 AND 1000000000),
    refund_of TEXT,
    reason TEXT NOT NULL DEFAULT '',
    taken_by TEXT,
    device_id TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX payment_ticket ON payment (ticket_id, taken_at)`.execute(db);
  // The day's takings read one day's payments of the store in time order.
  await sql`CREATE INDEX payment_taken_at ON payment (taken_at)`.execute(db);
  await sql`CREATE INDEX payment_refund_of ON payment (refund_of) WHERE refund_of IS NOT NULL`.execute(db);

  await withoutFormList(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
async function withoutFormList(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE print_log_0020 (
    id TEXT PRIMARY KEY,
    form TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 40),
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
  await sql`INSERT INTO print_log_0020 SELECT id, form, subject_id, subject_no, copy_no, language, output, result, printer, reason, staff_id, printed_at, hlc FROM print_log`.execute(
    db,
  );
  await sql`DROP TABLE print_log`.execute(db);
  await sql`ALTER TABLE print_log_0020 RENAME TO print_log`.execute(db);
  await sql`CREATE INDEX print_log_subject ON print_log (subject_id, form)`.execute(db);
  await sql`CREATE INDEX print_log_printed_at ON print_log (printed_at)`.execute(db);

  await sql`CREATE TABLE print_setting_0020 (
    form TEXT PRIMARY KEY CHECK (length(form) BETWEEN 1 AND 40),
    printer TEXT,
    silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1) AND (silent = 0 OR printer IS NOT NULL)),
    paper TEXT NOT NULL CHECK (paper IN ('A4','A5','receipt-80')),
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 9),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`INSERT INTO print_setting_0020 SELECT form, printer, silent, paper, copies, updated_by, updated_at FROM print_setting`.execute(
    db,
  );
  await sql`DROP TABLE print_setting`.execute(db);
  await sql`ALTER TABLE print_setting_0020 RENAME TO print_setting`.execute(db);
}
