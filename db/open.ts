/**
 * Opens the store's SQLite file: first a read-only look (schema version, damage), then WAL, foreign
 * keys, a busy timeout, Kysely over better-sqlite3, migrations (after a backup when an existing
 * store is migrated), and the replica id made with the file (docs/SYNC.md §2.1). A damaged file is
 * opened read-only, so the counter can still read what is there while nothing more is written.
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { createStatementCache, type StatementCache } from './statement-cache';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { compactId, newId } from './ids';
import { migrate, NewerDatabaseError, readSchemaVersion } from './migrate';
import { SCHEMA_VERSION } from './migrations/index';
import type { DB } from './schema';
import type { DamageReport } from './storage/damage';
import { preflight } from './storage/preflight';
import { createHlc, type Hlc } from './sync/hlc';
import { loadClockMark, saveClockMark, startingOffset } from './clock';

/** Whether the file may be written. The daily check can mark an open store damaged later. */
export type StoreHealth = { damage: DamageReport | null };

export type Store = {
  db: Kysely<DB>;
  /** The raw connection: for the sync engine and storage (backup, integrity checks); areas use `db`. */
  sqlite: Database.Database;
  /** The connection's prepared statements, one cache with Kysely's (db/statement-cache.ts). */
  statements: StatementCache;
  file: string;
  replicaId: string;
  hlc: Hlc;
  now: () => number;
  health: StoreHealth;
};

export type OpenStoreOptions = {
  file: string;
  appVersion: string;
  now?: () => number;
  /** Called with the open file before pending migrations run on an existing store (db/storage/backup.ts). */
  beforeMigration?: (sqlite: Database.Database, fromSchema: number) => Promise<void>;
};

export async function openStore({
  file,
  appVersion,
  now = Date.now,
  beforeMigration,
}: OpenStoreOptions): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const look = preflight(file);
  if (look.schema > SCHEMA_VERSION)
    throw new NewerDatabaseError(file, look.schema, look.writtenBy, SCHEMA_VERSION, appVersion);
  if (look.damage.length > 0) {
    return openDamaged({
      file,
      now,
      damage: { foundAt: new Date(now()).toISOString(), foundBy: 'start', details: look.damage.slice(0, 10) },
    });
  }
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
    const statements = createStatementCache(sqlite);
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: statements }),
      plugins: [new CamelCasePlugin()],
    });
    const fromSchema = await readSchemaVersion(db);
    if (beforeMigration && fromSchema > 0 && fromSchema < SCHEMA_VERSION) await beforeMigration(sqlite, fromSchema);
    await migrate(db, { file, appVersion });
    const replicaId = await ensureReplicaId(db);
    const hlc = createHlc({
      node: compactId(replicaId),
      now,
      lastStamp: await highWaterStamp(db, statements),
      offsetMs: await learnedOffset(db),
    });
    return { db, sqlite, statements, file, replicaId, hlc, now, health: { damage: null } };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Where the clock carries on from: its saved mark (db/clock.ts), or the last change-log stamp if
 * that is later (a store written before the mark was kept, or a crash between two marks).
 */
async function highWaterStamp(db: Kysely<DB>, statements: StatementCache): Promise<string | null> {
  const last = await db.selectFrom('changeLog').select('hlc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const mark = loadClockMark(statements);
  const stamps = [mark, last?.hlc ?? null].filter((s): s is string => s !== null).sort();
  return stamps.at(-1) ?? null;
}

/** The offset learned from head office at the last sync: the clock is right from the start. */
async function learnedOffset(db: Kysely<DB>): Promise<() => number> {
  const row = await db.selectFrom('syncState').select('value').where('key', '=', 'clock_offset_ms').executeTakeFirst();
  const offset = startingOffset(Number(row?.value ?? 0));
  return () => offset;
}

/**
 * A damaged file, opened so that it cannot be written: no WAL switch, no migrations, no replica id
 * made. Whatever is still readable stays readable; what is not fails as it is read.
 */
async function openDamaged({
  file,
  now,
  damage,
}: {
  file: string;
  now: () => number;
  damage: DamageReport;
}): Promise<Store> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const statements = createStatementCache(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: statements }), plugins: [new CamelCasePlugin()] });
  const replicaId = await db
    .selectFrom('syncState')
    .select('value')
    .where('key', '=', 'replica_id')
    .executeTakeFirst()
    .then((row) => row?.value ?? '00000000-0000-0000-0000-000000000000')
    .catch(() => '00000000-0000-0000-0000-000000000000');
  const hlc = createHlc({ node: compactId(replicaId), now, lastStamp: null });
  return { db, sqlite, statements, file, replicaId, hlc, now, health: { damage } };
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
    if (!store.sqlite.readonly && store.health.damage === null)
      await store.db.connection().execute(async () => saveClockMark(store.statements, store.hlc));
  } finally {
    await store.db.destroy();
  }
}
