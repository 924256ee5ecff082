import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError } from '../../../db/desk';
import { SCHEMA_VERSION } from '../../../db/migrations/index';
import { closeStore, openStore } from '../../../db/open';
import { tempFile } from '../../support/temp-store';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('a database written by a newer Counterdesk', () => {
  it('is refused before anything is written: a rollback-journal file stays byte-identical, with no -wal, -shm or -journal beside it', async () => {
    const file = tempFile();
    // A real store, then handed back to rollback-journal mode with a schema number from the future.
    await closeStore(await openStore({ file, appVersion: '0.1.0' }));
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    raw.prepare(`UPDATE meta SET value = '9.0.0' WHERE key = 'app_version'`).run();
    raw.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const before = sha256(file);

    await expect(openStore({ file, appVersion: '0.1.0' })).rejects.toBeInstanceOf(NewerDatabaseError);

    expect(sha256(file)).toBe(before);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(`${file}${suffix}`), suffix).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
