/**
 * The customers' progress page in Chromium, as a customer uses it: head office over HTTPS with a
 * repair pushed by its store (appointment made, charges and a deposit), the form filled in on a
 * phone (390×844) and on an office screen (1366×768), in Chinese and in English, the switch between
 * them, a wrong phone tail refused. Screenshots in test-results/progress/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { newId, TestStore, ticketEvent, type Change } from '../headoffice/reports/support';
import { SCREENSHOTS as CONSOLE_SCREENSHOTS, startConsoleRig, type ConsoleRig } from './console-fixtures';

const SCREENSHOTS = join(CONSOLE_SCREENSHOTS, '..', 'progress');
const NUMBER = 'S012-2-20261123-0004';
const PHONE = '13912345678';

let rig: ConsoleRig;

beforeAll(async () => {
  rig = await startConsoleRig();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const store = await TestStore.open(rig.db, createHlc({ node: HQ_NODE }), 'S012', '南京西路店');
  const [customerId, ticketId] = [newId(), newId()];
  const line = (kind: string, amountFen: number): Change => ({
    entity: 'charge_line',
    entityId: newId(),
    op: 'insert',
    fields: {
      ticketId,
      kind,
      description: '维修',
      quantity: 1,
      unitPriceFen: amountFen,
      covered: 0,
      amountFen,
      voidedAt: null,
    },
  });
  const pushed = await store.push([
    { entity: 'customer', entityId: customerId, op: 'insert', fields: { name: '张秀英' } },
    {
      entity: 'customer_phone',
      entityId: newId(),
      op: 'insert',
      fields: { customerId, number: PHONE, digits: PHONE, position: 0 },
    },
    {
      entity: 'ticket',
      entityId: ticketId,
      op: 'insert',
      fields: {
        number: NUMBER,
        storeId: store.storeId,
        customerId,
        productId: null,
        type: 'repair',
        priority: 'normal',
        createdAt: '2026-11-23T02:00:00Z',
        updatedAt: '2026-11-23T02:00:00Z',
        'form.fault': '不制冷',
      },
    },
    ticketEvent(ticketId, 'create', '2026-11-23T02:00:00Z', { to: 'received' }),
    ticketEvent(ticketId, 'schedule', '2026-11-23T03:00:00Z', {
      from: 'received',
      to: 'scheduled',
      data: { technicianId: 'tech-1', plannedDate: '2026-11-25' },
    }),
    ticketEvent(ticketId, 'contact_customer', '2026-11-23T04:00:00Z', {
      from: 'scheduled',
      to: 'appointment_set',
      data: { appointmentAt: '2026-11-25T06:00:00Z' },
    }),
    line('labour', 8000),
    line('part', 12050),
    {
      entity: 'payment',
      entityId: newId(),
      op: 'append',
      fields: { ticketId, kind: 'deposit', method: 'cash', amountFen: 5000, refundOf: null, reason: '' },
    },
  ]);
  expect(pushed.results.filter((r) => r.status !== 'applied')).toEqual([]);
});

afterAll(async () => {
  await rig?.stop();
});

async function openPage(locale: 'zh-CN' | 'en', viewport: { width: number; height: number }): Promise<Page> {
  const context = await rig.browser.newContext({ ignoreHTTPSErrors: true, locale, viewport });
  const page = await context.newPage();
  await page.goto(`${rig.server.url}/progress`);
  await page.locator('[data-page=progress]').waitFor();
  await fontsLoaded(page);
  // This browser has no Chinese font of its own: the first visit fetched the web font's slices,
  // which the screenshots should show as a phone with its own font shows the page at once.
  await page.reload();
  await page.locator('[data-page=progress]').waitFor();
  await fontsLoaded(page);
  return page;
}

/** The web font's slices for the characters shown have arrived (a CJK-less browser fetches them). */
async function fontsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const text = document.body.innerText;
    const faces = ['16px "Noto Sans SC"', '700 16px "Noto Sans SC"'];
    await Promise.all(faces.map((face) => document.fonts.load(face, text)));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return document.fonts.status === 'loaded' && faces.every((face) => document.fonts.check(face, text));
  });
}

/** Nothing sticks out sideways: the page fits the screen's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.view);
}

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
] as const;

describe('the progress page in a browser', () => {
  for (const { name, viewport } of SIZES)
    for (const locale of ['zh-CN', 'en'] as const)
      it(`shows the status, appointment and balance due (${name}, ${locale})`, async () => {
        const page = await openPage(locale, viewport);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        await page.screenshot({ path: join(SCREENSHOTS, `form-${name}-${locale}.png`) });
        await page.locator('#number').fill(NUMBER.toLowerCase());
        await page.locator('#tail').fill('5678');
        await page.locator('button[type=submit]').click();
        await page.getByTestId('progress-status').waitFor();
        const zh = locale === 'zh-CN';
        await expect(page.getByTestId('progress-status').textContent()).resolves.toBe(
          zh ? '已预约上门时间' : 'Appointment made',
        );
        await expect(page.getByTestId('progress-appointment').textContent()).resolves.toMatch(
          zh ? /2026年11月25日.*14:00/ : /25 November 2026.*14:00/,
        );
        await expect(page.getByTestId('progress-balance').textContent()).resolves.toBe(
          zh ? '待付 ¥150.50' : '¥150.50 to pay',
        );
        const text = await page.locator('body').innerText();
        for (const secret of ['张秀英', PHONE, '不制冷', 'tech-1']) expect(text).not.toContain(secret);
        await expectNoSidewaysScroll(page);
        await fontsLoaded(page);
        await page.screenshot({ path: join(SCREENSHOTS, `result-${name}-${locale}.png`) });
        await page.context().close();
      });

  it('refuses a wrong phone tail, and switches language keeping to the form', async () => {
    const page = await openPage('zh-CN', { width: 390, height: 844 });
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Check' }).waitFor();
    await page.locator('#number').fill(NUMBER);
    await page.locator('#tail').fill('5679');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('progress-problem').waitFor();
    await expect(page.getByTestId('progress-problem').textContent()).resolves.toContain('No ticket matches');
    await expect(page.locator('#number').inputValue()).resolves.toBe(NUMBER);
    await expect(page.locator('#tail').inputValue()).resolves.toBe('');
    await fontsLoaded(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'refused-phone-en.png') });
    await page.context().close();
  });
});
