/**
 * End-to-end fixture (docs/STYLE.md §15): the built browser host on a fresh data folder per test, in
 * Debian's Chromium driven by playwright-core. Waits on app signals (the printed address, roles
 * and names on the page), never on timeouts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags the probe found necessary on this closed network (see docs/ELECTRON.md §5). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const child = spawn(process.execPath, [hostScript, '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /COUNTERDESK_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code} before printing its address:\n${output}`)));
  });
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 800 },
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(host.launchUrl);
  return {
    host,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await host.stop();
      // A CSP violation or an uncaught error is a failure even when the workflow looked fine.
      if (problems.length > 0) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
    },
  };
}
