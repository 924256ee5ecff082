/**
 * Head office sends the customer messages the counters queue, through the Alibaba Cloud SMS gateway
 * against a local fake of its API that checks every signature: quiet hours (`not_before`), retries
 * with exponential backoff after a 5xx or a timeout, a permanent failure, bounded attempts, a
 * cancelled message, two senders at once, and the delivery status back to the message's store only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliyunGateway } from '../../headoffice/sms/aliyun-gateway';
import { startSmsHeadOffice, type SmsHeadOffice } from './support/sms-hq';

let hq: SmsHeadOffice;
const MINUTE = 60_000;

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

describe('signing', () => {
  it('the fake checks the signature: a wrong secret is refused and reported as a failure not worth retrying', async () => {
    const wrong = aliyunGateway(hq.gatewayConfig({ accessKeySecret: 'not-the-secret' }));
    const result = await wrong.send({
      messageId: 'm-wrong',
      phone: '13800001111',
      body: '测试',
      event: 'ready_for_pickup',
      templateCode: 'SMS_100200300',
      params: { ticket: 'S012-1-20261207-0001', store: '南京西路店' },
      firstClaimedAt: new Date(),
    });
    expect(result).toEqual({ ok: false, retryable: false, ambiguous: false, code: 'SignatureDoesNotMatch' });
    expect(hq.fake.calls.at(-1)).toMatchObject({ action: 'SendSms', status: 400, code: 'SignatureDoesNotMatch' });
    expect(sendsOf('m-wrong')).toEqual([]);

    // Through the sender: failed after one attempt, said on the ticket, nothing sent.
    const { messageId } = await hq.queueMessage(hq.pcs.s012);
    const report = await hq.sender({ gateway: wrong }).runOnce();
    expect(report).toMatchObject({ claimed: 1, failed: 1, sent: 0 });
    expect(await hq.outbox(messageId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'SignatureDoesNotMatch',
    });
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sendsOf(messageId)).toEqual([]);
  });
});

describe('sending', () => {
  it('waits for not_before (quiet hours), then sends once with the message id as OutId; the delivery reaches only its store', async () => {
    const at8 = new Date(hq.now() + 2 * 60 * MINUTE);
    const { messageId } = await hq.queueMessage(hq.pcs.s012, { notBefore: at8, phone: '+86 138-0000-2222' });
    const sender = hq.sender();
    expect(await sender.runOnce()).toMatchObject({ claimed: 0 });
    hq.clock.ms = at8.getTime() - 1000;
    expect(await sender.runOnce()).toMatchObject({ claimed: 0 });
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'queued', attempts: 0 });

    hq.clock.ms = at8.getTime();
    expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const [sent] = sendsOf(messageId);
    expect(sent).toMatchObject({ phone: '13800002222', signName: '柜台服务', templateCode: 'SMS_100200300' });
    // The event's approved template with its named variables, not the counter's whole text.
    expect(sent!.param).toEqual({ store: '南京西路店', ticket: expect.stringMatching(/^T-/) });
    const delivery = await hq.state('message_delivery', messageId);
    expect(delivery).toMatchObject({
      ownerStoreId: hq.pcs.s012.storeId,
      fields: {
        messageId,
        status: 'sent',
        attempts: 1,
        provider: 'aliyun',
        providerMessageId: sent!.bizId,
        lastError: '',
      },
    });
    expect((await hq.pulled(hq.pcs.s012, 'message_delivery')).map((c) => c.entityId)).toContain(messageId);
    expect((await hq.pulled(hq.pcs.s020, 'message_delivery')).map((c) => c.entityId)).not.toContain(messageId);

    expect(await sender.runOnce()).toMatchObject({ claimed: 0 });
    expect(sendsOf(messageId)).toHaveLength(1);
  });

  it('retries a 5xx and a timeout with growing, jittered waits, looks up before resending after the timeout, then sends', async () => {
    const { messageId } = await hq.queueMessage(hq.pcs.s012);
    hq.fake.plan({ status: 503, code: 'ServiceUnavailable' }, 'hang');
    const sender = hq.sender();
    const sendCallsBefore = hq.fake.calls.filter((c) => c.action === 'SendSms').length;
    const start = hq.now();

    expect(await sender.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    let row = await hq.outbox(messageId);
    // 60 s × 2^0, equal jitter at random() = 0.5: 30 s + 15 s. A 5xx may come after the provider
    // took the message, so the next attempt asks first.
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'http_503', unsure: true });
    expect(row.nextAttemptAt.getTime() - start).toBe(45_000);
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({
      status: 'sending',
      lastError: 'http_503',
      nextAttemptAt: row.nextAttemptAt.toISOString(),
    });
    hq.clock.ms = start + 44_000;
    expect(await sender.runOnce()).toMatchObject({ claimed: 0 });

    hq.clock.ms = start + 45_000;
    expect(await sender.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    row = await hq.outbox(messageId);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, lastError: 'timeout', unsure: true });
    expect(row.nextAttemptAt.getTime() - hq.now()).toBe(90_000);

    hq.clock.ms += 90_000;
    const calls = hq.fake.calls.length;
    expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(hq.fake.calls.slice(calls).map((c) => c.action)).toEqual(['QuerySendDetails', 'SendSms']);
    expect(sendsOf(messageId)).toHaveLength(1);
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent', attempts: 3, unsure: false, lastError: '' });
    // Answered: the 503 and the last one; the request left hanging never was.
    expect(hq.fake.calls.filter((c) => c.action === 'SendSms').length - sendCallsBefore).toBe(2);
  });

  it('a send the provider took but never answered is found by the lookup and not sent again', async () => {
    const { messageId } = await hq.queueMessage(hq.pcs.s012);
    hq.fake.plan('accept-and-hang');
    const sender = hq.sender();
    expect(await sender.runOnce()).toMatchObject({ retrying: 1 });
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'queued', unsure: true, lastError: 'timeout' });
    hq.clock.ms += 60 * MINUTE;
    const calls = hq.fake.calls.length;
    expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(hq.fake.calls.slice(calls).map((c) => c.action)).toEqual(['QuerySendDetails']);
    expect(sendsOf(messageId)).toHaveLength(1);
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a permanent refusal fails at once; retryable failures stop after the bounded attempts', async () => {
    const bad = await hq.queueMessage(hq.pcs.s012);
    hq.fake.plan({ status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(await hq.sender().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await hq.outbox(bad.messageId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'isv.MOBILE_NUMBER_ILLEGAL',
    });

    const busy = await hq.queueMessage(hq.pcs.s012);
    hq.fake.plan(...Array.from({ length: 3 }, () => ({ status: 502, code: 'BadGateway' })));
    const sender = hq.sender({ maxAttempts: 3 });
    for (let pass = 1; pass <= 3; pass += 1) {
      expect(await sender.runOnce()).toMatchObject({ claimed: 1 });
      hq.clock.ms += 24 * 60 * MINUTE;
    }
    expect(await hq.outbox(busy.messageId)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'http_502' });
    expect((await hq.state('message_delivery', busy.messageId))?.fields).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
    expect(await sender.runOnce()).toMatchObject({ claimed: 0 });
    expect(sendsOf(busy.messageId)).toEqual([]);
  });

  it('a message cancelled at the counter before it is due is never sent', async () => {
    const due = new Date(hq.now() + 30 * MINUTE);
    const { messageId } = await hq.queueMessage(hq.pcs.s012, { notBefore: due });
    await hq.push(hq.pcs.s012, [
      {
        entity: 'customer_message',
        entityId: messageId,
        op: 'update',
        fields: { cancelledAt: new Date(hq.now()).toISOString(), cancelReason: 'customer_asked' },
      },
    ]);
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'cancelled' });
    hq.clock.ms = due.getTime() + MINUTE;
    await hq.sender().runOnce();
    expect(sendsOf(messageId)).toEqual([]);
    expect(await hq.state('message_delivery', messageId)).toBeNull();
  });

  it('two head-office senders at once never send the same message', async () => {
    const ids = [];
    for (let i = 0; i < 6; i += 1)
      ids.push((await hq.queueMessage(hq.pcs.s020, { phone: `1390000${1000 + i}` })).messageId);
    const [a, b] = await Promise.all([hq.sender({ batchSize: 4 }).runOnce(), hq.sender({ batchSize: 4 }).runOnce()]);
    expect(a.claimed + b.claimed).toBe(6);
    for (const messageId of ids) {
      expect(sendsOf(messageId)).toHaveLength(1);
      expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent', attempts: 1 });
    }
  });
});
