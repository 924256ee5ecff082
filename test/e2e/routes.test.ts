/**
 * How the counter's pages load (renderer/main.tsx, renderer/shell/shell.tsx): the build output
 * shows each page as its own chunk and a print window's chunks holding no page and no antd; in
 * the browser a print window fetches only those chunks; the address lands on the role's page,
 * names the page on screen, shows a skeleton while a page loads, an offer to reload when it cannot,
 * and "no permission" for a page the role may not use.
 */
process.env.TZ = 'Asia/Shanghai';

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printRouteHash } from '../../db/api';
import { ADMIN, PRINT_TIME_ZONE, seedPrintStore, type PrintStore } from '../print/print-seed';
import { openCounter, type Counter } from './fixtures';

const out = fileURLToPath(new URL('../../out/', import.meta.url));
type ManifestEntry = { file: string; imports?: string[]; css?: string[]; isDynamicEntry?: boolean };
const manifest = JSON.parse(readFileSync(`${out}renderer/.vite/manifest.json`, 'utf8')) as Record<
  string,
  ManifestEntry
>;
const chunkModules = JSON.parse(readFileSync(`${out}renderer-chunks.json`, 'utf8')) as Record<string, string[]>;

/** The files a manifest entry loads: its own chunk, the chunks it imports (statically) and their CSS. */
function filesOf(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) filesOf(imported, seen);
  return seen;
}
function assetsOf(key: string): Set<string> {
  const files = new Set<string>();
  for (const entry of filesOf(key)) {
    files.add(manifest[entry]!.file);
    for (const css of manifest[entry]!.css ?? []) files.add(css);
  }
  return files;
}
function modulesOf(key: string): string[] {
  return [...assetsOf(key)].flatMap((file) => chunkModules[file] ?? []);
}

const PRINT_ENTRY = 'print/print-main.tsx';
const APP_ENTRY = 'app-main.tsx';
const PAGE_MODULES = [
  'pages/counter/counter-page.tsx',
  'pages/today/today-page.tsx',
  'pages/today/my-jobs-page.tsx',
  'pages/tickets/tickets-page.tsx',
  'pages/tickets/repair-board-page.tsx',
  'pages/tickets/follow-ups-page.tsx',
  'pages/takings/takings-page.tsx',
  'pages/customers/import-page.tsx',
  'pages/parts/parts-page.tsx',
  'pages/staff.tsx',
  'pages/settings.tsx',
  'pages/print/print-page.tsx',
  'pages/tickets/service-settings-page.tsx',
  'pages/messages/message-settings-page.tsx',
  'pages/training/training-page.tsx',
  'pages/sync/sync-page.tsx',
  'pages/backups/backups-page.tsx',
];
const ANTD = /node_modules\/(antd|@ant-design|@rc-component|rc-[a-z-]+)\//;

describe('the build output', () => {
  it('makes each page its own chunk, none of them part of the app’s start', () => {
    const start = modulesOf(APP_ENTRY);
    for (const page of PAGE_MODULES) {
      expect(manifest[page]?.isDynamicEntry, page).toBe(true);
      expect(start, page).not.toContain(`renderer/${page}`);
    }
    expect(start.some((module) => ANTD.test(module))).toBe(true);
  });

  it('gives a print window no page, no shell and no antd', () => {
    const modules = modulesOf(PRINT_ENTRY);
    expect(modules).toContain('renderer/print/print-route.tsx');
    expect(modules).toContain('renderer/print/forms/service-form.tsx');
    expect(modules.filter((module) => ANTD.test(module))).toEqual([]);
    expect(modules.filter((module) => /^renderer\/(pages|shell)\/|^renderer\/app-/.test(module))).toEqual([]);
    expect(modules).not.toContain('renderer/i18n/en.ts');
  });
});

