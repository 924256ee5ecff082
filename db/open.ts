/**
 * Opens the store's SQLite file: WAL, foreign keys, a busy timeout, Kysely over better-sqlite3,
 * migrations, and the replica id made with the file (SYNC.md §2.1).
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { compactId, newId } from './ids';
import { migrate } from './migrate';
import type { DB } from './schema';
import { createHlc, type Hlc } from './sync/hlc';

export type Store = {
  db: Kysely<DB>;
  sqlite: Database.Database;
  file: string;
  replicaId: string;
  hlc: Hlc;
  now: () => number;
};

export type OpenStoreOptions = { file: string; appVersion: string; now?: () => number };

export async function openStore({ file, appVersion, now = Date.now }: OpenStoreOptions): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB: the search index of a store with hundreds of
    // thousands of customers is written at scattered keys, and an initial sync or an import would
    // otherwise re-read most of its pages from disk for every chunk.
    sqlite.pragma('cache_size = -65536');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion });
    const replicaId = await ensureReplicaId(db);
    const last = await db.selectFrom('changeLog').select('hlc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const hlc = createHlc({ node: compactId(replicaId), now, lastStamp: last?.hlc ?? null });
    return { db, sqlite, file, replicaId, hlc, now };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

async function ensureReplicaId(db: Kysely<DB>): Promise<string> {
  const existing = await db.selectFrom('syncState').select('value').where('key', '=', 'replica_id').executeTakeFirst();
  if (existing) return existing.value;
  const replicaId = newId();
  await db.insertInto('syncState').values({ key: 'replica_id', value: replicaId }).execute();
  return replicaId;
}

export async function closeStore(store: Store): Promise<void> {
  await store.db.destroy();
}
