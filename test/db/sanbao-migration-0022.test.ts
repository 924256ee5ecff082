/**
 * Migration 0022: the 三包 windows per category, and stored warranty ends moved to the inclusive
 * rule only where the old rule had computed them.
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0022 (三包 windows)', () => {
  it('adds the windows with the national defaults and moves only the old rule’s warranty ends on a day', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 22) });
    // Head office had already set the furniture category's warranty to 36 months.
    sqlite.exec(`UPDATE product_category SET warranty_months = 36, hlc = 'hq1' WHERE code = 'furniture'`);
    sqlite.pragma('foreign_keys = OFF');
    const insert = sqlite.prepare(
      `INSERT INTO product (id, customer_id, category, brand, model, purchase_date, warranty_end, created_at, updated_at, hlc)
       VALUES (?, 'c1', ?, 'b', 'm', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h')`,
    );
    insert.run('old-rule', 'tv', '2025-09-18', '2026-09-17');
    insert.run('month-end', 'tv', '2026-01-31', '2027-01-30');
    insert.run('typed', 'tv', '2025-09-18', '2027-09-18');
    insert.run('no-date', 'tv', null, null);
    sqlite.pragma('foreign_keys = ON');

    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 22) }),
    ).toEqual([22]);
    const categories = sqlite
      .prepare('SELECT code, return_days, exchange_days, warranty_months, main_parts_months FROM product_category')
      .all() as Array<Record<string, unknown>>;
    expect(categories.find((c) => c.code === 'fridge')).toEqual({
      code: 'fridge',
      return_days: 7,
      exchange_days: 15,
      warranty_months: 12,
      main_parts_months: 36,
    });
    expect(categories.find((c) => c.code === 'computer')).toMatchObject({ main_parts_months: 24 });
    expect(categories.find((c) => c.code === 'furniture')).toMatchObject({
      warranty_months: 36,
      main_parts_months: 36,
    });
    expect(sqlite.prepare('SELECT id, warranty_end FROM product ORDER BY id').all()).toEqual([
      { id: 'month-end', warranty_end: '2027-01-31' },
      { id: 'no-date', warranty_end: null },
      { id: 'old-rule', warranty_end: '2026-09-18' },
      { id: 'typed', warranty_end: '2027-09-18' },
    ]);
    expect(() => sqlite.exec(`UPDATE product_category SET return_days = 3651 WHERE code = 'tv'`)).toThrow(/CHECK/);
    sqlite.close();
  });
});
