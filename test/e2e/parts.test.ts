/**
 * Spare parts at the counter, in Chromium, as the staff would do it: the clerk receives a delivery
 * with one rejected line; a technician requests two parts for a repair ticket; the parts lead
 * signs; the clerk issues; the ticket shows the parts; a stocktake finds one unit missing and the
 * lead posts the adjustment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { SignIn } from './pages';
import { newStoreDesk } from './seed-desk';

const STAFF = {
  clerk: { name: '赵磊', role: 'parts_clerk', pin: '6666' },
  lead: { name: '杨洋', role: 'parts_lead', pin: '5555' },
  technician: { name: '陈师傅', role: 'technician', pin: '4444' },
} as const;

/** A store with its parts staff, two suppliers, three parts in the catalogue and a repair ticket. */
async function seedStore(): Promise<{ dataDir: string; ticket: { id: string; number: string } }> {
  const { dataDir, ok, close } = await newStoreDesk('parts-e2e');
  for (const staff of Object.values(STAFF)) await ok('staff.create', staff);
  const supplier = await ok('parts.supplierCreate', { name: '苏州恒达电器配件有限公司' });
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
  });
  await ok('parts.create', {
    partNo: 'RF-THERM-03',
    name: '冰箱温控器',
    spec: 'WDF-20',
    unit: '个',
    costFen: 2800,
    priceFen: 6500,
    bin: 'B-02-1',
    supplierIds: [supplier.id],
  });
  const customer = await ok('customers.create', { name: '刘女士', phones: [{ number: '13912345678' }] });
  const ticket = await ok('tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    fault: '洗衣机不排水',
    condition: '外观完好',
  });
  await close();
  return { dataDir, ticket: { id: ticket.id, number: ticket.number } };
}

/** Sign in as someone else: lock the screen, pick the name, type the PIN. */
async function signInAs(page: Page, who: keyof typeof STAFF): Promise<void> {
  // Close what is open first, as the person leaving the counter would.
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

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Choose an option of an antd select found by its accessible name, typing to search first if asked. */
async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  if (search) await box.fill(search);
  // Each select's options carry ids under its listbox's id: pick from this select's list only.
  const list = await box.getAttribute('aria-controls');
  await page.locator(`[role="option"][id^="${list}"]`).filter({ hasText: option }).click();
}

/** The clerk's goods receipt: lines with what arrived, rejected units and why. */
class GoodsReceipt {
  constructor(private readonly page: Page) {}
  drawer() {
    return this.page.getByRole('dialog', { name: 'Receive a delivery' });
  }
  async line(
    n: number,
    line: { search: string; part: RegExp; delivered: number; cost: number; rejected?: number; reason?: string },
  ): Promise<void> {
    const d = this.drawer();
    await choose(this.page, d, `Part on line ${n}`, line.part, line.search);
    await d.getByLabel(`Delivered on line ${n}`, { exact: true }).fill(String(line.delivered));
    await d.getByLabel(`Unit cost on line ${n}`, { exact: true }).fill(String(line.cost));
    if (line.rejected) await d.getByLabel(`Rejected on line ${n}`, { exact: true }).fill(String(line.rejected));
    if (line.reason) await d.getByLabel(`Why rejected on line ${n}`, { exact: true }).fill(line.reason);
  }
}

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** The seeded store open in the browser: its page and address, its database file, its repair ticket. */
async function openSeededCounter(): Promise<{
  page: Page;
  origin: string;
  file: string;
  ticket: { id: string; number: string };
}> {
  const store = await seedStore();
  counter = await openCounter({ dataDir: store.dataDir, locale: 'en-US' });
  return {
    page: counter.page,
    origin: counter.host.origin,
    file: join(counter.host.dataDir, 'counterdesk.sqlite'),
    ticket: store.ticket,
  };
}

/** The technician's new requisition form, for the seeded repair ticket (found by its number). */
async function requisitionFor(page: Page, ticketNumber: string) {
  await page.getByRole('button', { name: 'New requisition' }).click();
  const form = page.getByRole('dialog', { name: 'Requisition form (配件领用单)' });
  await form.getByLabel('Ticket number').fill(ticketNumber);
  await form.getByRole('button', { name: 'Find ticket' }).click();
  await form.getByText(`${ticketNumber} · 刘女士 · 洗衣机不排水`).waitFor();
  return form;
}