describe('in the browser', () => {
  let store: PrintStore;
  let counter: Counter;
  let clerk: { id: string; pin: string };

  async function signInAs(staffId: string, pin: string): Promise<void> {
    const answer = await counter.context.request.post(`${counter.host.origin}/api/call`, {
      data: { method: 'session.signIn', input: { staffId, pin } },
    });
    expect(await answer.json()).toMatchObject({ ok: true });
  }

  /** The renderer files a page fetched, by their path under out/renderer. */
  function fetchedAssets(page: Page): string[] {
    const assets: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/assets/') && /\.(js|css)$/.test(path)) assets.push(path.slice(1));
    });
    return assets;
  }

  beforeAll(async () => {
    store = await seedPrintStore();
    counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
    await counter.page.setViewportSize({ width: 1366, height: 768 });
    await signInAs(store.adminId, ADMIN.pin);
    const created = await counter.context.request.post(`${counter.host.origin}/api/call`, {
      data: { method: 'staff.create', input: { name: '李娜', role: 'counter_staff', pin: '1357' } },
    });
    const answer = (await created.json()) as { ok: boolean; value: { id: string } };
    expect(answer.ok).toBe(true);
    clerk = { id: answer.value.id, pin: '1357' };
  });

  afterAll(async () => {
    await counter?.close();
  });

  it('a print window fetches only the print chunks, and the form is ready', async () => {
    const page = await counter.context.newPage();
    const assets = fetchedAssets(page);
    const hash = printRouteHash({
      form: 'service-form',
      subjectId: store.ticket.id,
      language: 'zh-CN',
      copyNo: 0,
      paper: null,
    });
    await page.goto(`${counter.host.origin}/${hash}`);
    await page.locator('html[data-print-state="ready"]').waitFor({ state: 'attached' });
    await page.getByText(store.ticket.number).first().waitFor();
    const allowed = new Set([...assetsOf('index.html'), ...assetsOf(PRINT_ENTRY)]);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((asset) => !allowed.has(asset))).toEqual([]);
    expect(assets).not.toContain(manifest[APP_ENTRY]!.file);
    await page.close();
  });

  it('lands on the first page, keeps the address naming the page, and switches pages from the menu', async () => {
    const { page } = counter;
    await page.goto(`${counter.host.origin}/#/`);
    await page.locator('[data-page="counter"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/counter');

    await page.goto(`${counter.host.origin}/#/no-such-page`);
    await page.locator('[data-page="counter"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/counter');

    await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '服务单' }).click();
    await page.locator('[data-page="tickets"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/tickets');
    // A page's own places below its name stay with it.
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), store.ticket.id);
    await page.locator('[data-page="tickets"]').getByText(store.ticket.number).first().waitFor();
  });

  it('shows a named skeleton while a page’s chunk loads, and offers a reload when it cannot load', async () => {
    const page = await counter.context.newPage();
    const repairs = manifest['pages/tickets/repair-board-page.tsx']!.file;
    const backups = manifest['pages/backups/backups-page.tsx']!.file;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/${repairs}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.route(`**/${backups}`, (route) => route.abort());
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${counter.host.origin}/#/counter`);
    await page.locator('[data-page="counter"]').waitFor();
    const menu = page.getByRole('navigation', { name: '页面' });
    await menu.getByRole('link', { name: '维修调度' }).click();
    await page.getByRole('status', { name: '正在加载页面…' }).waitFor();
    expect(await page.locator('.ant-skeleton').count()).toBeGreaterThan(0);
    release();
    await page.locator('[data-page="repairs"]').waitFor();
    expect(await page.getByRole('status', { name: '正在加载页面…' }).count()).toBe(0);

    await menu.getByRole('link', { name: '备份' }).click();
    await page.getByText('此页面无法加载').waitFor();
    await page.getByRole('button', { name: '重新加载' }).waitFor();
    // The failure is a screen, not an uncaught error.
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a page the role may not use as no permission, and leaves it out of the menu', async () => {
    await signInAs(clerk.id, clerk.pin);
    const { page } = counter;
    await page.goto(`${counter.host.origin}/#/staff`);
    await page.getByText('您的岗位无权执行此操作').waitFor();
    expect(new URL(page.url()).hash).toBe('#/staff');
    const menu = page.getByRole('navigation', { name: '页面' });
    await menu.getByRole('link', { name: '柜台' }).waitFor();
    expect(await menu.getByRole('link', { name: '员工' }).count()).toBe(0);
    // The way back is the role's own page.
    await page.locator('.ant-result').getByRole('link', { name: '柜台' }).click();
    await page.locator('[data-page="counter"]').waitFor();
    // The dispatcher refuses regardless of the screen.
    const answer = await counter.context.request.post(`${counter.host.origin}/api/call`, {
      data: { method: 'staff.create', input: { name: '王五', role: 'admin', pin: '9999' } },
    });
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  });
});
