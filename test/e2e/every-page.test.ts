/**
 * Every page fits the counter's screen and passes axe-core (docs/architecture/layout-and-accessibility.md):
 * a realistic store (long names and addresses, many rows), every page the menu offers and each of
 * its tabs, in Chinese and English at 1366×768 and 1920×1080. The list of pages is read from the
 * menu itself, for the admin and then for every other role, so a page added later is covered
 * without touching this file. A screenshot per page and language at 1366×768 goes to
 * test-results/every-page/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { DEMO_STAFF, seedStore } from '../support/seed';
import { memoryLogger } from '../support/temp-store';
import { openCounter, type Counter } from './fixtures';
import { axeViolations, layoutProblems } from './layout-checks';
import { SignIn, say, type Lang } from './pages';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LANGS: ReadonlyArray<{ lang: Lang; option: string }> = [
  { lang: 'zh', option: '中文' },
  { lang: 'en', option: 'English' },
];
const SHOTS = join(process.cwd(), 'test-results', 'every-page');

/** Names and addresses at the schema's limits, so columns meet the longest text a store can have. */
const LONG_CUSTOMERS = [
  {
    name: '欧阳慕容诸葛·阿卜杜热合曼·买买提艾力江（南京西路旗舰店老会员）',
    address: '上海市静安区南京西路1266号恒隆广场办公楼一座四十二层4201室（请从威海路入口进，车库B2层电梯直达）',
  },
  {
    name: 'Alexandrina Konstantinopoulou-Vanderbilt-Featherstonehaugh',
    address:
      'Flat 42B, Tower 3, Riverside Gardens, 1888 North Suzhou Road, Hongkou District, Shanghai — call before delivery, the lift is key-operated',
  },
];

async function seedLayoutStore(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-every-page-'));
  const desk = await openDesk({
    file: join(dataDir, 'counterdesk.sqlite'),
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger: memoryLogger(),
  });
  try {
    await seedStore(desk, { customers: 120 });
    const admin: ClientState = { sessionId: null };
    const staff = await desk.dispatch(admin, 'session.staffList', {});
    if (!staff.ok) throw new Error(staff.error.message);
    const adminId = (staff.value as Array<{ id: string; role: string }>).find((s) => s.role === 'admin')!.id;
    const signedIn = await desk.dispatch(admin, 'session.signIn', { staffId: adminId, pin: DEMO_STAFF[0]!.pin });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    for (const [i, c] of LONG_CUSTOMERS.entries()) {
      const made = await desk.dispatch(admin, 'customers.create', {
        name: c.name.slice(0, 60),
        tier: 'regular',
        notes: c.address,
        phones: [{ number: `1391234${String(5670 + i)}` }],
        addresses: [{ label: '家', address: c.address.slice(0, 200) }],
      });
      if (!made.ok) throw new Error(`customers.create: ${made.error.message}`);
    }
  } finally {
    await desk.close();
  }
  return dataDir;
}

let counter: Counter;
let dataDir: string;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = await seedLayoutStore();
  counter = await openCounter({ dataDir, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}, 120_000);
afterAll(async () => {
  await counter?.close();
});

