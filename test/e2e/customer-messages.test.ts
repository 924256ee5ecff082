/**
 * Customer messages end to end: a customer who agreed to messages brings in a complaint; the
 * intake queues "ticket received", and the ticket's Messages section shows it waiting to be sent
 * (the PC is offline from head office here), in English and in Chinese. The settings page previews
 * templates with their SMS count and refuses an unknown placeholder. Screenshots at 1366×768.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { CustomerForm, FirstRunSetup } from './pages';
import { TicketIntake } from './tickets-pages';

const SHOTS = join(process.cwd(), 'test-results', 'customer-messages');
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

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe('customer messages', () => {
  it('queues "ticket received" at intake and shows it on the ticket, waiting to be sent (English)', async () => {
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
    const form = new CustomerForm(page);
    await form.open();
    await form.fill({ name: '刘女士', phone: '13912345678' });
    await form.dialog().getByRole('checkbox', { name: 'Agrees to be contacted' }).check();
    await form.save();
    await form.dialog().waitFor({ state: 'hidden' });

    const intake = new TicketIntake(page);
    await intake.start('Complaint', '5678', '刘女士');
    await intake.choose('Category', 'Service attitude');
    await page.getByLabel('What happened').fill('安装师傅迟到两小时');
    await page.getByLabel('What the customer wants').fill('道歉并重新安排安装');
    const number = await intake.submit();

    const section = page.getByRole('region', { name: 'Messages' });
    const message = section.getByTestId('ticket-message');
    await message.getByText('Ticket received').waitFor();
    await message.getByTestId('message-state').getByText('Waiting to send').waitFor();
    await message.getByText(`${number}，我们会尽快处理`, { exact: false }).waitFor();
    await section.getByText('they wait here until this PC syncs', { exact: false }).waitFor();
    const [row] = readTable<{ event: string; phone: string }>(
      join(counter.host.dataDir, 'counterdesk.sqlite'),
      'SELECT event, phone FROM customer_message',
    );
    expect(row).toEqual({ event: 'ticket_received', phone: '13912345678' });
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'ticket-en');

    // Cancelled from the ticket, it can be sent again.
    await message.getByRole('button', { name: 'Cancel sending' }).click();
    await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Cancel sending' }).click();
    await message.getByTestId('message-state').getByText('Cancelled').waitFor();
    await message.getByRole('button', { name: 'Send again' }).waitFor();

    await page.getByRole('link', { name: 'Customer messages' }).click();
    await page.getByRole('heading', { name: 'Customer messages', level: 2 }).waitFor();
    const followUp = page.getByLabel('Follow-up (rating 1–5) · Chinese', { exact: true });
    await followUp.fill('{store}回访：{name}您好，回复1-5评价');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Unknown placeholder in braces', { exact: false }).first().waitFor();
    await shot(page, 'settings-en');
  });

  it('shows the queued message on the ticket in Chinese', async () => {
    counter = await openCounter({ locale: 'zh-CN' });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new FirstRunSetup(page, 'zh').createStore({
      code: 'S013',
      name: '徐汇店',
      counterNo: 1,
      adminName: '王芳',
      pin: '2468',
    });
    await page.getByText('(S013)').waitFor();
    const customer = await call<{ id: string }>(page, 'customers.create', {
      name: '陈先生',
      phones: [{ number: '13700001111' }],
      contactConsent: true,
    });
    const ticket = await call<{ id: string; number: string }>(page, 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      priority: 'normal',
      location: 'in_store',
      address: '',
      model: 'KFR-35GW',
      fault: '不制冷',
      accessories: '遥控器',
      condition: '外壳完好',
    });
    await page.evaluate((id) => {
      window.location.hash = `#/tickets/${id}`;
    }, ticket.id);
    await page.getByRole('heading', { level: 2, name: ticket.number }).waitFor();
    const section = page.getByRole('region', { name: '短信' });
    const message = section.getByTestId('ticket-message');
    await message.getByText('受理通知').waitFor();
    await message.getByTestId('message-state').getByText('等待发送').waitFor();
    await message.getByText(`徐汇店已受理您的服务单${ticket.number}`, { exact: false }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'ticket-zh');

    await page.getByRole('link', { name: '客户短信' }).click();
    await page.getByRole('heading', { name: '客户短信', level: 2 }).waitFor();
    await page.getByTestId('template-segments').first().waitFor();
    await shot(page, 'settings-zh');
  });
});
