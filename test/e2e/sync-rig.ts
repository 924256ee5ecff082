/**
 * What every sync walk-through in a browser starts from (sync-walkthrough, live-refresh): head office
 * on an embedded PostgreSQL over HTTPS with its own CA, as `npm run headoffice` makes it without
 * --database-url; one browser; the counters' browser hosts, stopped at the end; and the page errors
 * and console errors of every window, which a test expects to be none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres, type LocalPostgres } from '../../headoffice/db/postgres';
import { startHeadOffice, type HeadOffice } from '../../headoffice/server';
import { makeTestCertificates, type TlsMaterial } from '../../headoffice/tls';
import { freePort } from '../headoffice/global-setup';
import { launchTestBrowser } from '../support/browser';
import type { RunningHost } from './fixtures';

export type SyncRig = {
  /** The test's folder: head office's database and each PC's data folder. */
  readonly folder: string;
  readonly problems: string[];
  readonly db: HqDatabase;
  readonly tls: TlsMaterial;
  readonly server: HeadOffice;
  readonly browser: Browser;
  /** Head office goes down (the line is cut) … */
  stopHeadOffice(): Promise<void>;
  /** … and comes back on the same address. */
  startHeadOfficeAgain(): Promise<void>;
  /** A host to stop when the file ends. */
  keep(host: RunningHost): void;
  /** Records the window's page and console errors under `label`. */
  watch(page: Page, label: string): void;
};

/** Starts the rig before the file's tests and takes it down after them. */
export function useSyncRig(name: string): SyncRig {
  const folder = mkdtempSync(join(tmpdir(), `counterdesk-${name}-`));
  const problems: string[] = [];
  const hosts: RunningHost[] = [];
  let pg: LocalPostgres | undefined;
  let db: HqDatabase | undefined;
  let tls: TlsMaterial | undefined;
  let server: HeadOffice | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the sync rig's ${what} is not started (used outside a test?)`);
    return value;
  };

  beforeAll(async () => {
    pg = await startLocalPostgres({ dataDir: join(folder, 'pg'), port: await freePort(), ephemeral: true });
    await ensureDatabase(pg.url, 'headoffice');
    db = connectHq(pg.urlFor('headoffice'));
    await migrateHq(db);
    tls = await makeTestCertificates(['localhost']);
    server = await startHeadOffice({ db, tls });
    browser = await launchTestBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
    await server?.close().catch(() => {});
    await db?.destroy();
    await pg?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  return {
    folder,
    problems,
    get db() {
      return ready(db, 'database');
    },
    get tls() {
      return ready(tls, 'certificates');
    },
    get server() {
      return ready(server, 'head office');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async stopHeadOffice() {
      await ready(server, 'head office').close();
    },
    async startHeadOfficeAgain() {
      const port = ready(server, 'head office').port;
      server = await startHeadOffice({ db: ready(db, 'database'), tls: ready(tls, 'certificates'), port });
    },
    keep(host) {
      hosts.push(host);
    },
    watch(page, label) {
      page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${label}: console error: ${message.text()}`);
      });
    },
  };
}
