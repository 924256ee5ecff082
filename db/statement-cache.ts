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

/**
 * Hand-tuned statements for the few hot bulk paths (applying pulled rows, the outbox, bulk search
 * terms), prepared once per connection: SQL text from the code or from the schema's identifiers,
 * values always bound as parameters.
 */
export type StatementCache = Readonly<{ statement(sql: string): Database.Statement }>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export function withStatementCache(sqlite: Database.Database, size = 500): SqliteDatabase & StatementCache {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
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
  };
  // The hot paths' statements come from the same cache as Kysely's queries.
  return { close: () => sqlite.close(), prepare, statement: prepare };
}