/** The pages the menu offers, as their hash names (`#/counter` → counter). */
async function menuPages(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation').first();
  await nav.getByRole('link').first().waitFor();
  const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace(/^#\//, '')).filter((name) => name.length > 0);
}

/** Data has arrived: no spinner or skeleton, and the page has not changed for a moment. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const busy = () => document.querySelector('main .ant-spin-spinning, main .ant-skeleton-active') !== null;
        let timer = setTimeout(() => done(), 250);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(() => done(), 250);
        });
        const done = () => {
          observer.disconnect();
          resolve(!busy());
        };
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    undefined,
    { timeout: 15_000, polling: 100 },
  );
}

async function setLanguage(page: Page, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Language|语言)$/ });
  await select.selectOption(option);
}

type Seen = { view: string; problems: string[] };

/**
 * Checks the view on screen. axe and the screenshot at 1366×768 only (axe's rules do not depend on
 * the window's size), and for a page's further tabs in Chinese only, and only for a tab with a panel
 * of its own: a tab's colours and structure do not change with the language, only its text lengths,
 * which the layout checks measure in both.
 */
async function checkView(page: Page, view: string, full: boolean, lang: Lang, axe = full): Promise<Seen> {
  const started = Date.now();
  await settled(page);
  // Before the checks hover anything (which scrolls it into view): the page as it opens.
  if (full) await page.screenshot({ path: join(SHOTS, `${lang}-${view}.png`) });
  const problems = await layoutProblems(page);
  if (axe) problems.push(...(await axeViolations(page)));
  await page.evaluate(() => window.scrollTo(0, 0));
  // Shown as it goes, so a slow or failing run says where it is.
  process.stderr.write(`${lang} ${view}: ${Date.now() - started} ms, ${problems.length} problems\n`);
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
  return { view, problems };
}

/** A page and each of its tabs (the top-level tab lists in the page). */
async function visitPage(page: Page, name: string, full: boolean, lang: Lang): Promise<Seen[]> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/${name}`);
  await page
    .locator(`nav a[href="#/${name}"]`)
    .locator('xpath=ancestor::li[1]')
    .and(page.locator('.ant-menu-item-selected'))
    .waitFor();
  const seen = [await checkView(page, name, full, lang)];
  // Tabs are the same page with other content: at 1920×1080 they only get more room.
  if (!full) return seen;
  const tabs = page.locator('main [role="tablist"]').first().getByRole('tab');
  const count = (await page.locator('main [role="tablist"]').count()) > 0 ? await tabs.count() : 0;
  for (let i = 1; i < count; i++) {
    const tab = tabs.nth(i);
    const label = (await tab.innerText()).trim();
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const view = `${name}-${i}-${label.replace(/[^\p{L}\p{N}]+/gu, '_')}`;
    // A tab with a panel of its own shows another component: axe reads it (in Chinese). A tab
    // without one (the ticket queues) is the same component with other rows: axe read it already.
    const ownPanel = await tab.evaluate((el) => {
      const id = el.getAttribute('aria-controls');
      return id !== null && document.getElementById(id) !== null;
    });
    seen.push(await checkView(page, view, full, lang, lang === 'zh' && ownPanel));
  }
  return seen;
}

async function visitAll(page: Page, pages: readonly string[]): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const { lang, option } of LANGS) {
    await setLanguage(page, option);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const full = size.width === 1366;
      for (const name of pages)
        for (const view of await visitPage(page, name, full, lang))
          seen.push({ view: `${lang} ${size.width}×${size.height} ${view.view}`, problems: view.problems });
    }
  }
  return seen;
}

function report(seen: Seen[]): string[] {
  return seen.filter((s) => s.problems.length > 0).map((s) => `${s.view}:\n  ${s.problems.join('\n  ')}`);
}

describe('every page fits 1366×768 and 1920×1080 in both languages and passes axe', () => {
  const covered = new Set<string>();

  it('as the admin: every page in the menu and its tabs', async () => {
    const { page } = counter;
    await new SignIn(page, 'zh').as(DEMO_STAFF[0]!.name, DEMO_STAFF[0]!.pin);
    const pages = await menuPages(page);
    expect(pages.length).toBeGreaterThan(5);
    const seen = await visitAll(page, pages);
    for (const name of pages) covered.add(name);
    expect(report(seen)).toEqual([]);
  }, 300_000);

  it('as each other role: the pages only that role sees', async () => {
    const { page } = counter;
    const seen: Seen[] = [];
    for (const staff of DEMO_STAFF.slice(1)) {
      await page.getByRole('button', { name: new RegExp(`^(${say('lock', 'en')}|${say('lock', 'zh')})$`) }).click();
      // The language stays as the last page left it: English.
      await new SignIn(page, 'en').as(staff.name, staff.pin);
      const own = (await menuPages(page)).filter((name) => !covered.has(name));
      seen.push(...(await visitAll(page, own)));
      for (const name of own) covered.add(name);
    }
    expect(report(seen)).toEqual([]);
  }, 300_000);
});
