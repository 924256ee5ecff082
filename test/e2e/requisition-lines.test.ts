/**
 * A requisition decided line by line, in Chromium, as the staff would do it: the technician asks
 * for three parts, seeing each part's stock per location and a warning where the store room holds
 * too few; the parts lead approves one line, reduces one and rejects one, each with a reason; the
 * clerk issues what was approved; the printed form (zh and en) marks the rejected line and gives
 * the reasons. Screenshots at 1366×768 in Chinese and English go to test-results/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { printRouteHash } from '../../db/api';
import { pdfText, pdfToPngs } from '../print/pdf';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, SignIn } from './pages';
import { newStoreDesk } from './seed-desk';

const SHOTS = 'test-results';
const STAFF = {
  clerk: { name: '赵磊', role: 'parts_clerk', pin: '6666' },
  lead: { name: '杨洋', role: 'parts_lead', pin: '5555' },
  technician: { name: '陈师傅', role: 'technician', pin: '4444' },
} as const;

/** A store with its parts staff, three parts in stock (the pump also in the van) and a repair ticket. */
async function seedStore(): Promise<{ dataDir: string; ticketNumber: string }> {
  const { dataDir, ok, close } = await newStoreDesk('reqlines-e2e');
  for (const staff of Object.values(STAFF)) await ok('staff.create', staff);
  const van = await ok('parts.locationCreate', { code: 'VAN1', name: '车1' });
  const parts = [
    { partNo: 'WM-PUMP-01', name: '排水泵', unit: '个', main: 3, van: 1 },
    { partNo: 'WM-BELT-02', name: '洗衣机皮带', unit: '条', main: 2, van: 0 },
    { partNo: 'RF-THERM-03', name: '冰箱温控器', unit: '个', main: 5, van: 0 },
  ];
  for (const part of parts) {
    const { id } = await ok('parts.create', {
      partNo: part.partNo,
      name: part.name,
      unit: part.unit,
      costFen: 2000,
      priceFen: 5000,
    });
    await ok('parts.adjust', { partId: id, qty: part.main, reason: '期初库存' });
    if (part.van > 0) await ok('parts.adjust', { partId: id, locationId: van.id, qty: part.van, reason: '随车备件' });
  }
  const customer = await ok('customers.create', { name: '刘女士', phones: [{ number: '13912345678' }] });
  const ticket = await ok('tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    fault: '洗衣机不排水',
    condition: '外观完好',
  });
  await close();
  return { dataDir, ticketNumber: ticket.number };
}

async function signInAs(page: Page, who: keyof typeof STAFF): Promise<void> {
  for (let open = await page.getByRole('dialog').count(); open > 0; open = await page.getByRole('dialog').count()) {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBeLessThan(open);
  }
  if (await page.getByRole('button', { name: 'Lock' }).isVisible())
    await page.getByRole('button', { name: 'Lock' }).click();
  await new SignIn(page).as(STAFF[who].name, STAFF[who].pin);
  await page.getByRole('link', { name: 'Spare parts' }).click();
  await page.getByRole('heading', { name: 'Spare parts' }).waitFor();
}

