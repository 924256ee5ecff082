import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError } from '../../db/desk';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { openStore, closeStore } from '../../db/open';
import { openTestDesk, tempFile } from '../support/temp-store';

describe('opening the store', () => {
  it('migrates an empty file to the current schema, with WAL, foreign keys and a replica id', async () => {
    const file = tempFile();
    const store = await openStore({ file, appVersion: '0.1.0' });
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = store.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'change_log',
        'customer',
        'customer_phone',
        'meta',
        'row_clock',
        'session',
        'staff',
        'store',
        'sync_state',
      ]),
    );
    expect(store.replicaId).toMatch(/^[0-9a-f-]{36}$/);
    const replicaId = store.replicaId;
    await closeStore(store);

    const again = await openStore({ file, appVersion: '0.1.0' });
    expect(again.replicaId).toBe(replicaId);
    await closeStore(again);
  });

  it('refuses a database from a newer app version, naming both versions, and leaves it untouched', async () => {
    const file = tempFile();
    await closeStore(await openStore({ file, appVersion: '0.1.0' }));
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    raw.prepare(`UPDATE meta SET value = '3.2.0' WHERE key = 'app_version'`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = statSync(file);

    const opening = openStore({ file, appVersion: '0.1.0' });
    await expect(opening).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(opening).rejects.toThrow(
      new RegExp(`version 3\\.2\\.0, schema ${SCHEMA_VERSION + 7}.*version 0\\.1\\.0, schema ${SCHEMA_VERSION}`),
    );

    const after = statSync(file);
    expect(after.size).toBe(before.size);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 7);
    expect(check.prepare(`SELECT value FROM meta WHERE key = 'app_version'`).pluck().get()).toBe('3.2.0');
    check.close();
  });

  it('the desk refuses a newer database the same way', async () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    await expect(openTestDesk({ file })).rejects.toThrow(/newer Counterdesk.*schema 999.*version 0\.1\.0-test/);
  });
});