describe('spare parts', () => {
  it('receives, requisitions, signs, issues, shows the ticket its parts, and counts stock', async () => {
    const { page, origin, file, ticket } = await openSeededCounter();
    const TICKET = ticket.number;

    // The clerk receives a delivery: 5 pumps, 4 belts of which 1 has a crack.
    await signInAs(page, 'clerk');
    await tab(page, 'Receiving');
    await page.getByRole('button', { name: 'New receipt' }).click();
    const receipt = new GoodsReceipt(page);
    await choose(page, receipt.drawer(), 'Supplier', '苏州恒达电器配件有限公司');
    await receipt.drawer().getByLabel('Delivery note no.').fill('SH-881');
    await receipt.line(1, { search: 'pump', part: /WM-PUMP-01/, delivered: 5, cost: 45 });
    await receipt.drawer().getByRole('button', { name: 'Add line' }).click();
    await receipt.line(2, {
      search: 'belt',
      part: /WM-BELT-02/,
      delivered: 4,
      cost: 12,
      rejected: 1,
      reason: '皮带有裂纹',
    });
    await receipt.drawer().getByRole('button', { name: 'Save receipt' }).click();
    const receiptView = page.getByRole('dialog', { name: /^Receipt GR-S012-2-/ });
    await receiptView.getByRole('button', { name: 'Close receipt and put accepted units into stock' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Confirm' }).click();
    await receiptView.getByText(/Returned to supplier on RT-S012-2-\d{8}-0001/).waitFor();
    expect(readTable(file, `SELECT kind, qty FROM stock_movement ORDER BY seq`)).toEqual([
      { kind: 'receive', qty: 5 },
      { kind: 'receive', qty: 3 },
    ]);
    await receiptView.getByRole('button', { name: 'Close' }).first().click();

    // The technician asks for two parts for the repair.
    await signInAs(page, 'technician');
    const form = await requisitionFor(page, TICKET);
    await choose(page, form, 'Part on line 1', /WM-PUMP-01/, 'pump');
    await form.getByLabel('Quantity on line 1').fill('2');
    await form.getByRole('button', { name: 'Add part' }).click();
    await choose(page, form, 'Part on line 2', /WM-BELT-02/, 'belt');
    await form.getByRole('button', { name: 'Send to the parts lead' }).click();
    const requisition = page.getByRole('dialog', { name: /^Requisition form \(配件领用单\) R-S012-2-\d{8}-0001$/ });
    await requisition.getByText('Awaiting signature').waitFor();
    const [{ number }] = readTable<{ number: string }>(file, 'SELECT number FROM requisition') as [{ number: string }];

    // The parts lead signs it.
    await signInAs(page, 'lead');
    await tab(page, 'Requisitions');
    await page.getByRole('link', { name: `Open requisition ${number}` }).click();
    await page.getByRole('button', { name: 'Sign the decisions' }).click();
    await page
      .getByRole('dialog')
      .getByRole('row', { name: /Status\s+Approved/ })
      .waitFor();
    await page
      .getByRole('dialog')
      .getByRole('row', { name: /Signed by the parts lead\s+杨洋/ })
      .waitFor();

    // The clerk issues what was signed.
    await signInAs(page, 'clerk');
    await tab(page, 'Requisitions');
    await page.getByRole('link', { name: `Open requisition ${number}` }).click();
    await expect.poll(() => page.getByLabel('Issue now of 排水泵').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Issue parts' }).click();
    await page
      .getByRole('dialog')
      .getByRole('row', { name: /Status\s+Issued/ })
      .waitFor();
    expect(readTable(file, `SELECT kind, qty FROM stock_movement WHERE kind = 'issue' ORDER BY seq`)).toEqual([
      { kind: 'issue', qty: -2 },
      { kind: 'issue', qty: -1 },
    ]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();

    // The ticket shows the parts it used.
    await page.goto(`${origin}/#/tickets/${ticket.id}`);
    await page.getByText(TICKET).first().waitFor();
    const used = page.getByRole('table', { name: 'Parts used' });
    await expect
      .poll(() => used.getByRole('row').allInnerTexts())
      .toEqual([
        expect.stringContaining('Name'),
        expect.stringMatching(/WM-BELT-02 洗衣机皮带\s+1\s+0\s+1 条\s+¥30\.00/),
        expect.stringMatching(/WM-PUMP-01 排水泵\s+2\s+0\s+2 个\s+¥176\.00/),
        expect.stringMatching(/Total\s+¥206\.00/),
      ]);

    // The clerk counts the store room: one pump is missing.
    await page.getByRole('link', { name: 'Spare parts' }).click();
    await tab(page, 'Stocktake');
    await page.getByRole('button', { name: 'Start a count' }).click();
    await page
      .getByRole('dialog', { name: 'Start a stocktake' })
      .getByRole('button', { name: 'Start a count' })
      .click();
    await page.getByLabel('Counted of WM-PUMP-01').fill('2');
    await page.getByLabel('Counted of WM-PUMP-01').press('Enter');
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('Scan a part label').fill('WM-BELT-02');
      await page.getByLabel('Scan a part label').press('Enter');
      // One status line, replaced at each scan: bin, name and the count so far.
      await page
        .locator('[data-scan-status]')
        .getByText(new RegExp(`^A-01-2 .+ ×${i + 1}$`))
        .waitFor();
    }
    await page.getByLabel('Counted of RF-THERM-03').fill('0');
    await page.getByLabel('Counted of RF-THERM-03').press('Enter');
    await page.getByText('3 of 3 counted · 1 with a difference (-¥45.00)').waitFor();
    const sheetUrl = page.url();

    // The lead explains the difference and posts it.
    await signInAs(page, 'lead');
    await page.goto(sheetUrl);
    await page.getByLabel('Reason for WM-PUMP-01').fill('疑似漏登记发料');
    await page.getByRole('button', { name: 'Approve and post adjustments' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('row', { name: /Status\s+Posted/ }).waitFor();
    expect(readTable(file, `SELECT kind, qty, reason FROM stock_movement WHERE doc_type = 'stocktake'`)).toEqual([
      { kind: 'adjust', qty: -1, reason: '疑似漏登记发料' },
    ]);
    await tab(page, 'Stock');
    await expect.poll(() => page.getByRole('row', { name: /WM-PUMP-01/ }).innerText()).toMatch(/\b2 个/);

    // Two pumps left, reorder level three: the lead sends the purchase list to the supplier.
    await tab(page, 'Reports');
    await page
      .getByRole('table', { name: 'Reorder list' })
      .getByRole('row', { name: /WM-PUMP-01/ })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reorder-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(readFileSync(await download.path()));
    expect(sheet.slice(1).map((row) => [row[0], row[2], row[6], row[10], row[12]])).toEqual([
      ['苏州恒达电器配件有限公司', 'WM-PUMP-01', 2, 10, 450],
      ['Total', null, null, null, 450],
    ]);
  });

  it('lets the technician cancel his requisition with a reason, and the lead rename and retire locations', async () => {
    const { page, file, ticket } = await openSeededCounter();
    const TICKET = ticket.number;

    // The technician asks for a pump, then the customer chooses a new machine instead.
    await signInAs(page, 'technician');
    const form = await requisitionFor(page, TICKET);
    await choose(page, form, 'Part on line 1', /WM-PUMP-01/, 'pump');
    await form.getByRole('button', { name: 'Send to the parts lead' }).click();
    const requisition = page.getByRole('dialog', { name: /^Requisition form \(配件领用单\) R-S012-2-\d{8}-0001$/ });
    await requisition.getByText('Awaiting signature').waitFor();
    await requisition.getByRole('button', { name: 'Cancel requisition' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this requisition' });
    await confirm.getByRole('button', { name: 'Cancel requisition' }).click();
    await confirm.getByRole('alert').getByText('Give a reason').waitFor();
    await confirm.getByLabel('Reason for cancelling').fill('客户改为换新机');
    await confirm.getByRole('button', { name: 'Cancel requisition' }).click();
    await requisition.getByRole('row', { name: /Status\s+Cancelled/ }).waitFor();
    await requisition.getByRole('row', { name: /Reason for cancelling\s+客户改为换新机/ }).waitFor();
    expect(await requisition.getByRole('button', { name: 'Cancel requisition' }).count()).toBe(0);
    expect(readTable(file, `SELECT kind, reason FROM requisition_event ORDER BY at, hlc`)).toEqual([
      { kind: 'requested', reason: '' },
      { kind: 'cancelled', reason: '客户改为换新机' },
    ]);

    // The lead renames the main room and retires an empty van; MAIN offers no Retire.
    await signInAs(page, 'lead');
    await tab(page, 'Stock');
    await page.getByRole('button', { name: /Stock locations/ }).click();
    await page.getByLabel('Code').fill('VAN-1');
    await page.getByLabel('Name', { exact: true }).fill('维修车一号');
    await page.getByRole('button', { name: 'Add location' }).click();
    await page.getByText('VAN-1 维修车一号').waitFor();
    await page.getByRole('button', { name: 'Rename location MAIN' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename location MAIN' });
    await rename.getByLabel('Name').fill('一楼库房');
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByText('MAIN 一楼库房').waitFor();
    expect(await page.getByRole('button', { name: 'Retire location MAIN' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Retire location VAN-1' }).click();
    await expect.poll(() => page.getByText('VAN-1 维修车一号').count()).toBe(0);
    await page.getByRole('switch', { name: 'Show retired locations' }).click();
    await page.getByRole('button', { name: 'Reactivate location VAN-1' }).waitFor();
    expect(
      readTable(file, `SELECT code, name, retired_at IS NOT NULL AS retired FROM stock_location ORDER BY code`),
    ).toEqual([
      { code: 'MAIN', name: '一楼库房', retired: 0 },
      { code: 'VAN-1', name: '维修车一号', retired: 1 },
    ]);
  });
});