async function switchLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** The same screen in both languages, at 1366×768, never scrolling sideways. */
async function screenshots(page: Page, name: string, zhShows: string | RegExp): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}-en-1366.png` });
  await switchLanguage(page, 'zh-CN');
  await page.getByText(zhShows).first().waitFor();
  await page.screenshot({ path: `${SHOTS}/${name}-zh-1366.png` });
  await switchLanguage(page, 'en');
}

/** Picks a line's decision the way the lead does: a click on the button-styled choice, then it shows chosen. */
async function decide(page: Page, group: string, choice: string): Promise<void> {
  const radios = page.getByRole('dialog').getByRole('radiogroup', { name: group });
  await radios.getByText(choice, { exact: true }).click();
  await expect.poll(() => radios.getByRole('radio', { name: choice }).isChecked()).toBe(true);
}

let counter: Counter | undefined;
let work: string | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a requisition decided line by line', () => {
  it('technician requests 3 lines → lead approves one, reduces one, rejects one → clerk issues → the form prints the decisions', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { dataDir, ticketNumber } = await seedStore();
    counter = await openCounter({ dataDir, locale: 'en-US' });
    const { page } = counter;
    const file = join(dataDir, 'counterdesk.sqlite');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The technician asks for three parts and sees what each location holds.
    await signInAs(page, 'technician');
    await page.getByRole('button', { name: 'New requisition' }).click();
    const form = page.getByRole('dialog', { name: 'Requisition form (配件领用单)' });
    await form.getByLabel('Ticket number').fill(ticketNumber);
    await form.getByRole('button', { name: 'Find ticket' }).click();
    await form.getByText(`${ticketNumber} · 刘女士 · 洗衣机不排水`).waitFor();
    const want = [
      [/WM-PUMP-01/, 2],
      [/WM-BELT-02/, 3],
      [/RF-THERM-03/, 1],
    ] as const;
    for (const [index, [part, qty]] of want.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Add part' }).click();
      await chooseOption(page, form.getByRole('combobox', { name: `Part on line ${index + 1}` }), part);
      await form.getByLabel(`Quantity on line ${index + 1}`).fill(String(qty));
    }
    await expect
      .poll(() => form.getByRole('note', { name: 'Stock of the part on line 1' }).innerText())
      .toBe('On hand: 主库房 3 · 车1 1');
    const belt = form.getByRole('note', { name: 'Stock of the part on line 2' });
    await belt
      .getByRole('alert')
      .getByText('Only 2 at 主库房, fewer than the 3 asked: the parts lead decides.')
      .waitFor();
    // Issued from the van instead, the pump is short too (1 there) and the belt has none there.
    await chooseOption(page, form.getByRole('combobox', { name: 'From location' }), 'VAN1 车1');
    await form
      .getByRole('note', { name: 'Stock of the part on line 1' })
      .getByText('Only 1 at 车1, fewer than the 2 asked: the parts lead decides.')
      .waitFor();
    await chooseOption(page, form.getByRole('combobox', { name: 'From location' }), 'MAIN 主库房');
    await expect
      .poll(() => form.getByRole('note', { name: 'Stock of the part on line 1' }).innerText())
      .toBe('On hand: 主库房 3 · 车1 1');
    // The location list closes as the technician moves on to the note.
    await form.getByLabel('Note').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await screenshots(page, 'requisition-picker', /库存：\s*主库房 3 · 车1 1/);
    await form.getByRole('button', { name: 'Send to the parts lead' }).click();
    const requisition = page.getByRole('dialog', { name: /^Requisition form \(配件领用单\) R-S012-2-\d{8}-0001$/ });
    await requisition.getByText('Awaiting signature').waitFor();
    const [{ id, number }] = readTable<{ id: string; number: string }>(file, 'SELECT id, number FROM requisition') as [
      { id: string; number: string },
    ];

    // The lead decides each line; a rejected line without a reason is named and nothing is signed.
    await signInAs(page, 'lead');
    await page.getByRole('tab', { name: 'Requisitions', exact: true }).click();
    await page.getByRole('link', { name: `Open requisition ${number}` }).click();
    const sign = page.getByRole('dialog');
    await decide(page, 'Decision for 洗衣机皮带', 'Reduce');
    await sign.getByLabel('Approve for 洗衣机皮带').fill('1');
    await sign.getByLabel('Reason for 洗衣机皮带').fill('先换一条，其余待复检');
    await decide(page, 'Decision for 冰箱温控器', 'Reject');
    await sign.getByRole('button', { name: 'Sign the decisions' }).click();
    await sign.getByRole('alert').getByText('RF-THERM-03 冰箱温控器: Say why this line is rejected').waitFor();
    expect(readTable(file, 'SELECT status FROM requisition')).toEqual([{ status: 'requested' }]);
    await sign.getByLabel('Reason for 冰箱温控器').fill('温控器检测正常，不需更换');
    await screenshots(page, 'requisition-sign', '按所选审批并签字');
    await sign.getByRole('button', { name: 'Sign the decisions' }).click();
    await sign.getByRole('row', { name: /Status\s+Approved/ }).waitFor();
    await sign.getByRole('row', { name: /WM-BELT-02 洗衣机皮带\s+3 条\s+1\s+Reduced 先换一条，其余待复检/ }).waitFor();
    await sign
      .getByRole('row', { name: /RF-THERM-03 冰箱温控器\s+1 个\s+0\s+Rejected 温控器检测正常，不需更换/ })
      .waitFor();

    // The clerk issues what was approved: the rejected line offers nothing.
    await signInAs(page, 'clerk');
    await page.getByRole('tab', { name: 'Requisitions', exact: true }).click();
    await page.getByRole('link', { name: `Open requisition ${number}` }).click();
    const issue = page.getByRole('dialog');
    // The reduced belt line takes at most the 1 approved; the rejected thermostat has no box at all.
    const beltBox = issue.getByLabel('Issue now of 洗衣机皮带');
    await expect.poll(() => beltBox.inputValue()).toBe('1');
    await beltBox.fill('3');
    await beltBox.blur();
    await expect.poll(() => beltBox.inputValue()).toBe('1');
    expect(await issue.getByLabel('Issue now of 冰箱温控器').count()).toBe(0);
    await expect
      .poll(() =>
        issue
          .getByRole('row', { name: /RF-THERM-03/ })
          .getByText('Rejected', { exact: true })
          .count(),
      )
      .toBe(2);
    await screenshots(page, 'p17ui-requisition-issue', '驳回');
    await issue.getByRole('button', { name: 'Issue parts' }).click();
    await issue.getByRole('row', { name: /Status\s+Issued/ }).waitFor();
    await screenshots(page, 'requisition-issued', '驳回');

    // The list says what became of each line: rejected, or approved of requested; never "×0".
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The clerk's list shows what is still to issue; this one is issued now.
    await chooseOption(page, page.getByRole('combobox', { name: 'Show' }), 'Issued');
    const listed = page.getByRole('row', { name: new RegExp(number) });
    await listed.getByText('排水泵 ×2, 洗衣机皮带 ×1 of 3, 冰箱温控器 rejected').waitFor();
    await screenshots(page, 'p17ui-requisition-list', '排水泵 ×2，洗衣机皮带 批准 1 / 申领 3，冰箱温控器 驳回');
    expect(
      readTable(file, `SELECT qty FROM stock_movement WHERE kind = 'issue' AND doc_id = ? ORDER BY seq`, id),
    ).toEqual([{ qty: -2 }, { qty: -1 }]);

    // The printed form, in both languages: requested, approved and issued per line, the reasons under.
    work = mkdtempSync(join(tmpdir(), 'counterdesk-reqlines-pdf-'));
    const texts: Record<string, string> = {};
    for (const language of ['zh-CN', 'en'] as const) {
      const tab = await counter.context.newPage();
      await tab.goto(
        `${counter.host.origin}/${printRouteHash({ form: 'requisition', subjectId: id, language, copyNo: 0, paper: null })}`,
      );
      await tab.locator('html[data-print-state]').waitFor({ state: 'attached' });
      expect(await tab.title()).toMatch(/^counterdesk-print:ready:/);
      const pdf = join(work, `requisition-${language}.pdf`);
      writeFileSync(pdf, await tab.pdf({ preferCSSPageSize: true, printBackground: true }));
      await tab.close();
      texts[language] = (await pdfText(pdf)).replace(/\s+/g, ' ');
      // A picture of the print beside the screenshots, to look at.
      await pdfToPngs(pdf, SHOTS, `requisition-print-${language}`, 80);
    }
    const zh = texts['zh-CN']!;
    expect(zh).toMatch(/WM-PUMP-01 排水泵 个 2 2 2/);
    expect(zh).toMatch(/WM-BELT-02 洗衣机皮带 条 3 1 1/);
    expect(zh).toMatch(/核减：先换一条，其余待复检/);
    expect(zh).toMatch(/RF-THERM-03 冰箱温控器 个 1 驳回/);
    expect(zh).toMatch(/驳回：温控器检测正常，不需更换/);
    const en = texts.en!;
    expect(en).toMatch(/RF-THERM-03 冰箱温控器 个 1 Rejected/);
    expect(en).toMatch(/Reduced: 先换一条，其余待复检/);
    expect(en).toMatch(/Rejected: 温控器检测正常，不需更换/);
  }, 240_000);
});
