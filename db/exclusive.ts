/**
 * Sync's reads and writes run synchronously on the better-sqlite3 connection, but only while
 * holding Kysely's connection (its mutex): the dispatcher's transactions span awaits on the same
 * connection, and reading in the middle of one would see rows that may still roll back. Each call
 * is one short SQLite transaction; the counter's next call waits at most that long.
 */
import type { Transaction } from 'kysely';
import type { Store } from './open';
import type { DB } from './schema';

/** Lets the counter's waiting calls and I/O run between two short sync transactions. */
export const yieldToCounter = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function exclusive<T>(
  store: Store,
  work: () => T,
  { foreignKeys = true }: { foreignKeys?: boolean } = {},
): Promise<T> {
  return store.db.connection().execute(async () => {
    // Pulled rows may arrive before what they refer to (another store's staff, a later page), so
    // the apply step runs without foreign-key enforcement; the pragma cannot change inside a transaction.
    if (!foreignKeys) store.sqlite.pragma('foreign_keys = OFF');
    try {
      return store.sqlite.transaction(work)();
    } finally {
      if (!foreignKeys) store.sqlite.pragma('foreign_keys = ON');
    }
  });
}

/**
 * The same, as a Kysely transaction on that connection: raw better-sqlite3 statements run inside it
 * too (one connection), and areas' async rebuild hooks (search index, ticket status) can join.
 */
export async function exclusiveTx<T>(
  store: Store,
  work: (trx: Transaction<DB>) => Promise<T>,
  { foreignKeys = true }: { foreignKeys?: boolean } = {},
): Promise<T> {
  return store.db.connection().execute(async (conn) => {
    if (!foreignKeys) store.sqlite.pragma('foreign_keys = OFF');
    try {
      return await conn.transaction().execute(work);
    } finally {
      if (!foreignKeys) store.sqlite.pragma('foreign_keys = ON');
    }
  });
}
