/**
 * db/sync/renumber.ts: after a PC takes back head office's records, which documents are renumbered
 * is the rules' to say (`numbered`), not the engine's: a rule marked numbered is renumbered, one
 * that is not keeps its clashing number; table and column names come from the rule, quoted.
 */
import { createStatementCache } from '../../db/statement-cache';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEntityRules, type EntityRule } from '../../db/sync/entity-rules';
import { renumberClashes } from '../../db/sync/renumber';

const rule = (entity: string, extra: Partial<EntityRule> = {}): EntityRule => ({
  entity,
  table: entity,
  key: 'id',
  owner: 'store',
  scope: 'store',
  policy: {},
  deleteMode: 'hard',
  ...extra,
});

/** A PC holding local record `ours` under `number`, unpushed, while head office's `theirs` with that number waits aside. */
function clash(sqlite: Database.Database, entity: string, number: string): void {
  sqlite.prepare(`INSERT INTO "${entity}" (id, number) VALUES ('ours', ?)`).run(number);
  sqlite
    .prepare(
      "INSERT INTO change_log (entity, entity_id, op, fields) VALUES (?, 'ours', 'insert', json_object('number', ?))",
    )
    .run(entity, number);
  sqlite
    .prepare(
      "INSERT INTO pending_unknown (entity, entity_id, field, value, hlc, received_at, kind, reason) VALUES (?, 'theirs', 'number', ?, 'x', 'now', 'refused', 'duplicate')",
    )
    .run(entity, JSON.stringify(number));
}

function open(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE change_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT, entity_id TEXT, op TEXT, fields TEXT);
    CREATE TABLE pending_unknown (entity TEXT, entity_id TEXT, field TEXT, value TEXT, hlc TEXT, received_at TEXT,
      kind TEXT, reason TEXT, depends_on TEXT, PRIMARY KEY (entity, entity_id, field));
    CREATE TABLE "order" (id TEXT PRIMARY KEY, number TEXT UNIQUE);
    CREATE TABLE memo (id TEXT PRIMARY KEY, number TEXT);
  `);
  return sqlite;
}

describe('renumbering after a restored copy follows the entity rules', () => {
  it('renumbers a record of a numbered rule, and leaves a rule not marked numbered alone', () => {
    const sqlite = open();
    clash(sqlite, 'order', 'S012-2-20261123-0004');
    clash(sqlite, 'memo', 'S012-2-20261123-0004');
    const rules = createEntityRules([rule('order', { numbered: { field: 'number', column: 'number' } }), rule('memo')]);

    expect(renumberClashes(createStatementCache(sqlite), rules)).toBe(1);

    const numberOf = (table: string) =>
      (sqlite.prepare(`SELECT number FROM "${table}" WHERE id = 'ours'`).get() as { number: string }).number;
    expect(numberOf('order')).toBe('S012-2-20261123-0005');
    expect(numberOf('memo')).toBe('S012-2-20261123-0004');
    // The waiting insert carries the new number, so head office only ever sees that one.
    const pushed = (entity: string) =>
      JSON.parse(
        (sqlite.prepare('SELECT fields FROM change_log WHERE entity = ?').get(entity) as { fields: string }).fields,
      ) as { number: string };
    expect(pushed('order').number).toBe('S012-2-20261123-0005');
    expect(pushed('memo').number).toBe('S012-2-20261123-0004');
  });

  it('renumbers nothing when no rule is numbered', () => {
    const sqlite = open();
    clash(sqlite, 'order', 'S012-2-20261123-0004');
    expect(renumberClashes(createStatementCache(sqlite), createEntityRules([rule('order'), rule('memo')]))).toBe(0);
  });
});
