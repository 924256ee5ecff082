// `npm run bench:pages [-- --peer <out folder> --rounds N --json]`: how fast the counter's pages,
// search and forms are in the browser host, as a person at a 1366×768 counter would see them.
// Builds first when out/ is older than the sources. Runs the built host (out/host/host.js) on a
// copy of the demo store (made once under test/.cache/, as `npm run demo` makes it) in the tests'
// Chromium (test/support/browser.ts), signed in as the demo admin, and measures, warm:
//   page switch  menu click → the new page's content on screen, nothing loading (every page, N rounds)
//   search       last key typed in the counter's search → its results on screen
//   form to PDF  the print route in a new tab → its ready signal → page.pdf (Electron's path), and
//                the host's "Save as PDF" (GET /print.pdf), each request to last byte
// `--peer <dir>` runs the same against another build (e.g. a copy of out/ from before a change)
// in the same run, on the same store, so the machine's noise falls on both alike.
/* global document, window, requestAnimationFrame -- switchTo and searchResults run in the page */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAll, version } from './build.mjs';
import { staleReason } from './out-fresh.mjs';
import { launchTestBrowser, testChromium } from '../test/support/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    peer: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    searches: { type: 'string', default: '36' },
    pdfs: { type: 'string', default: '12' },
    json: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const SEARCHES = Number(values.searches);
const PDFS = Number(values.pdfs);
const log = (line) => process.stderr.write(`${line}\n`);
const TARGETS = { pageSwitch: 300, search: 200, pdf: 1000 };
/** Surnames and pinyin the demo store's 3,000 customers answer to. */
const QUERIES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', 'wang', 'zhang', 'chen', 'li', 'zh', 'wl'];

const stale = staleReason(root, version);
if (stale) {
  log(`Building out/ first (${stale}).`);
  await buildAll({ clean: false });
}

