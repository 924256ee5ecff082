/**
 * End-to-end fixture for the head-office console: an embedded PostgreSQL, head office over HTTPS
 * with its own CA serving the built console (out/console, `npm run build`), and Debian's Chromium.
 * Staff accounts are made directly in the database; signing in goes through the page like a person.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ConsoleStaff } from '../../headoffice/console/contract/session';
import type { ConsoleRole } from '../../headoffice/console/roles';
import { createStaff } from '../../headoffice/console/sessions';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres, type LocalPostgres } from '../../headoffice/db/postgres';
import { startHeadOffice, type HeadOffice } from '../../headoffice/server';
import { makeTestCertificates } from '../../headoffice/tls';
import { freePort } from '../headoffice/global-setup';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(root, 'test-results/console');

export type ConsoleRig = {
  db: HqDatabase;
  server: HeadOffice;
  browser: Browser;
  /** https://127.0.0.1:PORT/console/ */
  consoleUrl: string;
  /** Head office's CA certificate, for a counter PC that enrolls with it. */
  caCert: string;
  stop(): Promise<void>;
};

export async function startConsoleRig(): Promise<ConsoleRig> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-console-'));
  let pg: LocalPostgres | null = null;
  pg = await startLocalPostgres({ dataDir: join(folder, 'pg'), port: await freePort(), ephemeral: true });
  await ensureDatabase(pg.url, 'headoffice');
  const db = connectHq(pg.urlFor('headoffice'));
  await migrateHq(db);
  const tls = await makeTestCertificates(['localhost']);
  const server = await startHeadOffice({ db, tls, consoleDir: join(root, 'out/console') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    db,
    server,
    browser,
    consoleUrl: `${server.url}/console/`,
    caCert: tls.caCert,
    async stop() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await db.destroy().catch(() => {});
      await pg?.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type ConsoleWindow = { context: BrowserContext; page: Page };

/** A browser window on the console: 1366×768 (the common office screen) unless told otherwise. */
export async function openConsole(
  rig: ConsoleRig,
  {
    locale = 'zh-CN',
    viewport = { width: 1366, height: 768 },
  }: { locale?: 'zh-CN' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<ConsoleWindow> {
  // The head office's CA is made for the test; the browser is not asked to trust it.
  const context = await rig.browser.newContext({ ignoreHTTPSErrors: true, locale, viewport });
  // The first language of the window; a switch made on the page is kept across reloads.
  await context.addInitScript((language) => {
    if (!window.localStorage.getItem('counterdesk.language'))
      window.localStorage.setItem('counterdesk.language', language);
  }, locale);
  const page = await context.newPage();
  await page.goto(rig.consoleUrl);
  return { context, page };
}

let made = 0;

/** A new account of `role` (password known to the test), not yet signed in. */
export async function makeStaff(
  rig: ConsoleRig,
  role: ConsoleRole,
  displayName = `${role} ${made + 1}`,
): Promise<ConsoleStaff & { password: string }> {
  made += 1;
  const password = `e2e-password-${made}`;
  const staff = await createStaff(rig.db, { username: `${role}.${made}`, displayName, role, password });
  return { ...staff, password };
}

/** Signs in through the sign-in page, as a person would; waits for the signed-in header. */
export async function signInConsole(
  page: Page,
  staff: { username: string; password: string; displayName: string },
): Promise<void> {
  await page.locator('#hq-username').fill(staff.username);
  await page.locator('#hq-password').fill(staff.password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('staff-menu').filter({ hasText: staff.displayName }).waitFor();
}

/** The page scrolls sideways by this many pixels (0 when it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
