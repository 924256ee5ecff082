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
import { loadClockMark, saveClockMark, startingOffset } from './clock';

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
    const hlc = createHlc({ node: compactId(replicaId), now, lastStamp: await highWaterStamp(db, sqlite), offsetMs: learnedOffset(sqlite) });
    return { db, sqlite, file, replicaId, hlc, now };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Where the clock carries on from: its saved mark (db/clock.ts), or the last change-log stamp if
 * that is later (a store written before the mark was kept, or a crash between two marks).
 */
async function highWaterStamp(db: Kysely<DB>, sqlite: Database.Database): Promise<string | null> {
  const last = await db.selectFrom('changeLog').select('hlc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const mark = loadClockMark(sqlite);
  const stamps = [mark, last?.hlc ?? null].filter((s): s is string => s !== null).sort();
  return stamps.at(-1) ?? null;
}

/** The offset learned from head office at the last sync: the clock is right from the start. */
function learnedOffset(sqlite: Database.Database): () => number {
  const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'clock_offset_ms'").get() as { value: string } | undefined;
  const offset = startingOffset(Number(row?.value ?? 0));
  return () => offset;
}

async function ensureReplicaId(db: Kysely<DB>): Promise<string> {
  const existing = await db.selectFrom('syncState').select('value').where('key', '=', 'replica_id').executeTakeFirst();
  if (existing) return existing.value;
  const replicaId = newId();
  await db.insertInto('syncState').values({ key: 'replica_id', value: replicaId }).execute();
  return replicaId;
}

export async function closeStore(store: Store): Promise<void> {
  // What the desk showed last (an SLA clock read after the last write) is not taken back by a restart.
  try {
    await store.db.connection().execute(async () => saveClockMark(store.sqlite, store.hlc));
  } finally {
    await store.db.destroy();
  }
}
