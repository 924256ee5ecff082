/**
 * A standalone store joins, reviewed in the console and explained at the counter, in Chromium at
 * 1366×768: store S040 worked on its own (its parts P-7 and P-8, a supplier, stock), enrolls and
 * syncs; a catalogue manager maps P-7 onto head office's P-7, drops P-8 with a reason and accepts
 * the supplier on the "Stores joining" page; the counter's Sync page then says what became of each
 * and the stock has moved. Screenshots in Chinese and English under test-results/console/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStore, writeAsHq } from '../../headoffice/admin/ops';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { readTable } from '../support/inspect';
import { openCounter } from '../sync/support/counter';
import { hqPart } from '../sync/support/parts';
import type { TestHeadOffice } from '../sync/support/hq';
import { startHost } from './fixtures';
import {
  makeStaff,
  openConsole,
  screenshot,
  sidewaysOverflow,
  signInConsole,
  RIG_START_MS,
  startConsoleRig,
  type ConsoleRig,
} from './console-fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let rig: ConsoleRig;
const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-join-e2e-'));
const file = join(dataDir, 'counterdesk.sqlite');
const hqP7 = hqPart('P-7', 5_000);
let p7Local = '';

beforeAll(async () => {
  rig = await startConsoleRig();
  await addStore(rig.db, 'S040', '静安店');
  await writeAsHq(rig.db, createHlc({ node: HQ_NODE }), [hqP7]);
  // The counter PC as the browser host will find it: its database and sync secret in one folder.
  const hq = {
    issueCode: async (code: string) => (await issueEnrollmentCode(rig.db, code)).code,
    url: rig.server.url,
    caCert: rig.caCert,
  } as unknown as TestHeadOffice;
  const counter = await openCounter(hq, { storeCode: 'S040', file, enroll: false });
  try {
    const part = async (partNo: string, stock: number) => {
      const made = await counter.ok('parts.create', {
        partNo,
        name: `门店自建 ${partNo}`,
        unit: '个',
        costFen: 1_200,
        priceFen: 2_500,
      });
      await counter.ok('parts.adjust', { partId: made.id, qty: stock, reason: '开业盘点' });
      return made.id;
    };
    p7Local = await part('P-7', 3);
    await part('P-8', 2);
    await counter.ok('parts.supplierCreate', { name: '静安五金', contact: '老周', phone: '021-5555' });
    await counter.enroll();
    await counter.sync();
  } finally {
    await counter.close();
  }
}, 120_000);

afterAll(async () => {
  await rig?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, RIG_START_MS);

describe('a standalone store joins', () => {
  it('the catalogue manager reviews the store’s offers: map to the suggestion, drop with a reason, accept', async () => {
    const manager = await makeStaff(rig, 'catalogue', '李目录');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, manager);
      await page.getByRole('menuitem', { name: '门店加入审核' }).click();
      await page.getByRole('heading', { name: '门店加入审核' }).waitFor();
      const row = (label: string) => page.locator('tr', { hasText: label });
      await row('P-7 门店自建 P-7').getByText('总部已有同编号配件：P-7 配件 P-7').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'join-review-zh');

      await row('P-7 门店自建 P-7').getByRole('button', { name: '对应到建议' }).click();
      await row('P-7 门店自建 P-7').waitFor({ state: 'detached' });
      await row('P-8 门店自建 P-8').getByRole('button', { name: '不采用…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.getByText('请写明原因', { exact: true }).waitFor();
      await dialog.getByLabel('原因').fill('门店自采，不进总部目录');
      await dialog.getByRole('button', { name: '确定' }).click();
      await row('P-8 门店自建 P-8').waitFor({ state: 'detached' });
      await row('静安五金').getByRole('button', { name: '采用', exact: true }).click();
      await row('静安五金').waitFor({ state: 'detached' });

      // "All" is the first status, just above "To review".
      await page.getByRole('combobox', { name: '状态' }).click();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await row('P-7 门店自建 P-7').getByText('对应到 P-7 配件 P-7').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'join-review-decided-zh');
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('heading', { name: 'Stores joining' }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'join-review-decided-en');

      const audit = await rig.db
        .selectFrom('consoleAudit')
        .select(['username', 'action'])
        .where('action', 'like', 'join.%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['join.map', 'join.drop', 'join.accept']);
    } finally {
      await context.close();
    }
  });

  it('the counter’s Sync page says what became of each record, and the stock moved', async () => {
    // One host, in Chinese: stopping a host removes its data folder, so there is no second one.
    for (const lang of ['zh-CN'] as Array<'zh-CN' | 'en'>) {
      const host = await startHost({ dataDir, env: { COUNTERDESK_LANG: lang } });
      const context = await rig.browser.newContext({ locale: lang, viewport: { width: 1366, height: 768 } });
      try {
        const page = await context.newPage();
        await page.goto(host.launchUrl);
        await page
          .getByRole('radio', { name: '管理员1' })
          .check({ timeout: 60_000 })
          .catch(async (error: unknown) => {
            await screenshot(page, `counter-sign-in-failed-${lang}`);
            throw error;
          });
        await page.getByLabel('PIN', { exact: true }).fill('2468');
        await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
        // Signing in lands on the role's start page; then the Sync page is opened by its address.
        await page.locator('[data-page]').first().waitFor();
        await page.evaluate(() => (window.location.hash = '#/sync'));
        await page.locator('[data-page="sync"]').waitFor();
        const mapped =
          lang === 'en'
            ? 'Now the same as head office’s P-7 配件 P-7 (stock moved: 3)'
            : '已与总部配件 P-7 配件 P-7 合并（转移库存：3）';
        await page.getByText(mapped).waitFor({ timeout: 30_000 });
        await page
          .getByText(lang === 'en' ? 'Not adopted — kept on this PC only' : '总部未采用 — 仅保留在本机', {
            exact: false,
          })
          .waitFor();
        await page.getByText(lang === 'en' ? 'Adopted by head office' : '总部已采用').waitFor();
        await expect.poll(() => sidewaysOverflow(page)).toBe(0);
        await screenshot(page, `counter-sync-join-${lang === 'en' ? 'en' : 'zh'}`);
        // Head office's P-7 holds the stock now; the store's own P-7 is retired with its history.
        const stock = readTable<{ part_id: string; qty: number }>(
          file,
          'SELECT part_id, qty FROM stock_on_hand WHERE part_id IN (?, ?) ORDER BY qty',
          p7Local,
          hqP7.entityId,
        );
        expect(stock).toEqual([
          { part_id: p7Local, qty: 0 },
          { part_id: hqP7.entityId, qty: 3 },
        ]);
      } finally {
        await context.close();
        await host.stop();
      }
    }
    // Two browser hosts start one after the other, each syncing once.
  }, 180_000);
});
