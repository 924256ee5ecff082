import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0016 (clock kind, opening-hours templates, region holidays)', () => {
  it('keeps every standard on working hours and every store in region CN, and refuses an unknown clock', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 16) });
    // A store at schema 15 with its service settings and one edited standard.
    sqlite.exec(`
      INSERT INTO ticket_settings (store_id, follow_up_days, time_zone, updated_at, hlc) VALUES ('s1', 5, 'Asia/Shanghai', '2026-01-01T00:00:00Z', 'h1');
      UPDATE sla_target SET reply_minutes = 20 WHERE id = 'repair:normal:regular';
    `);

    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 16) }),
    ).toEqual([16]);
    expect(sqlite.prepare('SELECT follow_up_days, region FROM ticket_settings').all()).toEqual([
      { follow_up_days: 5, region: 'CN' },
    ]);
    expect(sqlite.prepare(`SELECT DISTINCT counts FROM sla_target`).all()).toEqual([{ counts: 'working' }]);
    expect(sqlite.prepare(`SELECT reply_minutes FROM sla_target WHERE id = 'repair:normal:regular'`).get()).toEqual({
      reply_minutes: 20,
    });
    expect(() => sqlite.exec(`UPDATE sla_target SET counts = 'weekdays'`)).toThrow(/CHECK/);
    expect(() =>
      sqlite.exec(
        `INSERT INTO region_holiday VALUES ('CN:2026-10-01', 'CN', '2026-10-01', 'half', '国庆节', 'x', 'h')`,
      ),
    ).toThrow(/CHECK/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM opening_hours_template').get()).toEqual({ n: 0 });
    await db.destroy();
  });
});
