/** db/statement-cache.ts: Kysely's queries reuse prepared statements, least recently used dropped first. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createStatementCache } from '../../db/statement-cache';

describe('the statement cache under Kysely', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    sqlite.prepare('CREATE TABLE t (n INTEGER)').run();
    return { sqlite, db: createStatementCache(sqlite, 2) };
  };

  it('hands out the prepared statement again, and drops the least recently used past its size', () => {
    const { db } = open();
    const a = db.prepare('SELECT 1');
    expect(db.prepare('SELECT 1')).toBe(a);
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a); // now most recent
    db.prepare('SELECT 3'); // evicts SELECT 2
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
  });

  it('never hands out a statement that is still being iterated, nor caches transaction control', () => {
    const { sqlite, db } = open();
    sqlite.prepare('INSERT INTO t VALUES (1), (2)').run();
    const first = db.prepare('SELECT n FROM t');
    const rows = (first as unknown as Database.Statement).iterate();
    rows.next();
    const second = db.prepare('SELECT n FROM t');
    expect(second).not.toBe(first);
    expect((second as unknown as Database.Statement).all()).toEqual([{ n: 1 }, { n: 2 }]);
    rows.return?.();
    expect(db.prepare('BEGIN')).not.toBe(db.prepare('BEGIN'));
  });
});
