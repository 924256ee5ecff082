/**
 * Opens head office's database: Kysely over a pg pool, and the migrations, run under an advisory
 * lock so two head-office processes starting at once do not both migrate.
 */
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { hqMigrations } from './migrations/index';
import type { HqDB } from './schema';

// BIGINT columns (seqs) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

const MIGRATION_LOCK = 7_241_001;

export type HqDatabase = Kysely<HqDB>;

export function connectHq(url: string, { max = 10 }: { max?: number } = {}): HqDatabase {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000 });
  // A dropped connection (database restarted) must not crash the server: the next query reconnects,
  // and a connect that hangs (database host unreachable) fails after 10 s instead of holding a push.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

export async function migrateHq(db: HqDatabase): Promise<number[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS hq_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const done = await sql<{ version: number }>`SELECT version FROM hq_migration`.execute(conn);
      const applied = new Set(done.rows.map((r) => r.version));
      const latest = hqMigrations.at(-1)?.version ?? 0;
      const newest = Math.max(0, ...applied);
      if (newest > latest)
        throw new Error(
          `This head-office database has schema ${newest}, newer than this build (${latest}): install the newer head office.`,
        );
      const ran: number[] = [];
      for (const migration of hqMigrations) {
        if (applied.has(migration.version)) continue;
        await conn.transaction().execute(async (trx) => {
          await migration.up(trx);
          await sql`INSERT INTO hq_migration (version, name) VALUES (${migration.version}, ${migration.name})`.execute(
            trx,
          );
        });
        ran.push(migration.version);
      }
      return ran;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

export async function readMeta(db: HqDatabase, key: string): Promise<string> {
  const row = await db.selectFrom('serverMeta').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) throw new Error(`server_meta.${key} is missing: the head-office database is not migrated`);
  return row.value;
}
