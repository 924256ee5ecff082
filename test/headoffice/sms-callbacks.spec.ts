/**
 * The provider's callbacks: delivery reports and customers' replies, refused without the shared
 * token (before the body is read) and when oversized; a report marks the message delivered once; a
 * reply is matched by phone to the latest message sent within 7 days, reaches that message's store
 * and no other, and a follow-up's "５分" becomes rating 5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_TOKEN, startSmsHeadOffice, type SmsHeadOffice } from './support/sms-hq';

let hq: SmsHeadOffice;
const DAY = 86_400_000;

beforeAll(async () => {
  hq = await startSmsHeadOffice();
});

afterAll(async () => {
  // Nothing head office logged while answering callbacks names the token or a customer's number.
  expect(hq.logged.join('\n')).not.toMatch(new RegExp(`${CALLBACK_TOKEN}|13[0-9]{9}`));
  await hq?.close();
});

const post = (path: string, payload: unknown, token: string | null = CALLBACK_TOKEN) =>
  hq.app.inject({
    method: 'POST',
    url: `/sms/v1/aliyun/${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`,
    payload: payload as object,
  });

async function sentMessage(pc: SmsHeadOffice['pcs']['s012'], phone: string, event = 'job_done') {
  const queued = await hq.queueMessage(pc, { phone, event });
  await hq.sender().runOnce();
  expect(await hq.outbox(queued.messageId)).toMatchObject({ status: 'sent' });
  return queued;
}

describe('authentication and bounds', () => {
  it('refuses a callback without the token or with a wrong one, and a body over 64 KB', async () => {
    const none = await post('report', []);
    expect(none.statusCode).toBe(200);
    expect((await post('report', [], null)).statusCode).toBe(401);
    expect((await post('reply', [], 'cb-token-0123456789abcdefXYz')).statusCode).toBe(401);
    const header = await hq.app.inject({
      method: 'POST',
      url: '/sms/v1/aliyun/report',
      headers: { 'x-sms-token': CALLBACK_TOKEN },
      payload: [],
    });
    expect(header.json()).toEqual({ code: 0, msg: '成功' });

    const big = Array.from({ length: 400 }, (_, i) => ({
      phone_number: '13800001111',
      send_time: '2026-12-07 10:00:00',
      content: `${i}`.padEnd(200, '好'),
      sequence_id: i,
    }));
    const oversized = await post('reply', big);
    expect(oversized.statusCode).toBe(413);
    // Without the token the size is never looked at: 401 first.
    expect((await post('reply', big, null)).statusCode).toBe(401);
    const malformed = await post('report', [{ success: 'maybe', biz_id: '1' }]);
    expect(malformed.statusCode).toBe(400);
    expect(await hq.db.selectFrom('smsInbound').select('key').execute()).toEqual([]);
  });
});

describe('delivery reports', () => {
  it('marks the message delivered (once, however often it is reported) and tells its store', async () => {
    const { messageId } = await sentMessage(hq.pcs.s012, '13800005555');
    const { bizId } = hq.fake.accepted.find((a) => a.outId === messageId)!;
    const report = [
      {
        phone_number: '13800005555',
        send_time: '2026-12-07 10:00:00',
        report_time: '2026-12-07 10:00:05',
        success: true,
        err_code: 'DELIVERED',
        err_msg: '用户接收成功',
        sms_size: '1',
        biz_id: bizId,
        out_id: messageId,
      },
    ];
    expect((await post('report', report)).json()).toEqual({ code: 0, msg: '成功' });
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'delivered' });
    const delivery = await hq.state('message_delivery', messageId);
    expect(delivery?.fields).toMatchObject({ status: 'delivered', deliveredAt: new Date(hq.now()).toISOString() });
    const feedRows = await hq.db
      .selectFrom('changeFeed')
      .select('scope')
      .where('entityId', '=', messageId)
      .where('entity', '=', 'message_delivery')
      .execute();
    expect(new Set(feedRows.map((r) => r.scope))).toEqual(new Set([hq.pcs.s012.storeId]));

    const before = feedRows.length;
    expect((await post('report', report)).statusCode).toBe(200);
    const after = await hq.db
      .selectFrom('changeFeed')
      .select('scope')
      .where('entityId', '=', messageId)
      .where('entity', '=', 'message_delivery')
      .execute();
    expect(after).toHaveLength(before);
  });
});

describe('replies', () => {
  it('a follow-up reply becomes a rating on the right ticket, for that store only', async () => {
    // The same phone had a message from S020 earlier; S012's follow-up is the latest one.
    await sentMessage(hq.pcs.s020, '13800006666');
    hq.clock.ms += 60_000;
    const followUp = await sentMessage(hq.pcs.s012, '13800006666', 'follow_up');
    hq.clock.ms += 60_000;

    const answer = await post('reply', [
      {
        phone_number: '13800006666',
        send_time: '2026-12-07 12:00:00',
        content: '５分，师傅很好',
        sign_name: '柜台服务',
        dest_code: '1234',
        sequence_id: 9001,
      },
    ]);
    expect(answer.json()).toEqual({ code: 0, msg: '成功' });
    const s012Replies = await hq.pulled(hq.pcs.s012, 'message_reply');
    expect(s012Replies).toHaveLength(1);
    expect(s012Replies[0]!.state.fields).toMatchObject({
      messageId: followUp.messageId,
      ticketId: followUp.ticketId,
      body: '５分，师傅很好',
      rating: 5,
    });
    expect(await hq.pulled(hq.pcs.s020, 'message_reply')).toEqual([]);

    // The provider pushes the same reply again: applied once.
    await post('reply', [
      { phone_number: '13800006666', send_time: '2026-12-07 12:00:00', content: '５分，师傅很好', sequence_id: 9001 },
    ]);
    expect(await hq.pulled(hq.pcs.s012, 'message_reply')).toHaveLength(1);
  });

  it('a reply to a message that is not a follow-up keeps its text without a rating; unknown or stale phones match nothing', async () => {
    const done = await sentMessage(hq.pcs.s020, '13700007777', 'ready_for_pickup');
    await post('reply', [
      { phone_number: '8613700007777', send_time: '2026-12-07 12:00:00', content: '3点来取', sequence_id: 9002 },
    ]);
    const replies = (await hq.pulled(hq.pcs.s020, 'message_reply')).filter(
      (r) => r.state.fields.messageId === done.messageId,
    );
    expect(replies.map((r) => r.state.fields)).toEqual([expect.objectContaining({ body: '3点来取', rating: null })]);

    const count = async () =>
      Number(
        (
          await hq.db
            .selectFrom('entityState')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('entity', '=', 'message_reply')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const replyCount = await count();
    await post('reply', [
      { phone_number: '13600000000', send_time: '2026-12-07 12:00:00', content: '5', sequence_id: 9003 },
    ]);
    hq.clock.ms += 8 * DAY;
    await post('reply', [
      { phone_number: '13700007777', send_time: '2026-12-15 12:00:00', content: '5', sequence_id: 9004 },
    ]);
    expect(await count()).toBe(replyCount);
  });
});
