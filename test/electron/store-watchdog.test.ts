/**
 * A store process that hangs without dying (electron/store/watchdog.ts): the shell stops waiting,
 * answers the calls in flight with "may or may not have been saved", ends the process and starts
 * another. A store that is only busy (it turns its loop between slices, as a sync does) is left
 * alone. The stores here are small worker scripts speaking the store protocol, so a hang is real:
 * the thread spins in JavaScript and never reads another message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { storeWorker } from '../../electron/store/children';
import { startStoreProcess, type StoreChild, type StoreProcess } from '../../electron/store/supervisor';
import { Watchdog } from '../../electron/store/watchdog';
import { memoryLogger } from '../support/temp-store';

const folder = mkdtempSync(join(tmpdir(), 'counterdesk-watchdog-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `store.hang` spins forever; `store.busy` works `ms` in 20 ms slices, turning its loop between them. */
const FAKE_STORE = `
import { parentPort } from 'node:worker_threads';
const answer = (m, value) => parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, value }, sessionId: m.sessionId });
parentPort.on('message', (m) => {
  if (m.type === 'init') parentPort.postMessage({ type: 'ready', pid: process.pid });
  else if (m.type === 'ping') parentPort.postMessage({ type: 'pong', id: m.id });
  else if (m.type === 'close') parentPort.postMessage({ type: 'closed' });
  else if (m.type === 'call' && m.method === 'store.hang') for (;;) {}
  else if (m.type === 'call' && m.method === 'store.busy') {
    const until = Date.now() + m.input.ms;
    const slice = () => {
      const end = Date.now() + 20;
      while (Date.now() < end) {}
      if (Date.now() < until) setImmediate(slice);
      else answer(m, 'done');
    };
    slice();
  } else if (m.type === 'call') answer(m, m.method);
});
`;
const entry = join(folder, 'fake-store.mjs');
writeFileSync(entry, FAKE_STORE);

const running: StoreProcess[] = [];
afterEach(async () => {
  for (const store of running.splice(0)) await store.close();
});

async function start() {
  const logger = memoryLogger();
  const children: StoreChild[] = [];
  const store = await startStoreProcess({
    spawn: () => {
      const child = storeWorker(entry, logger);
      children.push(child);
      return child;
    },
    init: {
      file: join(folder, 'unused.sqlite'),
      appVersion: '0.1.0-test',
      host: 'browser',
      forcedLanguage: null,
      schedule: false,
    },
    logger,
    restart: { firstDelayMs: 20, maxDelayMs: 100 },
    watchdog: { everyMs: 50, timeoutMs: 600 },
    closeTimeoutMs: 1_000,
  });
  running.push(store);
  return { store, logger, children, client: { sessionId: null } };
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a store process that stops responding', () => {
  it('is ended and started again; the calls in flight hear it may or may not be saved', async () => {
    const { store, logger, children, client } = await start();
    const hung = store.dispatch(client, 'store.hang', {});
    const behind = store.dispatch(client, 'customers.search', { query: '李' });
    const started = performance.now();
    for (const answer of await Promise.all([hung, behind]))
      expect(answer).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'unavailable',
          key: 'store_not_responding',
          message: expect.stringContaining('may or may not have been saved'),
        }),
      });
    // Not before the timeout, and not long after it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(550);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(store.status()).toMatchObject({ faults: 1, lastFault: expect.stringContaining('stopped responding') });
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        details: expect.objectContaining({ why: expect.stringContaining('stopped responding') }),
      }),
    );

    await until(() => children.length === 2 && store.status().state === 'running');
    expect(await store.dispatch(client, 'customers.search', {})).toEqual({ ok: true, value: 'customers.search' });
  });

  it('leaves a busy store alone: it answers pings between slices of its work', async () => {
    const { store, children, client } = await start();
    // Three seconds of work: five times the watchdog's timeout.
    expect(await store.dispatch(client, 'store.busy', { ms: 3_000 })).toEqual({ ok: true, value: 'done' });
    expect(store.status()).toMatchObject({ state: 'running', faults: 0 });
    expect(children).toHaveLength(1);
    expect(store.status().ping.slowestMs).toBeLessThan(600);
    expect(store.status().ping.lastMs).not.toBeNull();
  });
});

describe('the watchdog', () => {
  afterEach(() => vi.useRealTimers());

  function watch(waiting: () => boolean) {
    vi.useFakeTimers();
    let now = 0;
    const pings: number[] = [];
    const hung: number[] = [];
    const dog = new Watchdog(
      { ping: (id) => pings.push(id), waiting, hung: (ms) => hung.push(ms) },
      { everyMs: 1_000, timeoutMs: 5_000 },
      () => now,
    );
    const pass = (ms: number, step = 1_000) => {
      for (let t = 0; t < ms; t += step) {
        now += step;
        vi.advanceTimersByTime(step);
      }
    };
    return { dog, pings, hung, pass, jump: (ms: number) => (now += ms) };
  }

  it('counts a silence only while something waits for the store', () => {
    let waiting = false;
    const { dog, pings, hung, pass } = watch(() => waiting);
    dog.start();
    pass(20_000);
    expect(pings).toEqual([1]);
    expect(hung).toEqual([]);
    waiting = true;
    pass(1_000);
    expect(hung).toEqual([21_000]);
    dog.stop();
  });

  it('sends one ping at a time and a new one once answered', () => {
    const { dog, pings, hung, pass } = watch(() => true);
    dog.start();
    pass(3_000);
    dog.answered(1);
    pass(1_000);
    expect(pings).toEqual([1, 2]);
    pass(4_000);
    expect(hung).toEqual([]);
    pass(1_000);
    expect(hung).toEqual([5_000]);
    dog.stop();
  });

  it('does not blame the store for a stalled shell or a PC that slept: the ping goes out again', () => {
    const { dog, pings, hung, pass, jump } = watch(() => true);
    dog.start();
    // The shell's own loop (or the whole PC) stood still for a minute.
    jump(60_000);
    pass(1_000);
    expect(hung).toEqual([]);
    expect(pings).toEqual([1, 2]);
    // The first ping's late answer counts for nothing; the second's does.
    dog.answered(1);
    expect(dog.stats().lastMs).toBeNull();
    pass(1_000);
    dog.answered(2);
    expect(dog.stats().lastMs).toBe(1_000);
    dog.stop();
  });
});
