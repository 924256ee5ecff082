import { describe, expect, test, vi } from 'vitest';
import type { Logger, UpdateGate, UpdateStatus } from '../../db/desk-types';
import type { FeedAccess } from '../../electron/update-feed';
import { inInstallWindow, updateErrorCode } from '../../electron/update-status';
import type { UpdaterLike } from '../../electron/updater';
import {
  applyUpdatePolicy,
  INSTALL_TICK_MS,
  startUpdater,
  TOKEN_RENEW_MS,
  UPDATE_CHECK_INTERVAL_MS,
} from '../../electron/updater';

type Listener = (...args: never[]) => void;

function fakeUpdater(check: () => Promise<unknown> = async () => null) {
  const listeners = new Map<string, Listener[]>();
  const checkForUpdates = vi.fn(check);
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    requestHeaders: null,
    setFeedURL: vi.fn(),
    on: (event: string, listener: Listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    checkForUpdates,
    quitAndInstall: vi.fn(),
  } satisfies UpdaterLike;
  const emit = (event: string, ...args: unknown[]) =>
    (listeners.get(event) ?? []).forEach((listener) => (listener as (...a: unknown[]) => void)(...args));
  return { updater, emit, listeners };
}

function fakeLogger() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  } satisfies Logger;
}

const feed: FeedAccess = { url: 'https://hq.example/updates/win', caCert: null, token: 'tok' };

function setup({
  check,
  gate = { syncing: false, installWindow: null },
  at = new Date(2026, 11, 7, 12, 0),
  access = feed,
}: { check?: () => Promise<unknown>; gate?: UpdateGate; at?: Date; access?: FeedAccess | null } = {}) {
  const { updater, emit, listeners } = fakeUpdater(check);
  const statuses: UpdateStatus[] = [];
  const timers: Array<{ ms: number; run: () => void; unref: ReturnType<typeof vi.fn> }> = [];
  const logger = fakeLogger();
  const policy = applyUpdatePolicy(updater, {
    logger,
    appVersion: '1.0.0',
    desk: { setUpdateStatus: (status) => statuses.push(status), updateGate: async () => gate },
    feed: async () => access,
    now: () => at,
    setInterval: (run, ms) => {
      const timer = { ms, run, unref: vi.fn() };
      timers.push(timer);
      return timer;
    },
  });
  return { updater, emit, listeners, statuses, timers, logger, policy };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('applyUpdatePolicy', () => {
  test('renews the token while a download runs, and only then', async () => {
    const { updater, emit } = fakeUpdater();
    const timers: Array<{ ms: number; run: () => void }> = [];
    let issued = 0;
    const policy = applyUpdatePolicy(updater, {
      logger: fakeLogger(),
      appVersion: '1.0.0',
      desk: {},
      feed: async () => ({ ...feed, token: `tok${(issued += 1)}` }),
      setInterval: (run, ms) => (timers.push({ ms, run }), {}),
    });
    await settle();
    expect(updater.requestHeaders).toEqual({ authorization: 'Bearer tok1' });
    const renew = timers.find((timer) => timer.ms === TOKEN_RENEW_MS)!;
    renew.run();
    await settle();
    // Idle: no token is asked for.
    expect(issued).toBe(1);
    emit('update-available', { version: '1.0.1' });
    expect(policy.status().state).toBe('downloading');
    renew.run();
    await settle();
    expect(updater.requestHeaders).toEqual({ authorization: 'Bearer tok2' });
    expect(TOKEN_RENEW_MS).toBeLessThan(15 * 60_000);
  });

  test('downloads in the background, installs on quit, checks now and daily; timers never hold the process', async () => {
    const { updater, timers } = setup();
    await settle();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: feed.url });
    expect(updater.requestHeaders).toEqual({ authorization: 'Bearer tok' });
    expect(timers.map((timer) => timer.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS, INSTALL_TICK_MS, TOKEN_RENEW_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(24 * 60 * 60 * 1000);
    for (const timer of timers) expect(timer.unref).toHaveBeenCalled();
    timers[0]?.run();
    await settle();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    // The same feed again: the provider is not rebuilt, only the token renewed.
    expect(updater.setFeedURL).toHaveBeenCalledTimes(1);
  });

  test('reports each step to the desk: checking, downloading with percent, ready', async () => {
    const { emit, statuses } = setup();
    await settle();
    emit('checking-for-update');
    emit('update-available', { version: '1.1.0' });
    emit('download-progress', { percent: 41.6 });
    emit('update-downloaded', { version: '1.1.0' });
    expect(statuses.map((s) => [s.state, s.available, s.percent])).toEqual([
      ['checking', null, null],
      ['downloading', '1.1.0', 0],
      ['downloading', '1.1.0', 42],
      ['ready', '1.1.0', 100],
    ]);
    expect(statuses.at(-1)?.current).toBe('1.0.0');
  });

  test('a PC that is not enrolled reports off and never asks electron-updater', async () => {
    const { updater, statuses } = setup({ access: null });
    await settle();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(statuses.at(-1)?.state).toBe('off');
  });

  test('a failing check never throws; it reports a code the page can word', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const { statuses, policy, logger } = setup({ check: () => Promise.reject(error) });
    await expect(policy.check()).resolves.toBeUndefined();
    expect(statuses.at(-1)).toMatchObject({ state: 'error', error: 'unreachable' });
    expect(logger.warn).toHaveBeenCalled();
  });

  test('nothing offered to this PC (404) is not an error', async () => {
    const error = Object.assign(new Error('Cannot find channel "latest.yml"'), {
      code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    });
    const { statuses } = setup({ check: () => Promise.reject(error) });
    await settle();
    expect(statuses.at(-1)).toMatchObject({ state: 'idle', error: null });
  });

  test('installs a ready update inside the install window, never during a sync, never outside it', async () => {
    const window = { from: '22:00', to: '05:00' };
    const night = new Date(2026, 11, 7, 23, 30);
    for (const [gate, at, installs] of [
      [{ syncing: false, installWindow: window }, night, true],
      [{ syncing: true, installWindow: window }, night, false],
      [{ syncing: false, installWindow: window }, new Date(2026, 11, 7, 12, 0), false],
      [{ syncing: false, installWindow: null }, night, false],
    ] as const) {
      const { emit, updater, timers } = setup({ gate, at });
      await settle();
      emit('update-downloaded', { version: '1.1.0' });
      await settle();
      timers[1]?.run();
      await settle();
      if (installs) expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
      else expect(updater.quitAndInstall).not.toHaveBeenCalled();
    }
  });
});

