/**
 * One approved template per event: the sender sends the event's template code with its named
 * variables filled from head office's copy of the ticket and store (the fake provider refuses a
 * template it has not approved or a variable missing); an event with no template code is refused
 * by name in the outbox before any call; and the provider's rate limit is kept by two senders
 * together, through PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmsHeadOffice, type SmsHeadOffice } from './support/sms-hq';

let hq: SmsHeadOffice;

beforeAll(async () => {
  hq = await startSmsHeadOffice();
});

afterEach(async () => {
  await hq.settle();
});

afterAll(async () => {
  await hq?.close();
});

const sendsOf = (messageId: string) => hq.fake.accepted.filter((a) => a.outId === messageId);

describe('a template per event', () => {
  it('an appointment message sends its own template with the store, the ticket number and the time', async () => {
    const { messageId, ticketId } = await hq.queueMessage(hq.pcs.s012, {
      event: 'appointment_booked',
      body: '南京西路店已为您预约上门服务：12月9日周三 10:30，单号T-1。',
    });
    const appointmentAt = '2026-12-09T02:30:00.000Z';
    await hq.push(hq.pcs.s012, [
      {
        entity: 'ticket_event',
        entityId: `${ticketId}-e1`,
        op: 'insert',
        fields: {
          id: `${ticketId}-e1`,
          ticketId,
          action: 'contact_customer',
          data: JSON.stringify({ appointmentAt }),
        },
      },
    ]);
    expect(await hq.sender().runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const [sent] = sendsOf(messageId);
    const time = new Intl.DateTimeFormat('zh-CN', {
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(appointmentAt));
    expect(sent).toMatchObject({
      templateCode: 'SMS_100200301',
      param: { store: '南京西路店', ticket: `T-${ticketId}`, time },
    });
    expect(time).toContain('10:30');
  });

  it('an event without a template code is refused by name, before any call, and said on the ticket', async () => {
    const calls = hq.fake.calls.length;
    const { messageId } = await hq.queueMessage(hq.pcs.s020, { event: 'estimate_ready' });
    expect(await hq.sender().runOnce()).toMatchObject({ claimed: 0, failed: 1 });
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'failed', attempts: 0, lastError: 'no_template_code' });
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({
      status: 'failed',
      lastError: 'no_template_code',
    });
    expect(hq.fake.calls.length).toBe(calls);
  });

  it('an appointment message with no appointment known is refused naming the missing variable', async () => {
    const { messageId } = await hq.queueMessage(hq.pcs.s020, { event: 'appointment_booked' });
    await hq.sender().runOnce();
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'failed', lastError: 'variable_missing_time' });
    expect(sendsOf(messageId)).toEqual([]);
  });

  it('a template the provider does not know is the provider’s refusal, kept as the last error', async () => {
    await hq.db
      .updateTable('smsTemplate')
      .set({ templateCode: 'SMS_999999' })
      .where('event', '=', 'job_done')
      .execute();
    const { messageId } = await hq.queueMessage(hq.pcs.s020, { event: 'job_done' });
    await hq.sender().runOnce();
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'failed', lastError: 'isv.SMS_TEMPLATE_ILLEGAL' });
  });
});

describe('the provider’s rate limit, shared', () => {
  it('two senders at 5 calls a second together take at least a second for six messages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1)
      ids.push((await hq.queueMessage(hq.pcs.s012, { phone: `1370000${2000 + i}` })).messageId);
    const from = hq.fake.calls.length;
    const [a, b] = await Promise.all([
      hq.sender({ batchSize: 3, perSecond: 5 }).runOnce(),
      hq.sender({ batchSize: 3, perSecond: 5 }).runOnce(),
    ]);
    expect(a.sent + b.sent).toBe(6);
    const times = hq.fake.calls
      .slice(from)
      .filter((call) => call.action === 'SendSms')
      .map((call) => call.at)
      .sort((x, y) => x - y);
    expect(times).toHaveLength(6);
    // Five gaps of 200 ms between six calls; each process alone would have allowed two at once.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(5 * 200 - 30);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(200 - 30);
  });
});
