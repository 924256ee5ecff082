/**
 * An estimate end to end (docs/architecture/estimates.md): a repair outside warranty cannot start;
 * the counter writes an estimate from labour and a catalogue part, the customer signs it on the
 * pad, the estimate changes, the gate asks again, the customer approves the new version by phone,
 * and the work starts. Screenshots of the section at 1366×768 in English and Chinese.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { axeViolations, layoutProblems } from './layout-checks';
import { chooseOption, FirstRunSetup } from './pages';
import { signOnPad, TicketSteps } from './tickets-pages';

const SHOTS = 'test-results';
const started = Date.now();
/** Where a slow run spent its time, in the test's output. */
const mark = (what: string): void => console.log(`${Math.round((Date.now() - started) / 1000)} s: ${what}`);
let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** A desk call from the page, as the signed-in person (the host's session cookie). */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, input] as const,
  );
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

async function switchLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** "Start work" is refused with the estimate's reason; the dialog stays open until cancelled. */
async function startRefused(page: Page, reason: RegExp): Promise<void> {
  await page
    .getByRole('region', { name: 'Next steps' })
    .getByRole('button', { name: 'Start work', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Start work' });
  await dialog.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByText(reason).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('an estimate', () => {
  it('gates the repair until the customer approves it, and asks again after a change', async () => {
    mkdirSync(SHOTS, { recursive: true });
    counter = await openCounter({ locale: 'en-US' });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new FirstRunSetup(page).createStore({
      code: 'S012',
      name: 'Nanjing Road',
      counterNo: 2,
      adminName: 'Wang Fang',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();

    const technician = await call<{ id: string }>(page, 'staff.create', {
      name: 'Chen',
      role: 'technician',
      pin: '4444',
    });
    await call(page, 'parts.create', {
      partNo: 'FAN-35',
      name: 'Outdoor fan motor',
      unit: 'pc',
      costFen: 9000,
      priceFen: 18_000,
    });
    const customer = await call<{ id: string }>(page, 'customers.create', {
      name: '刘女士',
      phones: [{ number: '13912345678' }],
    });
    let ticket = await call<{ id: string; version: string; number: string }>(page, 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      model: 'KFR-35GW',
      fault: 'Loud outdoor unit when heating',
      condition: 'Light scratches',
    });
    ticket = await call(page, 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'schedule', technicianId: technician.id },
    });
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), ticket.id);
    const steps = new TicketSteps(page);
    await steps.waitForStatus('Scheduled');
    const section = page.getByRole('region', { name: 'Estimate' });
    await section.getByText('No estimate yet.').waitFor();

    mark('// No warranty on file');
    // No warranty on file: the work cannot start without an approved estimate.
    await startRefused(page, /not covered by warranty/);

    mark('// The counter writes the esti');
    // The counter writes the estimate: labour and a part at its catalogue price.
    await section.getByRole('button', { name: 'New estimate' }).click();
    const editor = page.getByRole('dialog', { name: 'Estimate' });
    await editor.getByRole('button', { name: 'Add labour' }).click();
    await editor.getByLabel('Description, line 1').fill('Clean and tighten the fan');
    await editor.getByLabel('Unit price (¥), line 1').fill('80');
    await editor.getByRole('button', { name: 'Add part' }).click();
    await chooseOption(page, editor.getByLabel('Part, line 2'), /FAN-35/);
    await editor.getByText('Customer pays: ¥260.00').waitFor();
    await page.screenshot({ path: `${SHOTS}/estimate-editor-en-1366.png` });
    await editor.getByRole('button', { name: 'Save estimate' }).click();
    await editor.waitFor({ state: 'hidden' });
    await section.getByText('Draft', { exact: true }).waitFor();
    await section.getByText(/has not approved the current estimate/).waitFor();

    mark('// The customer reads it');
    // The customer reads it and signs on the pad.
    await section.getByRole('button', { name: 'Record customer’s decision' }).click();
    const decide = page.getByRole('dialog', { name: 'Customer’s decision on version 1' });
    await decide.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    await signOnPad(page);
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await decide.waitFor({ state: 'hidden' });
    await section.getByText('The customer has agreed the price: the work may start.').waitFor();
    await section.getByText('The decision matches this version').waitFor();
    await page.screenshot({ path: `${SHOTS}/estimate-approved-en-1366.png`, fullPage: true });
    // The section fits 1366×768 and passes the accessibility checks every page passes.
    expect(await layoutProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'zh-CN');
    await page.getByRole('region', { name: '报价' }).getByText('客户已同意报价，可以开工。').waitFor();
    await page.screenshot({ path: `${SHOTS}/estimate-approved-zh-1366.png`, fullPage: true });
    await switchLanguage(page, 'en');

    mark('// The price changes');
    // The price changes: a new version, and the gate asks again.
    await section.getByRole('button', { name: 'Change estimate' }).click();
    await editor.getByText(/saving makes version 2/).waitFor();
    await editor.getByLabel('Quantity, line 2').fill('2');
    await editor.getByText('Customer pays: ¥440.00').waitFor();
    await editor.getByRole('button', { name: 'Save estimate' }).click();
    await editor.waitFor({ state: 'hidden' });
    await section.getByText(/Version 1 · Superseded · ¥260\.00 · 刘女士/).waitFor();
    await startRefused(page, /has not approved the current estimate/);

    mark('// The customer agrees by phon');
    // The customer agrees by phone.
    await section.getByRole('button', { name: 'Record customer’s decision' }).click();
    const again = page.getByRole('dialog', { name: 'Customer’s decision on version 2' });
    await again.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    await again.getByRole('radiogroup', { name: 'How' }).getByText('By phone', { exact: true }).click();
    await again.getByLabel('Customer’s name').fill('刘先生');
    await again.getByRole('button', { name: 'Record decision' }).click();
    await again.waitFor({ state: 'hidden' });
    await section.getByText(/Approved by 刘先生 \(by phone\)/).waitFor();
    await page.screenshot({ path: `${SHOTS}/estimate-v2-en-1366.png`, fullPage: true });
    await switchLanguage(page, 'zh-CN');
    await page
      .getByRole('region', { name: '报价' })
      .getByText(/刘先生电话同意/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/estimate-v2-zh-1366.png`, fullPage: true });
    await switchLanguage(page, 'en');

    mark("await steps.take('Start work')");
    await steps.take('Start work');
    await steps.waitForStatus('Being repaired');
    const file = join(counter.host.dataDir, 'counterdesk.sqlite');
    expect(
      readTable(
        file,
        'SELECT e.version, d.decision, d.method, d.customer_name FROM estimate_decision d JOIN estimate e ON e.id = d.estimate_id ORDER BY e.version',
      ),
    ).toEqual([
      { version: 1, decision: 'approved', method: 'signature', customer_name: '刘女士' },
      { version: 2, decision: 'approved', method: 'phone', customer_name: '刘先生' },
    ]);
    // The printed estimate (A4): the lines, totals, validity and the recorded approval, in Chinese.
    const [latest] = readTable<{ id: string }>(file, 'SELECT id FROM estimate WHERE version = 2');
    const sheet = await counter.context.newPage();
    await sheet.setViewportSize({ width: 1366, height: 768 });
    await sheet.goto(`${new URL(page.url()).origin}/#/print/estimate/${latest!.id}?lang=zh-CN&copy=0&paper=A4`);
    await sheet.getByText('维修报价单').first().waitFor();
    await sheet.getByText(/刘先生电话同意/).waitFor();
    await sheet.getByText('¥440.00').first().waitFor();
    await sheet.screenshot({ path: `${SHOTS}/estimate-print-zh.png`, fullPage: true });
    await sheet.close();
    expect(readTable(file, 'SELECT total_fen FROM estimate ORDER BY version')).toEqual([
      { total_fen: 26_000 },
      { total_fen: 44_000 },
    ]);
  }, 240_000);
});
