/**
 * Prepared statements, prepared once per connection: preparing SQL costs more than running it,
 * and the apply and outbox loops run the same few statements hundreds of thousands of times.
 */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sqlite: Database.Database, text: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let prepared = cache.get(text);
  if (!prepared) cache.set(text, (prepared = sqlite.prepare(text)));
  return prepared;
}
