/**
 * End-to-end fixture (docs/STYLE.md §15): the built browser host on a fresh data folder per test, in
 * the Chromium from the npm registry (test/support/browser.ts) driven by playwright-core. Waits on
 * app signals (the printed address, roles and names on the page), never on timeouts.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchTestBrowser, testChromium } from '../support/browser';
import { spawnTracked } from '../support/test-processes';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A host asked to stop has this long to close its store before it is killed. */
const STOP_GRACE_MS = 10_000;

export type RunningHost = {
  launchUrl: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

export async function startHost({
  dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-e2e-')),
  env = {},
}: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const hostScript = join(root, 'out/host/host.js');
  if (!existsSync(hostScript))
    throw new Error('out/host/host.js is missing: run `npm run build` first (npm run test:e2e does).');
  // "Save as PDF" in the host renders with the same browser as the tests (electron/print/host-pdf.ts).
  const browserEnv = process.env.COUNTERDESK_CHROMIUM ? {} : { COUNTERDESK_CHROMIUM: testChromium() };
  const child = spawnTracked(process.execPath, [hostScript, '--data-dir', dataDir], {
    marker: dataDir,
    cwd: root,
    env: { ...process.env, ...browserEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(kill);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /COUNTERDESK_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      reject(new Error(`host exited (${signal ?? code}) before printing its address:\n${output}`)),
    );
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    process: child,
    output: () => output,
    stop,
  };
}

export type Counter = {
  host: RunningHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
};

/** A counter PC: a host on a fresh store and a Chromium window on it, in the given browser locale. */
export async function openCounter({
  locale = 'en-US',
  env = {},
  dataDir,
  timezoneId,
}: { locale?: string; env?: Record<string, string>; dataDir?: string; timezoneId?: string } = {}): Promise<Counter> {
  const host = await startHost(dataDir ? { env, dataDir } : { env });
  let browser: Browser | null = null;
  const problems: string[] = [];
  let context: BrowserContext;
  let page: Page;
  try {
    browser = await launchTestBrowser();
    context = await browser.newContext({
      locale,
      viewport: { width: 1280, height: 800 },
      ...(timezoneId ? { timezoneId } : {}),
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(host.launchUrl);
  } catch (error) {
    // The host would otherwise outlive the failed test.
    await browser?.close().catch(() => {});
    await host.stop();
    throw error;
  }
  const launched = browser;
  return {
    host,
    browser: launched,
    context,
    page,
    async close() {
      try {
        await launched.close();
      } finally {
        await host.stop();
      }
      // A CSP violation or an uncaught error is a failure even when the workflow looked fine.
      if (problems.length > 0) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
    },
  };
}
