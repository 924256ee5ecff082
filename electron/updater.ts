/**
 * The update policy, kept thin: electron-updater does the work (sha512 checks, differential
 * downloads from block maps; docs/architecture/updates.md), against head office's feed
 * (update-feed.ts). Policy: check at start and daily, download in the background, install when the
 * app quits — or, when the store has an install window, inside it, but never while a sync runs
 * (`desk.updateGate()`). Every step is reported with `desk.setUpdateStatus()` for the About/Sync
 * page. Nothing here may throw into main: updates are never worth stopping the counter for.
 *
 * electron-updater is loaded with a dynamic import inside startUpdater, so unpackaged runs never load
 * it and the policy (applyUpdatePolicy) is unit-tested with a fake updater in plain Node.
 */
import type { AppUpdater } from 'electron-updater';
import type { Logger, UpdateGate, UpdateStatus } from '../db/desk-types';
import type { CredentialStore } from '../db/sync/credentials';
import type { PinnedHttpExecutor } from './update-http';
import { applyFeed, feedPlatform, fetchFeedAccess, type FeedAccess, type FeedTarget } from './update-feed';
import { inInstallWindow, initialStatus, isNothingOffered, updateErrorCode } from './update-status';

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often a downloaded update looks at the install window. */
export const INSTALL_TICK_MS = 5 * 60 * 1000;
/**
 * How often the access token is renewed while a check or download runs: well inside head office's
 * 15 minutes, so a slow download's next request never goes out with an expired token.
 */
export const TOKEN_RENEW_MS = 10 * 60 * 1000;

type Listener = (...args: never[]) => void;

/** The parts of electron-updater's AppUpdater the policy touches. */
export type UpdaterLike = FeedTarget & {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
  on(event: string, listener: Listener): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
};

/** The desk's side: where the state goes, and what an install must wait for. */
export type UpdateDesk = {
  setUpdateStatus?(status: UpdateStatus): void;
  updateGate?(): Promise<UpdateGate>;
};

