/**
 * The main window and the deny-by-default hardening of every webContents (docs/ELECTRON.md §1, items
 * 2–6 and 11–15 of Electron's security checklist). The window keeps Electron's safe defaults and
 * states them anyway, so a reader (and electronegativity) need not know the defaults.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session, shell } from 'electron';
import type { WebContents } from 'electron';
import type { Logger } from '../db/desk-types';
import { APP_INDEX_URL, isAllowedExternalUrl, isTrustedAppUrl } from './trusted-url';

/** out/preload/preload.cjs next to out/main: `import.meta.url` is the main bundle's URL. */
function preloadPath(): string {
  return fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
}

export function createMainWindow(logger: Logger): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Counterdesk',
    width: 1280,
    height: 800,
    // Shown on ready-to-show, so the counter never sees a blank white frame while the bundle loads.
    show: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    logger.error('The main window could not load the app', { url: APP_INDEX_URL, error: String(error) });
  });
  return window;
}

function hardenWebContents(contents: WebContents, logger: Logger): void {
  // The app is one page with hash routes: any real navigation away from it is an attack or a bug.
  contents.on('will-navigate', (event) => {
    if (isTrustedAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked a navigation away from the app', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    if (isTrustedAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked a redirect away from the app', { url: event.url });
  });
  // No new windows, ever. Links on the allow-list (empty today) go to the system browser instead;
  // openExternal is reached only through isAllowedExternalUrl.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell
        .openExternal(url)
        .catch((error: unknown) => logger.warn('Could not open an external link', { url, error: String(error) }));
    } else {
      logger.warn('Blocked a new window', { url });
    }
    return { action: 'deny' };
  });
  // The webview tag is off in webPreferences; this also stops any webContents that turns it on.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });
}

/**
 * Call once when the app is ready, before the first window: hardens every webContents created
 * from now on, and denies every permission (camera, notifications, geolocation, clipboard read,
 * HID/USB/serial…) on the default session; the app needs none of them.
 */
export function installHardening(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Denied a permission request', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
