/**
 * Runs the numbered migrations at start-up, all pending ones in one transaction, and refuses a
 * database written by a newer app (Signal's DBVersionFromFutureError): opening it would risk
 * corrupting data this build does not understand. The schema version lives in PRAGMA user_version,
 * the app version that last migrated it in the meta table, so the message can name both.
 */
import { sql, type Kysely } from 'kysely';
import { migrations as allMigrations, type Migration } from './migrations/index';
import type { DB } from './schema';

export class NewerDatabaseError extends Error {
  readonly code = 'newer_database';
  constructor(
    readonly file: string,
    readonly databaseSchema: number,
    readonly databaseAppVersion: string | null,
    readonly appSchema: number,
    readonly appVersion: string,
  ) {
    super(
      `The database ${file} was written by a newer Counterdesk` +
        `${databaseAppVersion ? ` (version ${databaseAppVersion}` : ' ('}${databaseAppVersion ? ', ' : ''}schema ${databaseSchema})` +
        ` than this one (version ${appVersion}, schema ${appSchema}). ` +
        'It was not opened and nothing in it was changed: install the newer version to use it.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export async function readSchemaVersion(db: Kysely<DB>): Promise<number> {
  // CamelCasePlugin maps the result column user_version to userVersion.
  const result = await sql<{ userVersion: number }>`PRAGMA user_version`.execute(db);
  return result.rows[0]?.userVersion ?? 0;
}

/** Returns the versions applied. */
export async function migrate(
  db: Kysely<DB>,
  {
    file,
    appVersion,
    migrations = allMigrations,
  }: { file: string; appVersion: string; migrations?: ReadonlyArray<Migration> },
): Promise<number[]> {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = await readSchemaVersion(db);
  if (current > latest) {
    const writtenBy = current > 0 ? await readMetaIfPresent(db, 'app_version') : null;
    throw new NewerDatabaseError(file, current, writtenBy, latest, appVersion);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  await db.transaction().execute(async (trx) => {
    for (const migration of pending) {
      await migration.up(trx);
      // user_version is transactional in SQLite: a failed migration leaves the old number.
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    }
    await trx
      .insertInto('meta')
      .values({ key: 'app_version', value: appVersion })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: appVersion }))
      .execute();
  });
  return pending.map((m) => m.version);
}

async function readMetaIfPresent(db: Kysely<DB>, key: string): Promise<string | null> {
  const table = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'`.execute(db);
  if (table.rows.length === 0) return null;
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}
