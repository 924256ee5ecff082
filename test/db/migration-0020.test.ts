import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0020 (charges and payments; print tables without their list of forms)', () => {
  it('keeps every print record and printer setting, and takes a form 0006 did not know', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 20) });
    sqlite.exec(`
      INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printer, reason, staff_id, printed_at, hlc)
        VALUES ('p1', 'service-form', 't1', 'S012-2-20261123-0001', 0, 'zh-CN', 'printer', 'printed', 'XP-80C', '', NULL, '2026-11-23T02:00:00.000Z', 'h1');
      INSERT INTO print_setting (form, printer, silent, paper, copies, updated_by, updated_at)
        VALUES ('requisition', 'HP', 1, 'A5', 2, NULL, '2026-11-23T02:00:00.000Z');
    `);
    const refused = () =>
      sqlite
        .prepare(
          `INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printed_at, hlc)
           VALUES ('p2', 'takings-handover', '2026-11-23', 'S012-20261123', 0, 'zh-CN', 'pdf', 'saved', '2026-11-23T10:00:00.000Z', 'h2')`,
        )
        .run();
    expect(refused).toThrow(/CHECK constraint/);

    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 20) }),
    ).toEqual([20]);
    expect(sqlite.prepare('SELECT id, form, printer, copy_no FROM print_log').all()).toEqual([
      { id: 'p1', form: 'service-form', printer: 'XP-80C', copy_no: 0 },
    ]);
    expect(sqlite.prepare('SELECT form, printer, silent, paper, copies FROM print_setting').all()).toEqual([
      { form: 'requisition', printer: 'HP', silent: 1, paper: 'A5', copies: 2 },
    ]);
    refused();
    expect(
      sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_log' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all(),
    ).toEqual([{ name: 'print_log_printed_at' }, { name: 'print_log_subject' }]);
    // The other constraints stand.
    expect(() => sqlite.prepare("UPDATE print_setting SET copies = 10 WHERE form = 'requisition'").run()).toThrow(
      /CHECK/,
    );
    await db.destroy();
  });
});