function run(command, args, options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
    child.stdout.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${args[0]} exited with ${code}`))));
  });
}

/** The demo store, made once per version of the seeder (its bundle's hash names the folder). */
async function demoStore() {
  const seeder = join(root, 'out/demo/demo.js');
  const hash = createHash('sha256').update(readFileSync(seeder)).digest('hex').slice(0, 12);
  const dir = join(root, 'test/.cache', `bench-pages-demo-${hash}`);
  if (!existsSync(join(dir, 'counterdesk.sqlite'))) {
    log('Making the demo store (once, about 25 s) …');
    rmSync(`${dir}.building`, { recursive: true, force: true });
    await run(process.execPath, [seeder, '--data-dir', `${dir}.building`]);
    cpSync(`${dir}.building`, dir, { recursive: true });
    rmSync(`${dir}.building`, { recursive: true, force: true });
  }
  return dir;
}

/** A host of the build in `outDir` on a fresh copy of the store; resolves with its launch address. */
async function startHost(outDir, storeDir) {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-bench-pages-'));
  cpSync(storeDir, dataDir, { recursive: true });
  const child = spawn(process.execPath, [join(outDir, 'host/host.js'), '--data-dir', dataDir, '--lang', 'zh-CN'], {
    cwd: root,
    env: { ...process.env, COUNTERDESK_CHROMIUM: process.env.COUNTERDESK_CHROMIUM ?? testChromium() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise((done, fail) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /COUNTERDESK_URL=(\S+)/.exec(output);
      if (match) done(match[1]);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => fail(new Error(`the host exited (${code}):\n${output}`)));
  });
  const stop = async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { launchUrl, origin: new URL(launchUrl).origin, stop };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)) };
}

/**
 * In the page: clicks the menu link to `target` and resolves with the milliseconds until the first
 * of two frames in a row where the content area holds a new page with nothing loading in it.
 */
function switchTo(target) {
  const content = () => document.querySelector('.ant-layout-content');
  const before = content()?.firstElementChild ?? null;
  const link = document.querySelector(`nav a[href="#/${target}"]`);
  if (!link) throw new Error(`no menu link to ${target}`);
  const started = performance.now();
  link.click();
  return new Promise((done, fail) => {
    let readySince = null;
    const check = () => {
      const area = content();
      const first = area?.firstElementChild ?? null;
      const ready =
        window.location.hash.startsWith(`#/${target}`) &&
        first !== null &&
        first !== before &&
        !area.querySelector('.ant-spin-spinning, .ant-skeleton, [aria-busy="true"]');
      if (!ready) readySince = null;
      else if (readySince === null) readySince = performance.now();
      else return done(readySince - started);
      if (performance.now() - started > 15_000) return fail(new Error(`${target} did not finish loading in 15 s`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: the milliseconds from the last input event in the search box to results on screen. */
function searchResults(query) {
  return new Promise((done, fail) => {
    const box = document.querySelector('input[role="combobox"][aria-controls]');
    const list = document.getElementById(box.getAttribute('aria-controls'));
    const check = () => {
      const last = window.__lastInput;
      const shown =
        box.value === query &&
        last !== undefined &&
        list.getAttribute('aria-busy') === 'false' &&
        !list.hidden &&
        list.querySelector('[role="option"]');
      if (shown) return done(performance.now() - last);
      if (last !== undefined && performance.now() - last > 10_000) return fail(new Error(`no results for ${query}`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

async function measure(outDir, label, storeDir) {
  log(`\n${label}: ${outDir}`);
  const host = await startHost(outDir, storeDir);
  const browser = await launchTestBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(host.launchUrl);
    const call = async (method, input) => {
      const answer = await (await context.request.post(`${host.origin}/api/call`, { data: { method, input } })).json();
      if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      return answer.value;
    };
    const admin = (await call('session.staffList', {})).find((staff) => staff.name === '王经理');
    await call('session.signIn', { staffId: admin.id, pin: '1000' });
    await page.goto(`${host.origin}/#/counter`);
    // Opened before signing in: load it again, signed in, as a person would see it after sign-in.
    await page.reload();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link').first().waitFor();
    const pages = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href').replace('#/', '')));

    // Page switch: once round every page to warm up (chunks, first queries), then the rounds.
    const switches = [];
    const perPage = {};
    for (let round = -1; round < ROUNDS; round += 1) {
      for (const [index, target] of pages.entries()) {
        // From the page before it, so every switch leaves one page for another.
        const from = pages[(index + pages.length - 1) % pages.length];
        if (!page.url().endsWith(`#/${from}`)) await page.evaluate(switchTo, from);
        const ms = await page.evaluate(switchTo, target);
        if (round >= 0) {
          switches.push(ms);
          (perPage[target] ??= []).push(Math.round(ms));
        }
      }
    }
    log(`  page switch: ${switches.length} switches over ${pages.length} pages`);

    // Search: typed as a person types (60 ms a key), the box cleared between queries.
    if (!page.url().endsWith('#/counter')) await page.evaluate(switchTo, 'counter');
    await page.evaluate(() => {
      document.addEventListener('input', (event) => (window.__lastInput = event.timeStamp), true);
    });
    const box = page.getByRole('combobox', { name: '搜索顾客' });
    const searches = [];
    for (let i = -3; i < SEARCHES; i += 1) {
      const query = QUERIES[(i + QUERIES.length) % QUERIES.length];
      await box.fill('');
      await page.evaluate(() => (window.__lastInput = undefined));
      await box.pressSequentially(query, { delay: 60 });
      const ms = await page.evaluate(searchResults, query);
      if (i >= 0) searches.push(ms);
    }
    log(`  search: ${searches.length} queries`);

    // A form to PDF, warm: the first of each path is not counted.
    const queue = await call('tickets.queue', { queue: 'open', limit: 1 });
    const ticketId = (queue.items ?? queue.rows ?? queue)[0]?.id;
    if (!ticketId) throw new Error('the demo store has no ticket to print');
    const hash = `#/print/service-form/${ticketId}?lang=zh-CN`;
    const routePdf = [];
    const hostPdf = [];
    for (let i = -1; i < PDFS; i += 1) {
      const started = performance.now();
      const tab = await context.newPage();
      await tab.goto(`${host.origin}/${hash}`);
      await tab.locator('html[data-print-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
      await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      if (i >= 0) routePdf.push(performance.now() - started);
      await tab.close();
    }
    for (let i = -1; i < PDFS; i += 1) {
      const started = performance.now();
      const answer = await context.request.get(`${host.origin}/print.pdf?route=${encodeURIComponent(hash)}&name=bench`);
      if (answer.status() !== 200) throw new Error(`Save as PDF answered ${answer.status()}: ${await answer.text()}`);
      await answer.body();
      if (i >= 0) hostPdf.push(performance.now() - started);
    }
    log(`  form to PDF: ${routePdf.length} + ${hostPdf.length} forms`);
    return {
      pageSwitch: summary(switches),
      perPage,
      search: summary(searches),
      routePdf: summary(routePdf),
      hostPdf: summary(hostPdf),
      startKB: startKilobytes(outDir),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** The scripts and styles index.html loads before any page: what every start pays for. */
function startKilobytes(outDir) {
  const dir = join(outDir, 'renderer');
  const manifestFile = join(dir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) {
    // A build without a manifest: what index.html names directly.
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    return Math.round(files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1024);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit('index.html');
  visit('app-main.tsx');
  const files = [...seen].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]);
  return Math.round(files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1024);
}

const storeDir = await demoStore();
const mine = await measure(join(root, 'out'), 'this build', storeDir);
const peer = values.peer ? await measure(resolve(values.peer), 'peer', storeDir) : null;

if (values.json) process.stdout.write(`${JSON.stringify({ mine, peer })}\n`);
else {
  const rows = [
    ['page switch p50 / p95 (ms)', `≤ ${TARGETS.pageSwitch} p95`, mine.pageSwitch, peer?.pageSwitch],
    ['search on screen p50 / p95 (ms)', `≤ ${TARGETS.search}`, mine.search, peer?.search],
    ['form to PDF, print route p50 / p95 (ms)', `≤ ${TARGETS.pdf}`, mine.routePdf, peer?.routePdf],
    ['form to PDF, Save as PDF p50 / p95 (ms)', `≤ ${TARGETS.pdf}`, mine.hostPdf, peer?.hostPdf],
  ];
  const cell = (s) => (s ? `${s.p50} / ${s.p95} (n=${s.n})` : '–');
  process.stdout.write('\n| measure | target | this build | peer | p95 ratio |\n|---|---|---|---|---|\n');
  for (const [name, target, a, b] of rows)
    process.stdout.write(
      `| ${name} | ${target} | ${cell(a)} | ${cell(b)} | ${b ? (a.p95 / b.p95).toFixed(2) : '–'} |\n`,
    );
  process.stdout.write(
    `| app start, scripts + styles (KB) | – | ${mine.startKB} | ${peer ? peer.startKB : '–'} | ${peer ? (mine.startKB / peer.startKB).toFixed(2) : '–'} |\n`,
  );
  process.stdout.write(
    `\nPage switch p95 per page (ms, this build): ${Object.entries(mine.perPage)
      .map(([name, ms]) => `${name} ${Math.max(...ms)}`)
      .join(', ')}\n`,
  );
}
