/**
 * Purchasing in Chromium, as the parts lead would do it: the reorder list becomes a draft purchase
 * order, the lead submits and approves it, prints it (A4, text checked in the PDF), and the clerk
 * receives the delivery against it; the order then shows what arrived. Screenshots of the tab at
 * 1366×768 in English and Chinese go to test-results/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { printRouteHash } from '../../db/api';
import { pdfInfo, pdfText } from '../print/pdf';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { axeViolations, layoutProblems } from './layout-checks';
import { chooseOption, SignIn } from './pages';
import { newStoreDesk } from './seed-desk';

const STAFF = {
  clerk: { name: '赵磊', role: 'parts_clerk', pin: '6666' },
  lead: { name: '杨洋', role: 'parts_lead', pin: '5555' },
} as const;

async function seedStore(): Promise<string> {
  const { dataDir, ok, close } = await newStoreDesk('purchasing-e2e');
  for (const staff of Object.values(STAFF)) await ok('staff.create', staff);
  const supplier = await ok('parts.supplierCreate', {
    name: '苏州恒达电器配件有限公司',
    contact: '周经理',
    phone: '0512-66881234',
  });
  await ok('parts.create', {
    partNo: 'WM-PUMP-01',
    name: '排水泵',
    spec: '220V 30W',
    unit: '个',
    costFen: 4500,
    priceFen: 8800,
    bin: 'A-01-1',
    supplierIds: [supplier.id],
    reorderLevel: 3,
    reorderQty: 10,
  });
  await ok('parts.create', {
    partNo: 'WM-BELT-02',
    name: '洗衣机皮带',
    spec: '1270J5',
    unit: '条',
    costFen: 1200,
    priceFen: 3000,
    bin: 'A-01-2',
    supplierIds: [supplier.id],
    reorderLevel: 5,
    reorderQty: 20,
  });
  await close();
  return dataDir;
}

/** The store's admin, made with the store: the one who keeps the suppliers list. */
const ADMIN = { name: '王经理', pin: '2468' } as const;

async function signInAs(page: Page, who: keyof typeof STAFF | typeof ADMIN): Promise<void> {
  const { name, pin } = typeof who === 'string' ? STAFF[who] : who;
  for (let open = await page.getByRole('dialog').count(); open > 0; open = await page.getByRole('dialog').count()) {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBeLessThan(open);
  }
  if (await page.getByRole('button', { name: 'Lock' }).isVisible())
    await page.getByRole('button', { name: 'Lock' }).click();
  await new SignIn(page).as(name, pin);
  await page.getByRole('link', { name: 'Spare parts' }).click();
  await page.getByRole('heading', { name: 'Spare parts' }).waitFor();
}

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

