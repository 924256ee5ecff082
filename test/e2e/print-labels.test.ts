/**
 * Labels and scanning, end to end on the built browser host: the label PDFs come out on their
 * paper (50 × 30, 40 × 30 mm, A4 sheet of 3 × 8), carry their text, and their barcodes and QR codes
 * decode — with a real decoder, at 400 dpi — to the part number, bin and ticket number; a goods
 * tag scanned at the counter opens its ticket, a part label there opens the part; a part label
 * scanned into a requisition picks it.
 */
process.env.TZ = 'Asia/Shanghai';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { printRouteHash, type Paper, type PrintForm } from '../../db/api';
import { pdfInfo, pdfText, pdfToPngs } from '../print/pdf';
import { ADMIN, PRINT_TIME_ZONE, seedPrintStore, type PrintStore } from '../print/print-seed';
import { readCodes } from '../print/read-codes';
import { openCounter, type Counter } from './fixtures';
import { scanBurst } from './scan-burst';

let store: PrintStore;
let counter: Counter;
let work: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await counter.context.request.post(`${counter.host.origin}/api/call`, { data: { method, input } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

beforeAll(async () => {
  store = await seedPrintStore();
  counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
  await call('session.signIn', { staffId: store.adminId, pin: ADMIN.pin });
  work = mkdtempSync(join(tmpdir(), 'counterdesk-labels-'));
});

afterAll(async () => {
  await counter?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The print route in a tab of its own, printed to PDF as Electron's printToPDF does, once it is ready. */
async function renderPdf(name: string, form: PrintForm, subjectId: string, paper: Paper): Promise<string> {
  const page = await counter.context.newPage();
  try {
    await page.goto(
      `${counter.host.origin}/${printRouteHash({ form, subjectId, language: 'zh-CN', copyNo: 0, paper })}`,
    );
    await page.locator('html[data-print-state]').waitFor({ state: 'attached' });
    expect(await page.title(), `the ${name} page reported an error`).toMatch(/^counterdesk-print:ready:/);
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return file;
  } finally {
    await page.close();
  }
}

async function partId(partNo: string): Promise<string> {
  const found = await call<{ items: Array<{ id: string; partNo: string }> }>('parts.list', { query: partNo, limit: 5 });
  return found.items.find((p) => p.partNo === partNo)!.id;
}

const PNGS = join(process.cwd(), 'test-results/labels');

describe('label PDFs', () => {
  test('part labels on 50 × 30 mm: one page per label, the text, a Code 128 of the part number', async () => {
    const file = await renderPdf('part-label', 'part-label', `${await partId('WM-PUMP-01')}*3`, 'label-50x30');
    const info = await pdfInfo(file);
    expect(info.pages).toBe(3);
    expect(info.widthMm).toBeCloseTo(50, 0);
    expect(info.heightMm).toBeCloseTo(30, 0);
    const text = await pdfText(file, 1);
    for (const expected of ['WM-PUMP-01', '排水泵', '220V 30W', 'A-01-1']) expect(text).toContain(expected);
    const [png] = await pdfToPngs(file, PNGS, 'part-label-50x30', 400);
    expect(await readCodes(png!)).toEqual([{ format: 'Code128', text: 'WM-PUMP-01' }]);
  });

  test('a goods tag on 40 × 30 mm: ticket number as Code 128 and QR, the surname and a masked phone only', async () => {
    const file = await renderPdf('goods-tag', 'goods-tag', store.ticket.id, 'label-40x30');
    const info = await pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(40, 0);
    expect(info.heightMm).toBeCloseTo(30, 0);
    const text = await pdfText(file);
    expect(text).toContain(store.ticket.number);
    expect(text).toContain('139****5678');
    expect(text).toContain('吴');
    expect(text).not.toContain('吴先生');
    expect(text).not.toContain('13912345678');
    const [png] = await pdfToPngs(file, PNGS, 'goods-tag-40x30', 400);
    const codes = await readCodes(png!);
    expect(codes).toEqual(
      expect.arrayContaining([
        { format: 'Code128', text: store.ticket.number },
        { format: 'QRCode', text: store.ticket.number },
      ]),
    );
  });

  test('bin labels on an A4 sheet of 3 × 8: every bin of the store room, 24 to a page, each bin’s code decodes', async () => {
    const locations = await call<{ items: Array<{ id: string; code: string; isMain: boolean }> }>(
      'parts.locations',
      {},
    );
    const main = locations.items.find((l) => l.isMain)!;
    const file = await renderPdf('bin-labels', 'bin-label', `${main.id}:*`, 'A4-labels');
    const info = await pdfInfo(file);
    // 6 parts on their own bins and 38 on E-01-1 … E-38-1: 44 labels, two sheets.
    expect(info.pages).toBe(2);
    expect(info.widthMm).toBeCloseTo(210, 0);
    expect(info.heightMm).toBeCloseTo(297, 0);
    expect(await pdfText(file, 1)).toContain('A-01-1');
    const [first] = await pdfToPngs(file, PNGS, 'bin-labels-a4', 200);
    const codes = (await readCodes(first!)).map((c) => c.text);
    expect(codes).toContain(`${main.code}/A-01-1`);
    expect(codes).toContain(`${main.code}/C-01-3`);
    expect(codes.length).toBe(24);
  });
});

describe('scanning at the counter', () => {
  test('a goods tag scanned on the counter page (the search box focused) opens its ticket', async () => {
    const { page } = counter;
    await page.goto(`${counter.host.origin}/#/counter`);
    const search = page.getByRole('combobox', { name: '搜索顾客' });
    // The counter page puts the cursor in its search box: the scan arrives there.
    await search.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    // A scanner types the code in a burst and ends with Enter.
    await scanBurst(page, store.ticket.number);
    await page.waitForURL(new RegExp(`#/tickets/${store.ticket.id}$`));
    await page.locator('[data-page="tickets"]').getByText(store.ticket.number).first().waitFor();
  });

  test('a part label scanned on the counter page opens the part in its drawer on the Parts page', async () => {
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${counter.host.origin}/#/counter`);
    await page.getByRole('combobox', { name: '搜索顾客' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await scanBurst(page, 'WM-PUMP-01');
    const pump = await partId('WM-PUMP-01');
    await page.waitForURL(new RegExp(`#/parts/stock/${pump}$`));
    await page.locator('[data-page="parts"]').waitFor();
    // The drawer is laid over the page (antd puts it at the end of the body).
    const drawer = page.getByRole('dialog');
    await drawer.getByText('排水泵').first().waitFor();
    await drawer.getByText('WM-PUMP-01').first().waitFor();
    await page.screenshot({ path: 'test-results/p17ui-part-scan-zh-1366.png' });
    await page.getByLabel(/^(Language|语言)$/).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: 'test-results/p17ui-part-scan-en-1366.png' });
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.keyboard.press('Escape');
  });

  test('typing the same number at a person’s pace does not open it; an unknown scanned code is named', async () => {
    const { page } = counter;
    await page.goto(`${counter.host.origin}/#/counter`);
    const search = page.getByRole('combobox', { name: '搜索顾客' });
    await search.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await scanBurst(page, 'NOPE-0000-1');
    await page.getByText('NOPE-0000-1：不是本柜台已知的工单或配件').waitFor();
    await search.fill('');
    await search.pressSequentially(store.ticket.number.slice(0, 6), { delay: 120 });
    await page.keyboard.press('Enter');
    expect(await search.inputValue()).toBe(store.ticket.number.slice(0, 6));
    expect(page.url()).toMatch(/#\/counter$/);
  });

  test('a part label scanned into a new requisition picks the part; scanned again, one more', async () => {
    const { page } = counter;
    await page.goto(`${counter.host.origin}/#/parts/requisitions`);
    await page.getByRole('button', { name: '新建领用单' }).click();
    const field = page.getByRole('textbox', { name: '扫描配件标签' });
    await field.click();
    await page.keyboard.type('WM-PUMP-01', { delay: 0 });
    await page.keyboard.press('Enter');
    const status = page.locator('[data-scan-status]');
    await status.getByText('已添加 WM-PUMP-01 排水泵').waitFor();
    await page
      .getByRole('combobox', { name: '第 1 行配件' })
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
      .getByText('WM-PUMP-01 排水泵')
      .waitFor();
    await page.keyboard.type('WM-PUMP-01', { delay: 0 });
    await page.keyboard.press('Enter');
    await status.getByText('WM-PUMP-01 排水泵 ×2').waitFor();
    await expect.poll(() => page.getByRole('spinbutton', { name: '第 1 行数量' }).inputValue()).toBe('2');
    await page.screenshot({ path: join(PNGS, 'requisition-scan-zh.png') });
  });
});

describe('the pages at 1366 × 768', () => {
  test('a blind count, the label dialogs and a label preview, in Chinese and English, without sideways scrolling', async () => {
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    // The seeded count of the whole store room gives way to a blind one.
    await call('parts.stocktakeCancel', { stocktakeId: store.stocktake.id, reason: '改为盲盘' });
    const count = await call<{ id: string }>('parts.stocktakeStart', { binPrefix: 'A-', blind: true });
    for (const [lang, texts] of [
      ['zh-CN', { blind: '盲盘：盘点人看不到', goodsTag: '打印物品标签', preview: '预览' }],
      ['en', { blind: 'Blind count: the counters', goodsTag: 'Print goods tag', preview: 'Preview' }],
    ] as const) {
      await page.goto(`${counter.host.origin}/#/parts/stocktake/${count.id}`);
      await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.getByText(texts.blind).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.screenshot({ path: join(PNGS, `stocktake-blind-${lang}.png`) });

      await page.goto(`${counter.host.origin}/#/tickets/${store.ticket.id}`);
      await page.getByRole('button', { name: texts.goodsTag }).click();
      await page.getByRole('button', { name: texts.preview }).click();
      await page.locator('.pf-desk .pf-label').first().waitFor();
      await page.screenshot({ path: join(PNGS, `goods-tag-preview-${lang}.png`) });
      await page.keyboard.press('Escape');
      await page.locator('.pf-desk').waitFor({ state: 'detached' });
    }
  });
});
