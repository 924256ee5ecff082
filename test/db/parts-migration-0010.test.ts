import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0010 (requisition cancel, location retire)', () => {
  it('widens the status and event-kind checks keeping every row, even one whose ticket has not synced yet', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 10) });

    // A store at schema 9 whose first sync stopped half-way: a requisition, its line and its event
    // are here, its ticket not yet (sync applies pulled pages with foreign keys off).
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(`
      INSERT INTO stock_location (id, code, name, created_at, hlc) VALUES ('loc', 'MAIN', '主库房', '2026-01-01T00:00:00Z', 'h0');
      INSERT INTO part (id, part_no, name, spec, models, unit, supplier_ids, cost_fen, price_fen, reorder_level, reorder_qty, bin, retired_at, created_at, updated_at, hlc)
        VALUES ('p1', 'WM-PUMP-01', '排水泵', '', '[]', '个', '[]', 4500, 8800, NULL, 0, '', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h1');
      INSERT INTO requisition (id, number, ticket_id, location_id, note, status, requested_by, requested_at, decided_by, decided_at, reject_reason, updated_at, hlc)
        VALUES ('r1', 'R-S012-2-20260101-0001', 't1', 'loc', '备料', 'approved', 's1', '2026-01-01T01:00:00Z', 's2', '2026-01-01T02:00:00Z', '', '2026-01-01T02:00:00Z', 'h2');
      INSERT INTO requisition_line (id, requisition_id, position, part_id, requested_qty, approved_qty, hlc) VALUES ('l1', 'r1', 0, 'p1', 2, 2, 'h3');
      INSERT INTO requisition_event (id, requisition_id, kind, staff_id, at, reason, detail, hlc) VALUES ('e1', 'r1', 'requested', 's1', '2026-01-01T01:00:00Z', '', '{}', 'h4');
    `);
    sqlite.pragma('foreign_keys = ON');

    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 10) }),
    ).toEqual([10]);
    expect(sqlite.prepare('SELECT id, number, status, note FROM requisition').all()).toEqual([
      { id: 'r1', number: 'R-S012-2-20260101-0001', status: 'approved', note: '备料' },
    ]);
    expect(sqlite.prepare('SELECT id, requisition_id, approved_qty FROM requisition_line').all()).toEqual([
      { id: 'l1', requisition_id: 'r1', approved_qty: 2 },
    ]);
    expect(sqlite.prepare('SELECT id, kind FROM requisition_event').all()).toEqual([{ id: 'e1', kind: 'requested' }]);
    expect(sqlite.prepare('SELECT retired_at FROM stock_location').all()).toEqual([{ retired_at: null }]);
    // The children point at the rebuilt table by its final name, and still enforce it.
    for (const child of ['requisition_line', 'requisition_event']) {
      expect(sqlite.pragma(`foreign_key_list(${child})`)).toEqual(
        expect.arrayContaining([expect.objectContaining({ table: 'requisition', from: 'requisition_id' })]),
      );
      expect(sqlite.pragma(`foreign_key_check(${child})`)).toEqual([]);
    }
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE sql LIKE '%_v9%'`).all()).toEqual([]);
    expect(() =>
      sqlite.exec(
        `INSERT INTO requisition_event (id, requisition_id, kind, at, hlc) VALUES ('e2', 'nope', 'cancelled', 'x', 'h')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    // The new status and event kind are allowed; an unknown one is still refused.
    sqlite.exec(`UPDATE requisition SET status = 'cancelled' WHERE id = 'r1'`);
    sqlite.exec(
      `INSERT INTO requisition_event (id, requisition_id, kind, at, hlc) VALUES ('e3', 'r1', 'cancelled', 'x', 'h')`,
    );
    expect(() => sqlite.exec(`UPDATE requisition SET status = 'lost'`)).toThrow(/CHECK/);
    expect(
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'requisition%' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all(),
    ).toEqual([
      'requisition_event_requisition',
      'requisition_line_requisition',
      'requisition_status',
      'requisition_ticket',
    ]);
    await db.destroy();
  });
});
