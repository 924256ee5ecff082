/**
 * The default, as `npm run headoffice` runs it: no HEADOFFICE_SMS_* set, so the log-only gateway.
 * The running head office's own loop picks up a message a store pushed, "sends" it to the log (a
 * masked phone and the message id, never the text), tells the store it was sent, and stops when the
 * app closes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHeadOffice } from '../../headoffice/app';
import { readSmsSettings } from '../../headoffice/sms/settings';
import { startSmsHeadOffice, type SmsHeadOffice } from './support/sms-hq';

let hq: SmsHeadOffice;

beforeAll(async () => {
  hq = await startSmsHeadOffice();
});

afterAll(async () => {
  await hq?.close();
});

it('the default head office logs the message instead of sending it, and says so on the ticket', async () => {
  const lines: string[] = [];
  const line = (message: string, details?: Record<string, unknown>) =>
    lines.push(`${message} ${JSON.stringify(details ?? {})}`);
  const settings = { ...readSmsSettings({}), intervalMs: 100 };
  expect(settings.gateway).toBe('log');
  const running = await buildHeadOffice({
    db: hq.db,
    now: hq.now,
    sms: { settings, log: { info: line, warn: line, error: line } },
  });
  try {
    const { messageId } = await hq.queueMessage(hq.pcs.s012, { phone: '13800004444' });
    await expect.poll(async () => (await hq.outbox(messageId)).status, { timeout: 20_000 }).toBe('sent');
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({
      status: 'sent',
      provider: 'log',
      providerMessageId: `log-${messageId}`,
    });
    const logged = lines.join('\n');
    expect(logged).toContain(`"messageId":"${messageId}"`);
    expect(logged).toContain('138****4444');
    expect(logged).not.toMatch(/13800004444|已修好/);
    // The callbacks are not served without a token.
    expect((await running.inject({ method: 'POST', url: '/sms/v1/aliyun/report', payload: [] })).statusCode).toBe(404);
  } finally {
    await running.close();
  }
  // Closed: the loop has stopped, so a new message stays queued.
  const { messageId: later } = await hq.queueMessage(hq.pcs.s012);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await hq.outbox(later)).toMatchObject({ status: 'queued', attempts: 0 });
});
