/**
 * The connection's prepared statements, one cache per connection.
 *
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
 * values always bound as parameters. It is a value: whoever runs such a statement is given the
 * store's cache (`store.statements`); nothing finds it from the raw connection.
 */
export type StatementCache = Readonly<{ statement(sql: string): Database.Statement }>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * The one cache of a connection, made once when the store is opened (db/open.ts) and kept as
 * `store.statements`: Kysely's dialect and the hot paths (db/sync/, bulk search terms, the clock
 * mark, the PIN lockout) share it, so a statement is prepared once per connection whichever of them
 * runs it first. `size` bounds how many statements stay prepared.
 */
export function createStatementCache(sqlite: Database.Database, size = 1_000): SqliteDatabase & StatementCache {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    if (TRANSACTION_CONTROL.test(sql)) return sqlite.prepare(sql);
    const prepared = sqlite.prepare(sql);
    if (!cached) {
      cache.set(sql, prepared);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return prepared;
  };
  // The hot paths' statements come from the same cache as Kysely's queries. They run the same few
  // statements hundreds of thousands of times and never iterate two at once, so a hit is handed
  // out as it is (no busy check or reordering: those cost more than the lookup itself).
  return {
    close: () => sqlite.close(),
    prepare,
    statement: (sql: string) => cache.get(sql) ?? prepare(sql),
  };
}
