import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCredentialStore } from '../../db/sync/credentials';
import { startDeskSync } from '../../db/sync/start';
import { startBrowserHost, type BrowserHost } from '../../electron/host';
import { readTable } from '../support/inspect';
import { openTestDesk, tempFile, type TestDesk } from '../support/temp-store';

/** An answer as the page gets it: JSON, read loosely by the test. */
type Answer = {
  ok: boolean;
  value?: { name?: string; items?: unknown[]; [key: string]: unknown } & Array<{ kind: string }>;
  error?: { code: string };
};

const TOKEN = 'b'.repeat(48);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startCounter(): Promise<{
  t: TestDesk;
  host: BrowserHost;
  call: (method: string, input: unknown) => Promise<Answer>;
}> {
  const t = await openTestDesk();
  const sync = await startDeskSync({
    desk: t.desk,
    credentials: fileCredentialStore(join(dirname(t.file), 'sync-credentials.json')),
    appVersion: '0.1.0-test',
    logger: t.logger,
  });
  const rendererDir = dirname(tempFile());
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Counterdesk</title>');
  const host = await startBrowserHost({ desk: t.desk, rendererDir, logger: t.logger, token: TOKEN });
  cleanups.push(async () => {
    await host.close();
    await sync.stop();
    await t.desk.close();
  });
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${host.origin}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN },
      body: JSON.stringify({ method, input }),
    });
    return (await response.json()) as Answer;
  };
  return { t, host, call };
}

describe('restore through the browser host', () => {
  it('an admin backs up and restores over HTTP; calls made during the restore are answered; sync runs on it afterwards', async () => {
    const { t, call } = await startCounter();
    expect(
      await call('setup.createStore', {
        storeCode: 'S012',
        storeName: '南京西路店',
        counterNo: 2,
        adminName: '王经理',
        adminPin: '2468',
      }),
    ).toMatchObject({ ok: true });
    expect(await call('customers.create', { name: '备份前', phones: [{ number: '13800000001' }] })).toMatchObject({
      ok: true,
    });
    const backup = await call('backup.create', {});
    expect(backup).toMatchObject({ ok: true, value: { status: 'verified', kind: 'manual' } });
    expect(await call('customers.create', { name: '备份后', phones: [{ number: '13800000002' }] })).toMatchObject({
      ok: true,
    });
    const replicaBefore = readTable<{ value: string }>(
      t.file,
      `SELECT value FROM sync_state WHERE key = 'replica_id'`,
    )[0]!.value;

    const restoring = call('backup.restore', { name: backup.value!.name });
    const meanwhile = call('customers.search', { query: '备份' });
    const restored = await restoring;
    expect(restored).toMatchObject({ ok: true, value: { name: backup.value!.name } });
    // A call made while the restore runs is answered (from the old store before the swap, or the
    // restored one after it), never refused or lost.
    expect((await meanwhile).ok).toBe(true);
    const after = await call('customers.search', { query: '备份' });
    expect(JSON.stringify(after.value)).toContain('备份前');
    expect(JSON.stringify(after.value)).not.toContain('备份后');

    // The host's one client stays signed in: the session was open when the backup was taken.
    const status = await call('sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { enrolled: false } });
    expect(readTable(t.file, `SELECT name FROM customer ORDER BY name`)).toEqual([{ name: '备份前' }]);
    // Same PC, same replica: sync_state came back with the copy, for sync to see a PC restored from a copy.
    expect(
      readTable<{ value: string }>(t.file, `SELECT value FROM sync_state WHERE key = 'replica_id'`)[0]!.value,
    ).toBe(replicaBefore);
    expect(await call('customers.create', { name: '恢复后', phones: [{ number: '13800000003' }] })).toMatchObject({
      ok: true,
    });
    expect((await call('backup.list', {})).value!.map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);
  });
});
