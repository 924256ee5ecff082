/**
 * The look at the store file before it is opened for writing: its schema version (a file written by
 * a newer Counterdesk must stay byte-identical, so nothing that writes may run first, not even the
 * switch to WAL) and a bounded check for damage. It reads through a read-only connection, which
 * cannot write the file whatever it is asked.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { isDamageError, runCheck } from './damage';

export type Preflight = Readonly<{
  /** The file has content (an empty or missing file is a new store). */
  exists: boolean;
  schema: number;
  /** The app version that last migrated it (the meta table), if readable. */
  writtenBy: string | null;
  /** SQLite's complaints; empty when the check found nothing. */
  damage: ReadonlyArray<string>;
}>;

/**
 * Up to this size the start runs `PRAGMA quick_check` over the whole file. quick_check reads every
 * page: a 1.1 GB store took 1.5 s here with the file in the OS cache (2-core machine), so the
 * 2.9 GB benchmark store would hold the start for 4 s warm and far longer from a cold disk. A store
 * larger than this gets the bounded check instead and relies on the daily full check in the background.
 */
export const FULL_QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

export function preflight(file: string, { fullCheckMaxBytes = FULL_QUICK_CHECK_MAX_BYTES } = {}): Preflight {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size === 0)
    return { exists: false, schema: 0, writtenBy: null, damage: [] };
  const size = statSync(file).size;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    let schema: number;
    try {
      schema = sqlite.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if (isDamageError(error))
        return { exists: true, schema: 0, writtenBy: null, damage: [String((error as Error).message)] };
      throw error;
    }
    const writtenBy = readAppVersion(sqlite);
    const damage = size <= fullCheckMaxBytes ? runCheck(sqlite, 'quick_check', 1) : boundedCheck(sqlite);
    return { exists: true, schema, writtenBy, damage };
  } finally {
    sqlite.close();
  }
}

function readAppVersion(sqlite: Database.Database): string | null {
  try {
    const row = sqlite.prepare(`SELECT value FROM meta WHERE key = 'app_version'`).pluck().get();
    return typeof row === 'string' ? row : null;
  } catch {
    return null;
  }
}

/**
 * A check whose cost does not grow with the store: the schema, then the first and last entries of
 * every table and index (the root page and the pages down both edges of each b-tree), and a
 * quick_check limited to its first complaint over the schema table. Damage in a middle page is
 * left to the daily integrity check, which runs on its own thread.
 */
export function boundedCheck(sqlite: Database.Database): string[] {
  const complaints: string[] = [];
  const probe = (query: string) => {
    try {
      sqlite.prepare(query).all();
    } catch (error) {
      if (isDamageError(error)) complaints.push(String((error as Error).message));
      // Anything else (INDEXED BY on an index the planner cannot use for this query, max(rowid) of
      // a WITHOUT ROWID table) is not damage; the daily check covers those b-trees.
    }
  };
  probe(`SELECT count(*) FROM sqlite_schema`);
  if (complaints.length > 0) return complaints;
  const objects = sqlite
    .prepare(
      `SELECT type, name, tbl_name AS tableName FROM sqlite_schema WHERE type IN ('table', 'index') AND rootpage > 0`,
    )
    .all() as Array<{ type: string; name: string; tableName: string }>;
  for (const object of objects) {
    const name = quote(object.name);
    if (object.type === 'table') {
      probe(`SELECT * FROM ${name} LIMIT 1`);
      probe(`SELECT * FROM ${name} WHERE rowid = (SELECT max(rowid) FROM ${name})`);
    } else {
      probe(`SELECT 1 FROM ${quote(object.tableName)} INDEXED BY ${name} LIMIT 1`);
    }
    if (complaints.length > 0) break;
  }
  return complaints;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
