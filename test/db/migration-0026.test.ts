import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { tempFile } from '../support/temp-store';

describe('migration 0026 (a decision on each requisition line)', () => {
  it('gives lines signed as a whole the decision their approved quantity says, and a rejected form’s lines its reason', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 26) });
    // Only the requisition tables matter here: no tickets, parts or locations behind them.
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(`
      INSERT INTO requisition (id, number, ticket_id, location_id, status, requested_at, decided_by, decided_at, reject_reason, updated_at, hlc) VALUES
        ('ok', 'R-1', 't', 'l', 'issued', '2026-11-01T01:00:00.000Z', 'lead', '2026-11-01T02:00:00.000Z', '', 'x', 'h'),
        ('no', 'R-2', 't', 'l', 'rejected', '2026-11-01T01:00:00.000Z', 'lead', '2026-11-01T03:00:00.000Z', '先复检', 'x', 'h'),
        ('open', 'R-3', 't', 'l', 'requested', '2026-11-01T01:00:00.000Z', NULL, NULL, '', 'x', 'h');
      INSERT INTO requisition_line (id, requisition_id, position, part_id, requested_qty, approved_qty, hlc) VALUES
        ('ok-1', 'ok', 0, 'p', 2, 2, 'h'), ('ok-2', 'ok', 1, 'p', 3, 1, 'h'), ('ok-3', 'ok', 2, 'p', 1, 0, 'h'),
        ('no-1', 'no', 0, 'p', 1, NULL, 'h'),
        ('open-1', 'open', 0, 'p', 1, NULL, 'h');
    `);
    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 26) }),
    ).toEqual([26]);
    expect(
      sqlite
        .prepare(
          'SELECT id, approved_qty, decision, decision_reason, decided_by, decided_at FROM requisition_line ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 'no-1',
        approved_qty: 0,
        decision: 'rejected',
        decision_reason: '先复检',
        decided_by: 'lead',
        decided_at: '2026-11-01T03:00:00.000Z',
      },
      {
        id: 'ok-1',
        approved_qty: 2,
        decision: 'approved',
        decision_reason: '',
        decided_by: 'lead',
        decided_at: '2026-11-01T02:00:00.000Z',
      },
      {
        id: 'ok-2',
        approved_qty: 1,
        decision: 'reduced',
        decision_reason: '',
        decided_by: 'lead',
        decided_at: '2026-11-01T02:00:00.000Z',
      },
      {
        id: 'ok-3',
        approved_qty: 0,
        decision: 'rejected',
        decision_reason: '',
        decided_by: 'lead',
        decided_at: '2026-11-01T02:00:00.000Z',
      },
      { id: 'open-1', approved_qty: null, decision: null, decision_reason: '', decided_by: null, decided_at: null },
    ]);
    expect(() => sqlite.exec(`UPDATE requisition_line SET decision = 'maybe' WHERE id = 'open-1'`)).toThrow(/CHECK/);
    await db.destroy();
  });
});
