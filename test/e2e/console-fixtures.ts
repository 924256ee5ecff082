/**
 * End-to-end fixture for the head-office console: an embedded PostgreSQL, head office over HTTPS
 * with its own CA serving the built console (out/console, `npm run build`), and the tests' Chromium
 * (test/support/browser.ts).
 * Staff accounts are made directly in the database; signing in goes through the page like a person.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConsoleStaff } from '../../headoffice/console/contract/session';
import type { ConsoleRole } from '../../headoffice/console/roles';
import { createStaff } from '../../headoffice/console/sessions';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres, type LocalPostgres } from '../../headoffice/db/postgres';
import { startHeadOffice, type HeadOffice } from '../../headoffice/server';
import { makeTestCertificates } from '../../headoffice/tls';
import { freePort } from '../headoffice/global-setup';
import { launchTestBrowser } from '../support/browser';

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

/**
 * How long a file's `beforeAll` may take to start its rig. Starting the embedded PostgreSQL runs
 * initdb: about 11 s of the rig's 23 s on a quiet machine, and over a minute when two end-to-end
 * files and other work share the two cores, which overran the 60 s hook limit.
 */
export const RIG_START_MS = 180_000;

export async function startConsoleRig(): Promise<ConsoleRig> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-console-'));
  let pg: LocalPostgres | null = null;
  let db: HqDatabase | null = null;
  let server: HeadOffice | null = null;
  let browser: Browser;
  let tls: Awaited<ReturnType<typeof makeTestCertificates>>;
  try {
    pg = await startLocalPostgres({ dataDir: join(folder, 'pg'), port: await freePort(), ephemeral: true });
    await ensureDatabase(pg.url, 'headoffice');
    db = connectHq(pg.urlFor('headoffice'));
    await migrateHq(db);
    tls = await makeTestCertificates(['localhost']);
    server = await startHeadOffice({ db, tls, consoleDir: join(root, 'out/console') });
    browser = await launchTestBrowser();
  } catch (error) {
    // Whatever started must not outlive the failed start (PostgreSQL above all).
    await server?.close().catch(() => {});
    await db?.destroy().catch(() => {});
    await pg?.stop().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = { db, server };
  return {
    ...started,
    browser,
    consoleUrl: `${started.server.url}/console/`,
    caCert: tls.caCert,
    async stop() {
      await browser.close().catch(() => {});
      await started.server.close().catch(() => {});
      await started.db.destroy().catch(() => {});
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

/**
 * How far the page scrolls sideways, in pixels (0 when it fits). Tests poll it (`expect.poll`): a select's list or a message
 * still animating out may stick out for a moment on a busy machine; what stays is a real overflow.
 */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