describe('rules', () => {
  test('install window: same-day and over midnight; equal ends are no window', () => {
    const at = (h: number, m = 0) => new Date(2026, 0, 1, h, m);
    expect(inInstallWindow({ from: '02:00', to: '04:00' }, at(3))).toBe(true);
    expect(inInstallWindow({ from: '02:00', to: '04:00' }, at(4))).toBe(false);
    expect(inInstallWindow({ from: '22:00', to: '05:00' }, at(1))).toBe(true);
    expect(inInstallWindow({ from: '22:00', to: '05:00' }, at(12))).toBe(false);
    expect(inInstallWindow({ from: '03:00', to: '03:00' }, at(3))).toBe(false);
  });

  test('error codes', () => {
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'ERR_CHECKSUM_MISMATCH' }))).toBe('checksum');
    expect(
      updateErrorCode(
        Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
      ),
    ).toBe('certificate');
    expect(updateErrorCode(Object.assign(new Error('HttpError: 401'), { statusCode: 401 }))).toBe('refused');
    expect(updateErrorCode(new Error('something else'))).toBe('failed');
    // The token request's failures, from the sync's client.
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'tls_ca_mismatch' }))).toBe('certificate');
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'unreachable' }))).toBe('unreachable');
  });
});

test('startUpdater reports off when not packaged (and never loads electron-updater)', async () => {
  const logger = fakeLogger();
  const statuses: UpdateStatus[] = [];
  await startUpdater({
    logger,
    isPackaged: false,
    appVersion: '1.0.0',
    desk: { setUpdateStatus: (status) => statuses.push(status) },
    credentials: {
      description: '',
      protection: { kind: 'user_file', file: '', why: 'browser_host' },
      load: () => null,
      save() {},
      clear() {},
    },
  });
  expect(statuses).toEqual([expect.objectContaining({ state: 'off', current: '1.0.0' })]);
});
