import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0021 (estimates; printed forms checked by the shape of their name)', () => {
  it('keeps the print log and settings, allows the estimate form, and still refuses a malformed one', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 21) });
    sqlite.exec(`
      INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printed_at, hlc)
        VALUES ('p1', 'service-form', 't1', 'S012-2-20261123-0001', 0, 'zh-CN', 'printer', 'printed', '2026-11-23T01:00:00.000Z', 'h1');
      INSERT INTO print_setting (form, printer, silent, paper, copies, updated_at)
        VALUES ('requisition', 'HP', 1, 'A5', 2, '2026-11-23T01:00:00.000Z');
    `);
    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 21) }),
    ).toEqual([21]);

    expect(sqlite.prepare('SELECT id, form, subject_no FROM print_log').all()).toEqual([
      { id: 'p1', form: 'service-form', subject_no: 'S012-2-20261123-0001' },
    ]);
    expect(sqlite.prepare('SELECT form, printer, silent, paper, copies FROM print_setting').all()).toEqual([
      { form: 'requisition', printer: 'HP', silent: 1, paper: 'A5', copies: 2 },
    ]);
    sqlite.exec(`INSERT INTO print_setting (form, paper, updated_at) VALUES ('estimate', 'A4', 'x')`);
    expect(() =>
      sqlite.exec(`INSERT INTO print_setting (form, paper, updated_at) VALUES ('Estimate; DROP', 'A4', 'x')`),
    ).toThrow(/CHECK/);
    expect(() =>
      sqlite.exec(
        `INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printed_at, hlc)
           VALUES ('p2', '', 't1', 'n', 0, 'en', 'pdf', 'saved', 'x', 'h2')`,
      ),
    ).toThrow(/CHECK/);
    const indexes = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_log'`)
      .all();
    expect(indexes).toEqual(expect.arrayContaining([{ name: 'print_log_subject' }, { name: 'print_log_printed_at' }]));
    expect(sqlite.prepare(`SELECT name FROM pragma_table_info('estimate')`).all().length).toBeGreaterThan(10);
    await db.destroy();
  });
});
