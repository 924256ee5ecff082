/**
 * Global setup for the unit and sync projects: one counter database with every migration applied
 * and no identity of its own (no replica id, no clock mark), made once per run. Tests that open a
 * new store copy it instead of running eighteen migrations each time; the store opened on the copy
 * makes its own replica id, as a fresh install does. Migrations themselves are tested on files
 * made from older schemas (test/db/*migration*.test.ts), which never start from this copy.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeStore, openStore } from '../../db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, identity-free counter database to copy for a new test store. */
    storeTemplate: string;
    /** The app version the template's migrations were recorded under. */
    storeTemplateVersion: string;
  }
}

export const TEMPLATE_APP_VERSION = '0.1.0-test';

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-template-'));
  const file = join(folder, 'template.sqlite');
  await closeStore(await openStore({ file, appVersion: TEMPLATE_APP_VERSION }));
  const sqlite = new Database(file);
  try {
    sqlite.prepare("DELETE FROM sync_state WHERE key IN ('replica_id', 'clock_mark')").run();
    // One file to copy: no write-ahead log beside it.
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
  project.provide('storeTemplate', file);
  project.provide('storeTemplateVersion', TEMPLATE_APP_VERSION);
  return () => rmSync(folder, { recursive: true, force: true });
}
