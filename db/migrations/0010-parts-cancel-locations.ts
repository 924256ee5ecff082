/**
 * Parts follow-ups: a requisition can be cancelled before anything is issued (a status and an
 * event kind the CHECKs of 0004 did not allow), and a stock location can be retired.
 *
 * SQLite cannot alter a CHECK. Rebuilding the tables would copy every row under foreign-key
 * enforcement (the pragma cannot change inside the migration's transaction), and a store whose
 * first sync stopped half-way may hold a requisition whose ticket has not arrived yet: the copy
 * would fail and the app would not open. So only the constrained column is replaced: renamed
 * aside, re-added with the wider CHECK, filled, and the old one dropped — no row is copied.
 */
import { sql, type Kysely } from 'kysely';

async function widenCheck(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
  db: Kysely<any>,
  table: string,
  column: string,
  values: ReadonlyArray<string>,
  fallback: string,
): Promise<void> {
  const list = values.map((v) => `'${v}'`).join(',');
  await sql.raw(`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_v9`).execute(db);
  await sql
    .raw(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT NOT NULL DEFAULT '${fallback}' CHECK (${column} IN (${list}))`)
    .execute(db);
  await sql.raw(`UPDATE ${table} SET ${column} = ${column}_v9`).execute(db);
  await sql.raw(`ALTER TABLE ${table} DROP COLUMN ${column}_v9`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stock_location ADD COLUMN retired_at TEXT`.execute(db);

  // The status index would block dropping the old column; it is made again on the new one.
  await sql`DROP INDEX requisition_status`.execute(db);
  await widenCheck(
    db,
    'requisition',
    'status',
    ['requested', 'approved', 'rejected', 'partly_issued', 'issued', 'cancelled'],
    'requested',
  );
  await sql`CREATE INDEX requisition_status ON requisition (status, requested_at)`.execute(db);
  await widenCheck(
    db,
    'requisition_event',
    'kind',
    ['requested', 'approved', 'rejected', 'issued', 'returned', 'cancelled'],
    'requested',
  );
}