export type UpdatePolicyOptions = {
  logger: Logger;
  appVersion: string;
  desk: UpdateDesk;
  /** The feed for this PC now; null when it is not enrolled (no updates then). */
  feed: () => Promise<FeedAccess | null>;
  intervalMs?: number;
  installTickMs?: number;
  tokenRenewMs?: number;
  /** The feed's HTTP client (tests count and slow its requests). */
  newExecutor?: (caCert: string | null) => PinnedHttpExecutor;
  /** Injectable timer and clock for tests. */
  setInterval?: (callback: () => void, ms: number) => { unref?: () => unknown };
  now?: () => Date;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type UpdatePolicy = { check(): Promise<void>; tryInstall(): Promise<boolean>; status(): UpdateStatus };

/** Configures `updater`, starts checking now and every `intervalMs`, and installs in the store's window. */
export function applyUpdatePolicy(updater: UpdaterLike, options: UpdatePolicyOptions): UpdatePolicy {
  const { logger, desk } = options;
  const now = options.now ?? (() => new Date());
  let status = initialStatus(options.appVersion, 'idle');
  const report = (next: Partial<UpdateStatus>) => {
    status = { ...status, ...next };
    try {
      desk.setUpdateStatus?.(status);
    } catch (error) {
      logger.warn('Update status not delivered to the desk', { error: errorText(error) });
    }
  };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // electron-updater logs each step (checking, found, downloading, downloaded) through this.
  updater.logger = {
    info: (message) => logger.info(`updater: ${String(message)}`),
    warn: (message) => logger.warn(`updater: ${String(message)}`),
    error: (message) => logger.error(`updater: ${String(message)}`),
  };
  updater.on('checking-for-update', () => report({ state: 'checking', error: null }));
  updater.on('update-available', ((info: { version: string }) =>
    report({ state: 'downloading', available: info.version, percent: 0, checkedAt: now().toISOString() })) as Listener);
  updater.on('update-not-available', (() =>
    report({ state: 'idle', available: null, percent: null, checkedAt: now().toISOString() })) as Listener);
  updater.on('download-progress', ((progress: { percent: number }) =>
    report({ percent: Math.max(0, Math.min(100, Math.round(progress.percent))) })) as Listener);
  updater.on('update-downloaded', ((event: { version: string }) => {
    report({ state: 'ready', available: event.version, percent: 100 });
    void tryInstall();
  }) as Listener);
  // Without an 'error' listener, EventEmitter would throw the updater's errors into main.
  updater.on('error', ((error: Error) => failed(error)) as Listener);

  let feed: { url: string; caCert: string | null } | null = null;
  function failed(error: unknown): void {
    if (isNothingOffered(error)) {
      report({ state: 'idle', available: null, percent: null, error: null, checkedAt: now().toISOString() });
      return;
    }
    logger.warn('Update failed; will retry at the next check', { error: errorText(error) });
    report({ state: 'error', percent: null, error: updateErrorCode(error) });
  }

  const check = async (): Promise<void> => {
    if (status.state === 'checking' || status.state === 'downloading') return;
    try {
      const access = await options.feed();
      if (!access) {
        report({ ...initialStatus(options.appVersion, 'off') });
        return;
      }
      applyFeed(updater, access, feed, options.newExecutor);
      feed = { url: access.url, caCert: access.caCert };
      await updater.checkForUpdates();
    } catch (error) {
      // electron-updater has usually reported it through 'error' already; reporting twice is harmless.
      failed(error);
    }
  };

  /** Installs now if an update is ready, no sync runs and the store's window is open. */
  async function tryInstall(): Promise<boolean> {
    if (status.state !== 'ready' || !desk.updateGate) return false;
    try {
      const gate = await desk.updateGate();
      if (gate.syncing || !inInstallWindow(gate.installWindow, now())) return false;
      logger.info('Installing the downloaded update inside the store’s install window', { version: status.available });
      updater.quitAndInstall(true, true);
      return true;
    } catch (error) {
      logger.warn('Install postponed', { error: errorText(error) });
      return false;
    }
  }

  /** A check or download still running gets a fresh token for its next requests. */
  async function renewToken(): Promise<void> {
    if (status.state !== 'checking' && status.state !== 'downloading') return;
    try {
      const access = await options.feed();
      if (!access) return;
      applyFeed(updater, access, feed, options.newExecutor);
      feed = { url: access.url, caCert: access.caCert };
    } catch (error) {
      // The download goes on with the token it has; if that expires, the next daily check retries.
      logger.warn('The update token could not be renewed', { error: errorText(error) });
    }
  }

  void check();
  const every = options.setInterval ?? setInterval;
  // The timers alone must never keep the process alive.
  every(() => void check(), options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS).unref?.();
  every(() => void tryInstall(), options.installTickMs ?? INSTALL_TICK_MS).unref?.();
  every(() => void renewToken(), options.tokenRenewMs ?? TOKEN_RENEW_MS).unref?.();
  return { check, tryInstall, status: () => status };
}

/** Starts automatic updates for a packaged app; reports 'off' when running from the source tree. */
export async function startUpdater(options: {
  logger: Logger;
  isPackaged: boolean;
  appVersion: string;
  desk: UpdateDesk;
  credentials: CredentialStore;
}): Promise<void> {
  const { logger, desk } = options;
  const platform = feedPlatform(process.platform);
  if (!options.isPackaged || !platform) {
    logger.info('Not packaged (or no feed for this platform): automatic updates are off');
    desk.setUpdateStatus?.(initialStatus(options.appVersion, 'off'));
    return;
  }
  try {
    // electron-updater is CommonJS and defines `autoUpdater` with a lazy getter that Node's ESM
    // named-export detection does not see, so it is read from the default export.
    const { default: electronUpdater } = await import('electron-updater');
    const updater: AppUpdater = electronUpdater.autoUpdater;
    applyUpdatePolicy(updater as unknown as UpdaterLike, {
      logger,
      appVersion: options.appVersion,
      desk,
      feed: async () =>
        fetchFeedAccess({
          credentials: options.credentials,
          server: (await desk.updateGate?.())?.server ?? null,
          platform,
        }),
    });
  } catch (error) {
    logger.error('Automatic updates could not start', { error: errorText(error) });
  }
}
