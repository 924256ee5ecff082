import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0022 (the payment receipt is a printed form)', () => {
  it('keeps every print log row and setting, its indexes and checks, and accepts payment-receipt', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 22) });
    sqlite.exec(`
      INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printer, reason, staff_id, printed_at, hlc)
        VALUES ('p1', 'service-form', 't1', 'S012-2-20261123-0001', 0, 'zh-CN', 'printer', 'printed', 'EPSON', '', 's1', '2026-11-23T02:00:00.000Z', 'h1'),
               ('p2', 'intake-receipt', 't1', 'S012-2-20261123-0001', 1, 'en', 'pdf', 'saved', NULL, '', NULL, '2026-11-23T02:05:00.000Z', 'h2');
      INSERT INTO print_setting (form, printer, silent, paper, copies, updated_by, updated_at)
        VALUES ('service-form', 'EPSON', 1, 'A4', 2, 's1', '2026-11-23T01:00:00.000Z');
    `);
    expect(() =>
      sqlite.exec(`INSERT INTO print_setting (form, paper, updated_at) VALUES ('payment-receipt', 'receipt-80', 'x')`),
    ).toThrow(/CHECK/);
    const before = sqlite.prepare('SELECT * FROM print_log ORDER BY id').all();

    expect(await migrate(db, { file, appVersion: '0.1.0', migrations })).toEqual([22]);

    expect(sqlite.prepare('SELECT * FROM print_log ORDER BY id').all()).toEqual(before);
    expect(sqlite.prepare('SELECT form, printer, silent, paper, copies FROM print_setting').all()).toEqual([
      { form: 'service-form', printer: 'EPSON', silent: 1, paper: 'A4', copies: 2 },
    ]);
    sqlite.exec(`
      INSERT INTO print_setting (form, paper, updated_at) VALUES ('payment-receipt', 'receipt-80', 'x');
      INSERT INTO print_log (id, form, subject_id, subject_no, copy_no, language, output, result, printed_at, hlc)
        VALUES ('p3', 'payment-receipt', 't1', 'S012-2-20261123-0001', 0, 'zh-CN', 'printer', 'printed', 'x', 'h3');
    `);
    // The checks came along: an unknown form, a silent print without a printer, are still refused.
    expect(() =>
      sqlite.exec(`INSERT INTO print_setting (form, paper, updated_at) VALUES ('invoice', 'A4', 'x')`),
    ).toThrow(/CHECK/);
    expect(() => sqlite.exec(`UPDATE print_setting SET silent = 1 WHERE form = 'payment-receipt'`)).toThrow(/CHECK/);
    const indexes = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_log'`)
      .all();
    expect(indexes.map((i) => (i as { name: string }).name)).toEqual(
      expect.arrayContaining(['print_log_subject', 'print_log_printed_at']),
    );
    await db.destroy();
  });
});
