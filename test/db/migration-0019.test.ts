import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0019 (reopened complaints for the manager, whole-day standards on calendar time)', () => {
  it('moves only the standards the store never edited and head office never sent, and adds for_role', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 19) });
    // A store at schema 18: one standard edited here, one set by head office (both carry a real
    // stamp), one switched to calendar by hand; the rest as seeded.
    sqlite.exec(`
      UPDATE sla_target SET reply_minutes = 20, hlc = '001764000000000:0000:pc1' WHERE id = 'repair:normal:regular';
      UPDATE sla_target SET hlc = '001764000000001:0000:hq' WHERE id = 'complaint:normal:silver';
      UPDATE sla_target SET counts = 'calendar', hlc = '001764000000002:0000:pc1' WHERE id = 'repair:urgent:vip';
    `);
    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 19) }),
    ).toEqual([19]);

    const counts = (id: string) =>
      (sqlite.prepare('SELECT counts, resolve_minutes FROM sla_target WHERE id = ?').get(id) as { counts: string })
        .counts;
    // The regulation's "24 hours" and a suggestion's three days: calendar time.
    expect(counts('complaint:normal:regular')).toBe('calendar');
    expect(counts('aftersales:normal:regular')).toBe('calendar');
    expect(counts('feedback:normal:vip')).toBe('calendar');
    // Not whole days (12 h for urgent normal customers, 16 h for gold): the store's working hours.
    expect(counts('complaint:high:regular')).toBe('working');
    expect(counts('complaint:normal:gold')).toBe('working');
    // Edited here or sent by head office: left as they were.
    expect(counts('repair:normal:regular')).toBe('working');
    expect(counts('complaint:normal:silver')).toBe('working');
    expect(counts('repair:urgent:vip')).toBe('calendar');

    const columns = sqlite.prepare(`SELECT name FROM pragma_table_info('ticket')`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).toContain('for_role');
    await db.destroy();
  });
});
