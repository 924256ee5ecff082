import { describe, expect, test, vi } from 'vitest';
import type { Logger } from '../../db/desk-types';
import type { UpdaterLike } from '../../electron/updater';
import { applyUpdatePolicy, startUpdater, UPDATE_CHECK_INTERVAL_MS } from '../../electron/updater';

function fakeUpdater(check: () => Promise<unknown> = async () => null) {
  const errorListeners: Array<(error: Error, message?: string) => void> = [];
  const checkForUpdates = vi.fn(check);
  const updater: UpdaterLike & { checkForUpdates: typeof checkForUpdates } = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    on: (_event, listener) => errorListeners.push(listener),
    checkForUpdates,
  };
  return { updater, errorListeners };
}

function fakeLogger() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  } satisfies Logger;
}

describe('applyUpdatePolicy', () => {
  test('downloads in the background, installs on quit, checks now and every 4 hours', () => {
    const { updater } = fakeUpdater();
    const timers: Array<{ ms: number; run: () => void; unref: ReturnType<typeof vi.fn> }> = [];
    applyUpdatePolicy(updater, {
      logger: fakeLogger(),
      setInterval: (run, ms) => {
        const timer = { ms, run, unref: vi.fn() };
        timers.push(timer);
        return timer;
      },
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(UPDATE_CHECK_INTERVAL_MS);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(4 * 60 * 60 * 1000);
    expect(timers[0]?.unref).toHaveBeenCalled();
    timers[0]?.run();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  test('a failing check (no network) never throws or rejects', async () => {
    const { updater } = fakeUpdater(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')));
    const logger = fakeLogger();
    const check = applyUpdatePolicy(updater, { logger, setInterval: () => ({}) });
    await expect(check()).resolves.toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith('Update check did not complete', { error: 'net::ERR_NAME_NOT_RESOLVED' });
  });

  test("listens for 'error' (an unheard EventEmitter error would crash main) and logs it", () => {
    const { updater, errorListeners } = fakeUpdater();
    const logger = fakeLogger();
    applyUpdatePolicy(updater, { logger, setInterval: () => ({}) });
    expect(errorListeners).toHaveLength(1);
    errorListeners[0]?.(new Error('sha512 checksum mismatch'));
    expect(logger.warn).toHaveBeenCalledWith('Update failed; will retry at the next check', {
      error: expect.stringContaining('sha512 checksum mismatch'),
    });
  });

  test("routes electron-updater's own log lines to our logger", () => {
    const { updater } = fakeUpdater();
    const logger = fakeLogger();
    applyUpdatePolicy(updater, { logger, setInterval: () => ({}) });
    updater.logger?.info('Checking for update');
    expect(logger.info).toHaveBeenCalledWith('updater: Checking for update');
  });
});

test('startUpdater does nothing when not packaged (and never loads electron-updater)', async () => {
  const logger = fakeLogger();
  await expect(startUpdater({ logger, isPackaged: false })).resolves.toBeUndefined();
  expect(logger.info).toHaveBeenCalledWith('Not packaged: automatic updates are off');
});
