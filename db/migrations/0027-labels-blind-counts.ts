/**
 * 0027: label papers and blind counts (docs/architecture/labels-and-scanning.md).
 * - print_setting.paper: the CHECK of 0021 named the three papers of its time; the label papers
 *   (`label-50x30`, `label-40x30`, `A4-labels`) need a place, so the paper is checked by its shape,
 *   as the form already is (the app's schema names the papers it knows).
 * - stocktake.blind: 1 when the count is blind — whoever counts does not see the book quantity;
 *   the parts lead sees the differences when posting. Counts started before stay open (0).
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  const shape = (column: string) => `length(${column}) BETWEEN 2 AND 40 AND ${column} NOT GLOB '*[^a-zA-Z0-9-]*'`;
  await sql
    .raw(
      `CREATE TABLE print_setting_v27 (
    form TEXT PRIMARY KEY CHECK (${shape('form')}),
    printer TEXT,
    silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1) AND (silent = 0 OR printer IS NOT NULL)),
    paper TEXT NOT NULL CHECK (${shape('paper')}),
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 9),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  )`,
    )
    .execute(db);
  await sql`INSERT INTO print_setting_v27 SELECT form, printer, silent, paper, copies, updated_by, updated_at FROM print_setting`.execute(
    db,
  );
  await sql`DROP TABLE print_setting`.execute(db);
  await sql`ALTER TABLE print_setting_v27 RENAME TO print_setting`.execute(db);

  await sql`ALTER TABLE stocktake ADD COLUMN blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1))`.execute(db);
}
