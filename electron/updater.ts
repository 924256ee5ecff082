/**
 * The update policy, kept thin: electron-updater does the work (feed from electron-builder.yml's
 * `publish`, sha512 checks, differential downloads; docs/ELECTRON.md §3). Policy: when packaged, check at
 * start and every 4 hours, download in the background, install when the app quits. Nothing here
 * may throw into main: updates are never worth stopping the counter for.
 *
 * electron-updater is loaded with a dynamic import inside startUpdater, so unpackaged runs never load
 * it and the policy (applyUpdatePolicy) is unit-tested with a fake updater in plain Node.
 */
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../db/desk-types';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** The parts of electron-updater's AppUpdater the policy touches. */
export type UpdaterLike = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
  checkForUpdates(): Promise<unknown>;
};

export type UpdatePolicyOptions = {
  logger: Logger;
  intervalMs?: number;
  /** Injectable timer for tests. */
  setInterval?: (callback: () => void, ms: number) => { unref?: () => unknown };
};

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Configures `updater` and starts checking now and every `intervalMs`. Returns a check function. */
export function applyUpdatePolicy(updater: UpdaterLike, options: UpdatePolicyOptions): () => Promise<void> {
  const { logger } = options;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // electron-updater logs each step (checking, found, downloading, downloaded) through this.
  updater.logger = {
    info: (message) => logger.info(`updater: ${String(message)}`),
    warn: (message) => logger.warn(`updater: ${String(message)}`),
    error: (message) => logger.error(`updater: ${String(message)}`),
  };
  // Without an 'error' listener, EventEmitter would throw the updater's errors into main.
  updater.on('error', (error) =>
    logger.warn('Update failed; will retry at the next check', { error: errorText(error) }),
  );

  const check = async (): Promise<void> => {
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // Already reported through the 'error' event; swallowed so a closed network is not a crash.
      logger.info('Update check did not complete', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  void check();
  const timer = (options.setInterval ?? setInterval)(
    () => void check(),
    options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS,
  );
  // The timer alone must never keep the process alive.
  timer.unref?.();
  return check;
}

/** Starts automatic updates for a packaged app; a no-op when running from the source tree. */
export async function startUpdater(options: { logger: Logger; isPackaged: boolean }): Promise<void> {
  const { logger } = options;
  if (!options.isPackaged) {
    logger.info('Not packaged: automatic updates are off');
    return;
  }
  try {
    // electron-updater is CommonJS and defines `autoUpdater` with a lazy getter that Node's ESM
    // named-export detection does not see, so it is read from the default export.
    const { default: electronUpdater } = await import('electron-updater');
    const updater: AppUpdater = electronUpdater.autoUpdater;
    applyUpdatePolicy(updater, { logger });
  } catch (error) {
    logger.error('Automatic updates could not start', { error: errorText(error) });
  }
}
