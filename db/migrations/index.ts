/**
 * The migrations, listed in code (not read from a folder: that breaks inside a packaged asar and
 * under a bundler; STYLE.md §10). Numbered, forward-only, never edited once landed.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';

export type Migration = {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
  up: (db: Kysely<any>) => Promise<void>;
};

export const migrations: ReadonlyArray<Migration> = [{ version: 1, name: 'foundation', up: m0001.up }];

/** The schema version this build of the app writes. */
export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
