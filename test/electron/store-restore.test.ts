/** A restore closes and reopens the file inside the store process; the shell only sees its answer and events. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { storeWorker } from '../../electron/store/children';
import { startStoreProcess, type StoreProcess } from '../../electron/store/supervisor';
import { memoryLogger, tempFile } from '../support/temp-store';
import { builtStoreEntry } from './store-build';

const entry = builtStoreEntry();
const running: StoreProcess[] = [];
afterEach(async () => {
  for (const store of running.splice(0)) await store.close();
});

describe('a restore in the store process', () => {
  it('answers the restore and serves the restored file', async () => {
    const logger = memoryLogger();
    const store = await startStoreProcess({
      spawn: () => storeWorker(entry(), logger),
      init: { file: tempFile(), appVersion: '0.1.0-test', host: 'browser', forcedLanguage: null, schedule: false },
      logger,
    });
    running.push(store);
    const client: ClientState = { sessionId: null };
    const call = (method: string, input: unknown) => store.dispatch(client, method, input);
    expect(
      (
        await call('setup.createStore', {
          storeCode: 'S012',
          storeName: '店',
          counterNo: 2,
          adminName: '王经理',
          adminPin: '2468',
        })
      ).ok,
    ).toBe(true);
    const backup = await call('backup.create', {});
    expect(backup).toMatchObject({ ok: true });
    const name = (backup as { value: { name: string } }).value.name;
    await call('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    const restored = await Promise.race([
      call('backup.restore', { name }),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 20_000)),
    ]);
    expect(restored).toMatchObject({ ok: true, value: { name } });
    // The restored file has no 李四, and the admin is still signed in on it.
    const found = await call('customers.search', { query: '李四' });
    expect(found).toMatchObject({ ok: true, value: { items: [] } });
  });
});
