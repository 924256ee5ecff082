/**
 * The store in its own process (docs/architecture/store-process.md): the proxy desk against the
 * real out/store/store.js, run as a worker thread (the browser host) and as a forked Node process
 * killed with SIGKILL (a crash, as of Electron's utilityProcess).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent, DeskResult } from '../../db/contract';
import type { ClientState } from '../../db/desk-types';
import { openDesk } from '../../db/desk';
import { storeChildProcess, storeWorker } from '../../electron/store/children';
import type { StoreInit } from '../../electron/store/protocol';
import {
  startStoreProcess,
  StoreOpenError,
  type StoreChild,
  type StoreProcess,
  type StoreProcessOptions,
} from '../../electron/store/supervisor';
import { memoryLogger, openTestDesk, setUpStore, tempFile } from '../support/temp-store';
import { builtStoreEntry } from './store-build';

const entry = builtStoreEntry();
let running: StoreProcess[] = [];
afterEach(async () => {
  for (const store of running.splice(0)) await store.close();
});

function initFor(file: string): StoreInit {
  return { file, appVersion: '0.1.0-test', host: 'browser', forcedLanguage: null, schedule: false };
}

async function start(file: string, kind: 'worker' | 'process' = 'worker', extra: Partial<StoreProcessOptions> = {}) {
  const logger = memoryLogger();
  const children: Array<StoreChild & { pid?: number }> = [];
  const store = await startStoreProcess({
    spawn: () => {
      const child = kind === 'worker' ? storeWorker(entry(), logger) : storeChildProcess(entry());
      children.push(child);
      return child;
    },
    init: initFor(file),
    logger,
    restart: { firstDelayMs: 20, maxDelayMs: 100 },
    ...extra,
  });
  running.push(store);
  const client: ClientState = { sessionId: null };
  const ok = async <T = unknown>(method: string, input: unknown, as = client): Promise<T> => {
    const result = await store.dispatch(as, method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { store, logger, children, client, ok };
}

const SETUP = { storeCode: 'S012', storeName: '南京西路店', counterNo: 2, adminName: '王经理', adminPin: '2468' };

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the store process', () => {
  it('answers as the desk in this process does, and carries the sign-in in the shell', async () => {
    const inProcess = await openTestDesk();
    await setUpStore(inProcess);
    const { store, client, ok } = await start(tempFile());
    await ok('setup.createStore', SETUP);
    // Setting up signs the admin in: the shell's ClientState learned the session from the answer.
    expect(client.sessionId).toEqual(expect.any(String));
    expect(inProcess.client.sessionId).toEqual(expect.any(String));

    const mine = await ok<{ name: string }>('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    const theirs = await inProcess.ok('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    expect(mine.name).toBe(theirs.name);
    const search = await ok<{ items: Array<{ name: string; maskedPhones: string[] }> }>('customers.search', {
      query: '李四',
    });
    const searchHere = await inProcess.ok('customers.search', { query: '李四' });
    expect(search.items.map((c) => [c.name, c.maskedPhones])).toEqual(
      searchHere.items.map((c) => [c.name, c.maskedPhones]),
    );

    // Refusals are the same data: a bad phone, an unknown method, a stranger without a session.
    const bad = { name: '张三', phones: [{ number: '123' }] };
    const stranger: ClientState = { sessionId: null };
    for (const [method, input, as] of [
      ['customers.create', bad, client],
      ['nope.nothing', {}, client],
      ['customers.search', { query: '李' }, stranger],
    ] as const) {
      const here = await inProcess.desk.dispatch(as === client ? inProcess.client : { sessionId: null }, method, input);
      expect(await store.dispatch(as, method, input)).toEqual(here);
    }

    await ok('session.signOut', {});
    expect(client.sessionId).toBeNull();
    await inProcess.desk.close();
  });

  it('pushes the desk events a committed call announces', async () => {
    const { store, ok } = await start(tempFile());
    const events: DeskEvent[] = [];
    store.onEvent((event) => events.push(event));
    await ok('setup.createStore', SETUP);
    await ok('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    await until(() => events.includes('customers.changed'));
    expect(events).toContain('setup.changed');
    // The watchdog's ping is answered by the real store's loop.
    await until(() => store.status().ping.lastMs !== null);
  });

  it('refuses an oversized call and too many waiting calls without sending them', async () => {
    const { store, ok, client } = await start(tempFile(), 'worker', { limits: { maxPending: 2 } });
    await ok('setup.createStore', SETUP);
    const huge = await store.dispatch(client, 'customers.create', { name: 'x'.repeat(1024 * 1024 + 1), phones: [] });
    expect(huge).toEqual({ ok: false, error: expect.objectContaining({ key: 'request_too_large' }) });
    const calls = [1, 2, 3].map(() => store.dispatch(client, 'customers.search', { query: '李' }));
    const results = await Promise.all(calls);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.key))).toEqual(['ok', 'ok', 'store_busy']);
  });

  it('after a kill -9: calls in flight get an answer, the process restarts, confirmed writes and the sign-in are there', async () => {
    const file = tempFile();
    const { store, ok, client, children, logger } = await start(file, 'process');
    await ok('setup.createStore', SETUP);
    const confirmed = await ok<{ id: string }>('customers.create', {
      name: '王五',
      phones: [{ number: '13612345678' }],
    });
    const events: DeskEvent[] = [];
    store.onEvent((event) => events.push(event));

    // Sent, then the process is killed before it can answer any of them.
    const inFlight: Array<Promise<DeskResult<unknown>>> = [];
    for (let i = 0; i < 5; i += 1)
      inFlight.push(
        store.dispatch(client, 'customers.create', { name: `顾客${i}`, phones: [{ number: `1391234560${i}` }] }),
      );
    process.kill(children[0]!.pid!, 'SIGKILL');
    const answers = await Promise.all(inFlight);
    const failed = answers.filter((a) => !a.ok);
    expect(failed.length).toBeGreaterThan(0);
    for (const answer of failed)
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ key: 'store_restarting' }) });
    expect(logger.entries.some((e) => e.level === 'error' && /failed; starting it again/.test(e.message))).toBe(true);
    expect(events).toContain('session.changed');

    await until(() => store.status().state === 'running');
    expect(children).toHaveLength(2);
    expect(store.status().faults).toBe(1);
    // Sessions are rows in the store: the window is still signed in after the restart.
    const found = await ok<{ items: Array<{ id: string }> }>('customers.search', { query: '王五' });
    expect(found.items.map((c) => c.id)).toEqual([confirmed.id]);
    const session = await ok<{ staff: { name: string } | null }>('session.status', {});
    expect(session.staff?.name).toBe('王经理');
    // Every write confirmed before the kill is in the file; the unconfirmed ones are all or nothing.
    await store.close();
    const reopened = await openDesk({ file, appVersion: '0.1.0-test', host: 'browser', forcedLanguage: null, logger });
    const names = (reopened.store!.sqlite.prepare('SELECT name FROM customer').all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
    expect(names).toContain('王五');
    for (const [i, answer] of answers.entries()) if (answer.ok) expect(names).toContain(`顾客${i}`);
    await reopened.close();
  });

  it('gives up after quick faults in a row and says so on every call', async () => {
    const { store, client, children, logger } = await start(tempFile(), 'process', {
      restart: { firstDelayMs: 10, maxDelayMs: 20, maxQuickFaults: 2 },
    });
    process.kill(children[0]!.pid!, 'SIGKILL');
    await until(() => children.length === 2 && store.status().state === 'running');
    process.kill(children[1]!.pid!, 'SIGKILL');
    await until(() => store.status().state === 'stopped');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(children).toHaveLength(2);
    const answer = await store.dispatch(client, 'session.status', {});
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ key: 'store_stopped' }) });
    expect(logger.entries.filter((e) => /not started again/.test(e.message))).toHaveLength(1);
  });

  it('a database newer than the app is reported once, as a message, and not started again', async () => {
    const file = tempFile();
    const made = await openDesk({
      file,
      appVersion: '9.0.0',
      host: 'browser',
      forcedLanguage: null,
      logger: memoryLogger(),
    });
    made.store!.sqlite.pragma('user_version = 9999');
    await made.close();
    let spawned = 0;
    const logger = memoryLogger();
    const failure = await startStoreProcess({
      spawn: () => {
        spawned += 1;
        return storeWorker(entry(), logger);
      },
      init: initFor(file),
      logger,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreOpenError);
    expect((failure as Error).message).toMatch(/written by a newer Counterdesk/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(spawned).toBe(1);
  });

  it("forwards the updater's gate, and answers the cautious one while the store is down", async () => {
    const { store, children } = await start(tempFile(), 'process', {
      restart: { firstDelayMs: 10, maxDelayMs: 20, maxQuickFaults: 1 },
    });
    // The desk's own answer, through the process: no sync running, no install window set, not enrolled.
    expect(await store.updateGate!()).toEqual({ syncing: false, installWindow: null, server: null });
    store.setUpdateStatus!({
      current: '0.1.0',
      state: 'idle',
      available: null,
      percent: null,
      checkedAt: null,
      error: null,
    });
    process.kill(children[0]!.pid!, 'SIGKILL');
    await until(() => store.status().state === 'stopped');
    expect(await store.updateGate!()).toEqual({ syncing: true, installWindow: null });
  });

  it('closes cleanly: the process ends and the file opens again', async () => {
    const file = tempFile();
    const { store, ok, children } = await start(file, 'process');
    await ok('setup.createStore', SETUP);
    const exited = new Promise<number | null>((resolve) => children[0]!.onExit(resolve));
    await store.close();
    running = running.filter((s) => s !== store);
    await exited;
    expect((await store.dispatch({ sessionId: null }, 'session.status', {})).ok).toBe(false);
    const reopened = await openTestDesk({ file });
    expect((await reopened.ok('session.staffList', {})).map((s) => s.name)).toEqual(['王经理']);
    await reopened.desk.close();
  });
});
