/**
 * Acknowledgements as marks (migration 0013): head office's lastAppliedSeq is recorded once per
 * push, not on every change; un-acknowledging after head office lost changes keeps the earlier
 * changes' times; the 7-day retention removes exactly the changes acknowledged before it.
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { ACKED_RETENTION_MS, markAcked, pendingCount, pruneAcked, unackFrom } from '../../db/sync/outbox';
import { getNumber } from '../../db/sync/state';
import { createStatementCache } from '../../db/statement-cache';
import { tempFile } from '../support/temp-store';

async function openAt(version: number) {
  const file = tempFile();
  const sqlite = new Database(file);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= version) });
  return { sqlite, db, statements: createStatementCache(sqlite) };
}

/** `n` changes in the outbox, as desk writes leave them (no acknowledgement yet). */
function logChanges(sqlite: Database.Database, n: number): void {
  const insert = sqlite.prepare(
    "INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, 'customer', ?, 'insert', '{}', ?, NULL, 13, '2026-11-01T00:00:00Z')",
  );
  for (let i = 0; i < n; i += 1) insert.run(`c${i}`, `t${i}`, `e${i}`, `h${i}`);
}

const marks = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT through_seq, acked_at FROM change_ack ORDER BY through_seq').all();
const seqs = (sqlite: Database.Database) => sqlite.prepare('SELECT seq FROM change_log ORDER BY seq').pluck().all();

describe('acknowledgement marks', () => {
  it('records one mark per acknowledgement and leaves the changes themselves untouched', async () => {
    const { sqlite, db, statements } = await openAt(13);
    logChanges(sqlite, 30);
    markAcked(statements, 10, '2026-11-02T00:00:00.000Z');
    markAcked(statements, 10, '2026-11-03T00:00:00.000Z'); // the same answer again: nothing new
    markAcked(statements, 25, '2026-11-04T00:00:00.000Z');
    expect(marks(sqlite)).toEqual([
      { through_seq: 10, acked_at: '2026-11-02T00:00:00.000Z' },
      { through_seq: 25, acked_at: '2026-11-04T00:00:00.000Z' },
    ]);
    expect(getNumber(statements, 'last_acked_seq')).toBe(25);
    expect(pendingCount(statements)).toBe(5);
    expect(sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(30);
    await db.destroy();
  });

  it('un-acknowledging what head office lost keeps the time of the changes before it', async () => {
    const { sqlite, db, statements } = await openAt(13);
    logChanges(sqlite, 30);
    markAcked(statements, 10, '2026-11-02T00:00:00.000Z');
    markAcked(statements, 25, '2026-11-04T00:00:00.000Z');
    expect(unackFrom(statements, 18)).toBe(7);
    expect(marks(sqlite)).toEqual([
      { through_seq: 10, acked_at: '2026-11-02T00:00:00.000Z' },
      { through_seq: 18, acked_at: '2026-11-04T00:00:00.000Z' },
    ]);
    expect(getNumber(statements, 'last_acked_seq')).toBe(18);
    expect(pendingCount(statements)).toBe(12);
    expect(unackFrom(statements, 0)).toBe(18);
    expect(marks(sqlite)).toEqual([]);
    await db.destroy();
  });

  it('keeps acknowledged changes for the retention and then removes exactly those acknowledged before it', async () => {
    const { sqlite, db, statements } = await openAt(13);
    logChanges(sqlite, 30);
    const now = Date.parse('2026-11-20T00:00:00.000Z');
    const ago = (days: number) => new Date(now - days * 86_400_000).toISOString();
    markAcked(statements, 10, ago(9));
    markAcked(statements, 20, ago(8));
    markAcked(statements, 25, ago(2));
    expect(ACKED_RETENTION_MS).toBe(7 * 86_400_000);
    expect(pruneAcked(statements, now)).toBe(20);
    expect(seqs(sqlite)).toEqual(Array.from({ length: 10 }, (_, i) => 21 + i));
    expect(marks(sqlite)).toEqual([{ through_seq: 25, acked_at: ago(2) }]);
    expect(pruneAcked(statements, now)).toBe(0);
    // A week later the rest of what was acknowledged goes; the unacknowledged changes stay.
    expect(pruneAcked(statements, now + 7 * 86_400_000)).toBe(5);
    expect(seqs(sqlite)).toEqual([26, 27, 28, 29, 30]);
    await db.destroy();
  });

  it('migration 0013 turns the times on each change into marks', async () => {
    const { sqlite, db } = await openAt(12);
    const insert = sqlite.prepare(
      "INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at, acked_at) VALUES (?, ?, 'customer', ?, 'insert', '{}', ?, NULL, 12, '2026-11-01T00:00:00Z', ?)",
    );
    const ackedAt = (seq: number) =>
      seq <= 4 ? '2026-11-02T00:00:00.000Z' : seq <= 9 ? '2026-11-05T00:00:00.000Z' : null;
    for (let seq = 1; seq <= 12; seq += 1) insert.run(`c${seq}`, `t${seq}`, `e${seq}`, `h${seq}`, ackedAt(seq));
    expect(
      await migrate(db, {
        file: sqlite.name,
        appVersion: '0.1.0',
        migrations: migrations.filter((m) => m.version <= 13),
      }),
    ).toEqual([13]);
    expect(marks(sqlite)).toEqual([
      { through_seq: 4, acked_at: '2026-11-02T00:00:00.000Z' },
      { through_seq: 9, acked_at: '2026-11-05T00:00:00.000Z' },
    ]);
    expect(
      sqlite.prepare("SELECT count(*) FROM pragma_table_info('change_log') WHERE name = 'acked_at'").pluck().get(),
    ).toBe(0);
    expect(seqs(sqlite)).toHaveLength(12);
    await db.destroy();
  });
});
