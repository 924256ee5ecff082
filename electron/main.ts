/**
 * The Electron entry (built to out/main/main.js, ESM): lifecycle only. It starts the store process
 * (the desk, sync and backups in a utilityProcess: docs/architecture/store-process.md), binds its
 * proxy desk to IPC, opens the hardened window and starts the updater; everything with logic lives
 * in a module of its own and is tested there.
 */
import { app, dialog, ipcMain, protocol, webContents } from 'electron';
import type { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import type { Desk, Logger } from '../db/desk-types';
import { createLogger, logFolder } from '../db/log';
import type { CredentialStore, DeviceCredentials } from '../db/sync/credentials';
import { safeStorageCredentials } from './sync-credentials';
import { StoreOpenError, startStoreProcess } from './store/supervisor';
import { storeUtilityProcess } from './store/utility-child';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { bindDesk } from './ipc';
import { databaseLocation, forcedLanguageFrom } from './paths';
import { startPrinting } from './print/electron-print';
import { startUpdater } from './updater';
import { createMainWindow, installHardening } from './window';

const logger = createLogger({
  scope: 'main',
  logDir: logFolder(databaseLocation(process.env, app.getPath('userData')).dir),
});

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/**
 * Signal's global_errors pattern: nothing fails silently. An uncaught exception leaves main in an
 * unknown state, so it is logged with its stack, shown, and the app exits; SQLite's transactions
 * keep the file consistent. An unhandled rejection is logged and the app keeps serving the counter:
 * desk calls never reject (errors travel as data), so one would come from a side job such as updates.
 */
function installCrashHandlers(): void {
  process.on('uncaughtException', (error: unknown) => {
    logger.error('Uncaught exception', { error: errorText(error) });
    dialog.showErrorBox('Counterdesk 出错，即将退出 / Counterdesk hit an error and will close', errorText(error));
    app.exit(1);
  });
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error('Unhandled promise rejection', { error: errorText(reason) });
  });
  app.on('render-process-gone', (_event, _contents, details) => {
    if (details.reason === 'clean-exit') return;
    logger.error('A renderer process is gone', { reason: details.reason, exitCode: details.exitCode });
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    logger.error('A child process is gone', { type: details.type, reason: details.reason, exitCode: details.exitCode });
  });
}

/**
 * The PC's saved sync credentials, or none when they cannot be read (the keyring changed, the file
 * is damaged): the counter then works unenrolled and says so on the Sync page, as it always has,
 * instead of refusing to start.
 */
function savedCredentials(credentials: CredentialStore, log: Logger): DeviceCredentials | null {
  try {
    return credentials.load();
  } catch (error) {
    log.warn('The saved sync credentials could not be read; working unenrolled', { error: errorText(error) });
    return null;
  }
}

async function openDeskOrExplain(log: Logger): Promise<Desk | null> {
  const { file, dir } = databaseLocation(process.env, app.getPath('userData'));
  const language = process.env['COUNTERDESK_LANG'];
  const forcedLanguage = forcedLanguageFrom(language);
  if (language && forcedLanguage === null)
    log.warn('COUNTERDESK_LANG is not zh-CN or en; ignored', { value: language });
  // safeStorage exists only in main: main keeps the sync credentials, the store process a copy.
  const credentials = safeStorageCredentials(dir);
  try {
    const desk = await startStoreProcess({
      spawn: () => storeUtilityProcess(fileURLToPath(new URL('../store/store.js', import.meta.url)), log),
      init: {
        file,
        appVersion: app.getVersion(),
        host: 'electron',
        forcedLanguage,
        schedule: true,
        logDir: logFolder(dir),
        credentials: {
          kind: 'shell',
          saved: savedCredentials(credentials, log),
          description: credentials.description,
          protection: credentials.protection,
        },
      },
      logger: log,
      onCredentials: (saved) => (saved ? credentials.save(saved) : credentials.clear()),
    });
    log.info('Desk open', { file });
    return desk;
  } catch (error) {
    // E.g. a database written by a newer Counterdesk: its message names both versions. The file is
    // left exactly as it is; the person at the counter needs to know why the app will not start.
    log.error('The database could not be opened', { file, error: errorText(error) });
    const message = error instanceof Error ? error.message : String(error);
    const detail = message.includes(file) ? message : `${message}\n\n${file}`;
    const title =
      error instanceof StoreOpenError
        ? 'Counterdesk 无法打开数据库 / Counterdesk cannot open its database'
        : 'Counterdesk 无法启动数据存储 / Counterdesk cannot start its store';
    dialog.showErrorBox(title, detail);
    return null;
  }
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let desk: Desk | null = null;
  let unbindDesk: (() => void) | null = null;

  // A second launch (double-clicked icon) brings the running window forward instead of opening
  // the same SQLite file twice.
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  // A service manager's or the OS's SIGTERM quits like the window's close: the store process closes first.
  process.on('SIGTERM', () => app.quit());

  // The app is one window; closing it ends the app on every platform, macOS included.
  app.on('window-all-closed', () => app.quit());

  // Close the store process (sync stopped, database closed; killed if it hangs) before the app
  // ends: quitting waits for it once.
  app.on('will-quit', (event) => {
    if (!desk) return;
    event.preventDefault();
    const closing = desk;
    desk = null;
    unbindDesk?.();
    unbindDesk = null;
    closing
      .close()
      .catch((error: unknown) => logger.error('The desk did not close cleanly', { error: errorText(error) }))
      // The log file's last lines are written out before the process ends.
      .finally(() => void logger.close().finally(() => app.quit()));
  });

  app
    .whenReady()
    .then(async () => {
      serveAppProtocol(protocol, logger);
      installHardening(logger);
      desk = await openDeskOrExplain(logger);
      if (!desk) {
        // Exit without running will-quit handlers or touching the file again; non-zero for scripts.
        app.exit(1);
        return;
      }
      unbindDesk = bindDesk(desk, ipcMain, { logger, listTargets: () => webContents.getAllWebContents() });
      // The updater asks head office for a token with the PC's credentials (kept here, in main).
      const credentials = safeStorageCredentials(databaseLocation(process.env, app.getPath('userData')).dir);
      startPrinting(ipcMain, logger);
      mainWindow = createMainWindow(logger);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      await startUpdater({ logger, isPackaged: app.isPackaged, appVersion: app.getVersion(), desk, credentials });
    })
    .catch((error: unknown) => {
      logger.error('Start-up failed', { error: errorText(error) });
      dialog.showErrorBox('Counterdesk 无法启动 / Counterdesk cannot start', errorText(error));
      app.exit(1);
    });
}

installCrashHandlers();
// Privileged schemes must be registered before 'ready'.
registerAppScheme(protocol);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  logger.info('Counterdesk is already running; handing over to it');
  app.quit();
}
