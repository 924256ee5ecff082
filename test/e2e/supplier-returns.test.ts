/**
 * Slow stock and returns to supplier in Chromium, as the parts lead works them: a slow part goes on
 * clearance, another goes back to its supplier by agreement; the return is shipped and its credit
 * recorded from the Receiving tab, where a return waiting long for its credit stands out; the
 * return note prints on A4. Screenshots at 1366×768 in English and Chinese go to test-results/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { printRouteHash } from '../../db/api';
import { localDateOf } from '../../db/tickets/calendar';
import { DEFAULT_TICKET_SETTINGS } from '../../db/tickets/settings';
import { pdfInfo, pdfText } from '../print/pdf';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, SignIn } from './pages';
import { newStoreDesk } from './seed-desk';

const SHOTS = join(process.cwd(), 'test-results', 'supplier-returns');
const DAY = 86_400_000;
const LEAD = { name: '杨洋', role: 'parts_lead', pin: '5555' } as const;

/** A store whose stock came in 120 days ago, with a return shipped 40 days ago and still not credited. */
async function seedStore(): Promise<{ dataDir: string; overdue: string }> {
  let now = Date.now() - 120 * DAY;
  const { dataDir, ok, close } = await newStoreDesk('returns-e2e', () => now);
  const adminId = (await ok('session.status', {})).staff!.id;
  await ok('staff.create', LEAD);
  const supplier = await ok('parts.supplierCreate', {
    name: '苏州恒达电器配件有限公司',
    contact: '周经理',
    phone: '0512-66881234',
  });
  const part = (partNo: string, name: string, costFen: number, priceFen: number) =>
    ok('parts.create', {
      partNo,
      name,
      spec: '',
      unit: '个',
      costFen,
      priceFen,
      bin: 'A-01-1',
      supplierIds: [supplier.id],
    });
  const pump = await part('WM-PUMP-01', '排水泵', 4_500, 8_800);
  const belt = await part('WM-BELT-02', '洗衣机皮带', 1_200, 3_000);
  const valve = await part('WM-VALVE-03', '进水阀', 2_000, 4_500);
  await ok('parts.adjust', { partId: pump.id, qty: 6, reason: '期初' });
  await ok('parts.adjust', { partId: belt.id, qty: 8, reason: '期初' });
  await ok('parts.adjust', { partId: valve.id, qty: 5, reason: '期初' });
  now = Date.now() - 40 * DAY;
  await ok('session.signIn', { staffId: adminId, pin: '2468' });
  const overdue = await ok('parts.supplierReturnCreate', {
    supplierId: supplier.id,
    reason: '型号停产',
    agreementRef: 'HD-2026-009',
    lines: [{ partId: valve.id, qty: 2 }],
  });
  await ok('parts.supplierReturnShip', {
    returnId: overdue.id,
    shippedOn: localDateOf(now, DEFAULT_TICKET_SETTINGS.timeZone),
    carrier: '德邦物流',
    waybillNo: 'DB778',
  });
  await close();
  return { dataDir, overdue: overdue.number };
}

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe('slow stock and returns to supplier', () => {
  it('clears one part, returns another by agreement, ships and credits it, and prints the note', async () => {
    const { dataDir, overdue } = await seedStore();
    counter = await openCounter({ dataDir, locale: 'en-US', timezoneId: DEFAULT_TICKET_SETTINGS.timeZone });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new SignIn(page).as(LEAD.name, LEAD.pin);
    await page.getByRole('link', { name: 'Spare parts' }).click();
    await page.getByRole('heading', { name: 'Spare parts' }).waitFor();

    // The slow-stock report: every part idle for 120 days.
    await page.getByRole('tab', { name: 'Reports', exact: true }).click();
    const slow = page.getByRole('table', { name: /Slow/ });
    await slow.getByRole('row', { name: /WM-PUMP-01/ }).waitFor();

    // The pump goes on clearance at ¥50.00 (catalogue ¥88.00).
    await slow.getByRole('button', { name: 'Clearance… WM-PUMP-01' }).click();
    let dialog = page.getByRole('dialog', { name: /Clearance · WM-PUMP-01/ });
    await dialog.getByLabel('Clearance price').fill('50');
    await dialog.getByLabel('Reason').fill('型号淘汰');
    await dialog.getByRole('button', { name: 'Start clearance' }).click();
    await slow
      .getByRole('row', { name: /WM-PUMP-01/ })
      .getByText('Clearance ¥50.00')
      .waitFor();

    // Three belts go back to the supplier under its agreement.
    await slow.getByRole('button', { name: 'Return to supplier… WM-BELT-02' }).click();
    dialog = page.getByRole('dialog', { name: /Return to supplier · WM-BELT-02/ });
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Supplier' }), '苏州恒达电器配件有限公司');
    await dialog.getByLabel('Quantity').fill('3');
    await dialog.getByLabel('Agreement ref.').fill('HD-2026-017');
    await dialog.getByLabel('Reason').fill('积压一年');
    await dialog.getByRole('button', { name: 'Write return' }).click();
    await slow.getByRole('row', { name: /WM-BELT-02.*5 个/ }).waitFor();
    await shot(page, 'reports-en');

    // Receiving: the new return waits to ship; the seeded one stands out, 40 days without credit.
    await page.getByRole('tab', { name: 'Receiving', exact: true }).click();
    const returns = page.getByRole('table', { name: 'Returns to supplier' });
    await returns
      .getByRole('row', { name: new RegExp(overdue) })
      .getByText('No credit note for 40 days')
      .waitFor();
    const row = returns.getByRole('row', { name: /HD-2026-017/ });
    await row.getByText('Written').waitFor();
    const number = (await row.getByText(/^RT-/).innerText()).trim();

    await row.getByRole('button', { name: `Ship ${number}` }).click();
    dialog = page.getByRole('dialog', { name: `Ship return ${number}` });
    await dialog.getByLabel('Carrier').fill('顺丰速运');
    await dialog.getByLabel('Waybill no.').fill('SF1234567890');
    await dialog.getByRole('button', { name: 'Mark as shipped' }).click();
    await row.getByText(/顺丰速运 SF1234567890/).waitFor();
    await row.getByText('Waiting 0 days for credit').waitFor();

    await row.getByRole('button', { name: `Record credit ${number}` }).click();
    dialog = page.getByRole('dialog', { name: `Supplier credit for ${number}` });
    // Three belts at ¥12.00 cost: the amount starts at what they cost.
    await expect.poll(() => dialog.getByLabel('Amount credited').inputValue()).toBe('36.00');
    await dialog.getByLabel('Credit note no.').fill('CN-8812');
    await dialog.getByRole('button', { name: 'Record credit' }).click();
    await row.getByText(/CN-8812 · ¥36\.00/).waitFor();
    await row.getByText('Credited').waitFor();
    expect(await row.getByRole('button', { name: `Cancel return ${number}` }).count()).toBe(0);
    await shot(page, 'receiving-en');

    // The ledger: three belts left, nothing else moved by shipping or crediting.
    const file = join(counter.host.dataDir, 'counterdesk.sqlite');
    expect(
      readTable(
        file,
        'SELECT p.part_no, SUM(m.qty) AS qty FROM stock_movement m JOIN part p ON p.id = m.part_id GROUP BY p.part_no ORDER BY p.part_no',
      ),
    ).toEqual([
      { part_no: 'WM-BELT-02', qty: 5 },
      { part_no: 'WM-PUMP-01', qty: 6 },
      { part_no: 'WM-VALVE-03', qty: 3 },
    ]);

    // The return note on A4, in both languages.
    const { id } = readTable<{ id: string }>(file, 'SELECT id FROM supplier_return WHERE number = ?', number)[0]!;
    const work = mkdtempSync(join(tmpdir(), 'counterdesk-return-pdf-'));
    for (const language of ['en', 'zh-CN'] as const) {
      const print = await counter.context.newPage();
      await print.goto(
        `${counter.host.origin}/${printRouteHash({ form: 'supplier-return', subjectId: id, language, copyNo: 0, paper: null })}`,
      );
      await print.locator('html[data-print-state]').waitFor({ state: 'attached' });
      expect(await print.title()).toMatch(/^counterdesk-print:ready:/);
      const pdf = join(work, `return-${language}.pdf`);
      writeFileSync(pdf, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
      await print.setViewportSize({ width: 900, height: 1200 });
      await print.screenshot({ path: join(SHOTS, `note-${language}.png`), fullPage: true });
      await print.close();
      const info = await pdfInfo(pdf);
      expect(info.widthMm).toBeCloseTo(210, 0);
      expect(info.heightMm).toBeCloseTo(297, 0);
      const text = await pdfText(pdf);
      const expected =
        language === 'en'
          ? ['Return to supplier note', 'HD-2026-017', 'Shipped by', 'Received by supplier', 'CN-8812']
          : ['退货单', 'HD-2026-017', '发货人', '供应商签收', '洗衣机皮带'];
      for (const words of [number, '苏州恒达电器配件有限公司', '¥36.00', ...expected]) expect(text).toContain(words);
    }

    // The same pages in Chinese.
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('table', { name: '退供应商单' }).getByText('已退款').waitFor();
    await shot(page, 'receiving-zh');
    await page.getByRole('tab', { name: '报表', exact: true }).click();
    await page.getByText('清仓价 ¥50.00').waitFor();
    await shot(page, 'reports-zh');
  });
});
