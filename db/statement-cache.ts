/**
 * Kysely's SQLite driver prepares every query it runs, and preparing costs more than running the
 * short queries the counter and the sync hooks make: a snapshot's ticket folds spent about 30 % of
 * their time in prepare. The dialect is given this view of the connection, which keeps the most
 * recently used statements prepared (least recently used dropped past `size`). A statement still
 * being iterated (a streamed query) is never handed out twice; a fresh one is prepared instead.
 * Transaction control (begin, commit, rollback) is prepared each time as before: it compiles in
 * microseconds, and the I6 test's commit watcher (test/sync/support/atomicity.ts) sees each commit
 * through prepare.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export function withStatementCache(sqlite: Database.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      if (TRANSACTION_CONTROL.test(sql)) return sqlite.prepare(sql);
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last, so the first key is the one to drop.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const prepared = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, prepared);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return prepared;
    },
  };
}