describe('purchasing', () => {
  it('turns the reorder list into an order, approves and prints it, and receives against it', async () => {
    const dataDir = await seedStore();
    counter = await openCounter({ dataDir, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const { page } = counter;
    const file = join(dataDir, 'counterdesk.sqlite');
    await page.setViewportSize({ width: 1366, height: 768 });

    await signInAs(page, 'lead');
    await page.getByRole('tab', { name: 'Reports', exact: true }).click();
    await page.getByRole('table', { name: 'Reorder list' }).getByText('WM-PUMP-01 排水泵').waitFor();
    await page.getByRole('button', { name: 'Create purchase orders' }).click();
    await page.waitForURL(/#\/parts\/purchasing$/);
    const link = page.getByRole('link', { name: /^Open purchase order PO-S012-2-\d{8}-0001$/ });
    await link.click();
    const drawer = page.getByRole('dialog', { name: /^PO number PO-S012-2-/ });
    await drawer.getByText('Within the store’s approval limit of ¥5,000.00: the parts lead approves it.').waitFor();
    await drawer.getByRole('button', { name: 'Submit for approval' }).click();
    await drawer.getByText('Awaiting approval', { exact: true }).waitFor();
    await page.screenshot({ path: 'test-results/purchasing-awaiting-en.png' });
    await drawer.getByRole('button', { name: 'Approve', exact: true }).click();
    await drawer.getByText('Approved (sent)', { exact: true }).waitFor();
    const orderId = decodeURIComponent(page.url().split('/').at(-1)!);
    expect(readTable(file, 'SELECT status, total_fen FROM purchase_order')).toEqual([
      { status: 'approved', total_fen: 10 * 4500 + 20 * 1200 },
    ]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/purchasing-order-en.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: 'test-results/purchasing-tab-en.png', fullPage: false });

    // The printed order: A4, the supplier, the contract lines and the total in yuan, in Chinese.
    const work = mkdtempSync(join(tmpdir(), 'counterdesk-po-pdf-'));
    try {
      const print = await counter.context.newPage();
      await print.goto(
        `${counter.host.origin}/${printRouteHash({ form: 'purchase-order', subjectId: orderId, language: 'zh-CN', copyNo: 0, paper: null })}`,
      );
      await print.locator('html[data-print-state]').waitFor({ state: 'attached' });
      expect(await print.title()).toMatch(/^counterdesk-print:ready:/);
      const pdf = join(work, 'po.pdf');
      writeFileSync(pdf, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
      await print.close();
      const info = await pdfInfo(pdf);
      expect(info.pages).toBe(1);
      expect(Math.round(info.widthMm)).toBe(210);
      expect(Math.round(info.heightMm)).toBe(297);
      const text = await pdfText(pdf);
      for (const expected of [
        '采购单',
        '苏州恒达电器配件有限公司',
        'WM-PUMP-01',
        '¥450.00',
        '¥690.00',
        '杨洋',
        '供应商（签字盖章）',
      ])
        expect(text).toContain(expected);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }

    // The clerk receives the delivery against the order: its open lines fill the form.
    await signInAs(page, 'clerk');
    await page.getByRole('tab', { name: 'Receiving', exact: true }).click();
    await page.getByRole('button', { name: 'New receipt' }).click();
    const receipt = page.getByRole('dialog', { name: 'Receive a delivery' });
    await chooseOption(page, receipt.getByRole('combobox', { name: 'Supplier' }), '苏州恒达电器配件有限公司');
    await chooseOption(page, receipt.getByRole('combobox', { name: 'Purchase order' }), /^PO-S012-2-/);
    // The open lines, in the order's order: belts, then pumps; six pumps came of the ten.
    await expect.poll(() => receipt.getByLabel('Delivered on line 1', { exact: true }).inputValue()).toBe('20');
    await expect.poll(() => receipt.getByLabel('Delivered on line 2', { exact: true }).inputValue()).toBe('10');
    await receipt.getByLabel('Delivered on line 2', { exact: true }).fill('6');
    await receipt.getByRole('button', { name: 'Save receipt' }).click();
    await page.getByRole('dialog', { name: /^Receipt GR-S012-2-/ }).waitFor();
    expect(
      readTable(
        file,
        'SELECT delivered_qty FROM goods_receipt_line WHERE purchase_order_line_id IS NOT NULL ORDER BY position',
      ),
    ).toEqual([{ delivered_qty: 20 }, { delivered_qty: 6 }]);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Purchasing', exact: true }).click();
    await page.getByRole('row', { name: /PO-S012-2-\d{8}-0001.*Partly received/ }).waitFor();

    // The same tab and order in Chinese, for the screenshots.
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await page.getByRole('row', { name: /PO-S012-2-\d{8}-0001.*部分到货/ }).waitFor();
    await page.screenshot({ path: 'test-results/purchasing-tab-zh.png' });
    // The tab fits the counter's screen and passes axe (the page's own check reads only its first tab).
    expect([...(await layoutProblems(page)), ...(await axeViolations(page))]).toEqual([]);
    await page.getByRole('link', { name: /^打开采购单 PO-S012-2-/ }).click();
    await page
      .getByRole('dialog', { name: /^采购单号 PO-S012-2-/ })
      .getByText('待检验')
      .waitFor();
    await page.screenshot({ path: 'test-results/purchasing-order-zh.png' });
    expect(await axeViolations(page)).toEqual([]);

    // The suppliers panel on the Stock tab (the admin's) gives each supplier's record: the Purchasing tab's figures.
    await page.getByLabel(/^(Language|语言)$/).selectOption('en');
    await signInAs(page, ADMIN);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('tab', { name: 'Stock', exact: true }).click();
    await page.getByRole('button', { name: /Suppliers \(1\)/ }).click();
    const record = page.getByRole('listitem', { name: '苏州恒达电器配件有限公司' });
    await expect
      .poll(() => record.innerText())
      .toMatch(/Since \d{4}-\d{2}-01: on time 1 \(100%\) · rejected at inspection 0 \(0%\)$/);
    await record.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/p17ui-suppliers-en-1366.png' });
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await expect
      .poll(() => record.innerText())
      .toMatch(/自 \d{4}-\d{2}-01 起：及时到货 1 \(100%\) · 验收拒收 0 \(0%\)$/);
    await page.screenshot({ path: 'test-results/p17ui-suppliers-zh-1366.png' });
    expect(await axeViolations(page)).toEqual([]);

    // The whole walk takes about 33 s on a quiet machine and ran past 60 s on a loaded one (the
    // one failure seen "at Approve" was this limit reached there, not a missed state).
  }, 240_000);
});
