/**
 * The console's messages routes against the SMS test head office: the template code per event
 * (set and cleared, audited, bounded), the messages not delivered as each role sees them (masked
 * phone and no text without `customers.unmask`), and retry and cancel (audited, for the
 * administrator and the service-quality manager; the auditor reads only; told to the ticket).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemPage } from '../../../headoffice/console/contract/messages';
import { startSmsHeadOffice, type SmsHeadOffice } from '../support/sms-hq';
import { signIn, type SignedInStaff } from './support';

let hq: SmsHeadOffice;
let admin: SignedInStaff;
let quality: SignedInStaff;
let auditor: SignedInStaff;
let catalogue: SignedInStaff;

beforeAll(async () => {
  hq = await startSmsHeadOffice();
  admin = await signIn(hq.app, hq.db, 'admin');
  quality = await signIn(hq.app, hq.db, 'quality');
  auditor = await signIn(hq.app, hq.db, 'auditor');
  catalogue = await signIn(hq.app, hq.db, 'catalogue');
});

afterEach(async () => {
  await hq.settle();
});

afterAll(async () => {
  await hq?.close();
});

const call = (who: SignedInStaff, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  hq.app.inject({ method, url: `/console/api/messages${url}`, headers: who.headers, payload: payload as object });

const lastAudit = () => hq.db.selectFrom('consoleAudit').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('templates per event', () => {
  it('the quality manager sets and clears a code, audited; a bad code is refused by name; the auditor only reads', async () => {
    const set = await call(quality, 'PUT', '/templates', { event: 'estimate_ready', templateCode: ' SMS_555000111 ' });
    expect(set.statusCode).toBe(200);
    expect(set.json<{ rows: { event: string; templateCode: string }[] }>().rows).toContainEqual(
      expect.objectContaining({
        event: 'estimate_ready',
        templateCode: 'SMS_555000111',
        variables: ['store', 'ticket', 'storePhone'],
      }),
    );
    expect(await lastAudit()).toMatchObject({
      username: quality.staff.username,
      action: 'sms_template.update',
      target: 'estimate_ready',
      before: { templateCode: '' },
      after: { templateCode: 'SMS_555000111' },
    });
    const bad = await call(quality, 'PUT', '/templates', { event: 'estimate_ready', templateCode: 'hello' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('template_code_format');
    expect((await call(quality, 'PUT', '/templates', { event: 'nope', templateCode: 'SMS_123456' })).statusCode).toBe(
      400,
    );
    expect((await call(auditor, 'PUT', '/templates', { event: 'estimate_ready', templateCode: '' })).statusCode).toBe(
      403,
    );
    expect((await call(auditor, 'GET', '/templates')).statusCode).toBe(200);
    expect((await call(catalogue, 'GET', '/templates')).statusCode).toBe(403);
    expect((await call(quality, 'PUT', '/templates', { event: 'estimate_ready', templateCode: '' })).statusCode).toBe(
      200,
    );
    expect(await hq.db.selectFrom('smsTemplate').where('event', '=', 'estimate_ready').selectAll().execute()).toEqual(
      [],
    );
  });
});

describe('messages not delivered', () => {
  it('lists a refused message masked for the quality manager and the auditor, in full for the administrator', async () => {
    const { messageId } = await hq.queueMessage(hq.pcs.s012, { event: 'ticket_received', phone: '13800004444' });
    await hq.sender().runOnce();
    const seen = async (who: SignedInStaff) => {
      const answer = await call(who, 'GET', '/problems?status=failed');
      expect(answer.statusCode).toBe(200);
      return answer.json<ProblemPage>().rows.find((row) => row.messageId === messageId);
    };
    for (const masked of [quality, auditor])
      expect(await seen(masked)).toMatchObject({
        storeCode: 'S012',
        event: 'ticket_received',
        status: 'failed',
        lastError: 'no_template_code',
        phone: '138****4444',
        body: null,
      });
    expect(await seen(admin)).toMatchObject({ phone: '13800004444', body: expect.stringContaining('已修好') });
    expect((await call(catalogue, 'GET', '/problems')).statusCode).toBe(403);
    expect((await call(quality, 'GET', '/problems?limit=5000')).statusCode).toBe(400);
  });

  it('retry after the template is set sends it; the auditor may not; the ticket hears of each step', async () => {
    await call(quality, 'PUT', '/templates', { event: 'job_done', templateCode: '' });
    const { messageId } = await hq.queueMessage(hq.pcs.s020, { event: 'job_done' });
    await hq.sender().runOnce();
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'failed', lastError: 'no_template_code' });
    expect((await call(auditor, 'POST', `/${messageId}/retry`, { reason: '模板已备案' })).statusCode).toBe(403);
    expect((await call(quality, 'POST', `/${messageId}/retry`, { reason: '' })).statusCode).toBe(400);

    await call(quality, 'PUT', '/templates', { event: 'job_done', templateCode: 'SMS_100200302' });
    const retried = await call(quality, 'POST', `/${messageId}/retry`, { reason: '模板已备案' });
    expect(retried.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({
      action: 'message.retry',
      username: quality.staff.username,
      before: { status: 'failed', lastError: 'no_template_code' },
      after: { status: 'queued', reason: '模板已备案' },
    });
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({ status: 'sending' });
    await hq.sender().runOnce();
    expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent' });
    expect(hq.fake.accepted.filter((a) => a.outId === messageId)).toHaveLength(1);
    // Sent is not a problem any more, and cannot be retried.
    expect((await call(quality, 'POST', `/${messageId}/retry`, { reason: 'again' })).statusCode).toBe(409);
    expect((await call(quality, 'POST', `/no-such-message/retry`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('cancel takes a waiting message out for good, audited, and the ticket shows it failed and why', async () => {
    const later = new Date(hq.now() + 3_600_000);
    const { messageId } = await hq.queueMessage(hq.pcs.s012, { notBefore: later });
    const queued = await call(admin, 'GET', '/problems?status=queued');
    expect(queued.json<ProblemPage>().rows.map((row) => row.messageId)).toContain(messageId);
    const cancelled = await call(admin, 'POST', `/${messageId}/cancel`, { reason: '客户来电取消' });
    expect(cancelled.json()).toEqual({ status: 'cancelled' });
    expect(await lastAudit()).toMatchObject({ action: 'message.cancel', after: { status: 'cancelled' } });
    expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({
      status: 'failed',
      lastError: 'cancelled_by_head_office',
    });
    expect((await call(admin, 'POST', `/${messageId}/cancel`, { reason: 'again' })).statusCode).toBe(409);
    hq.clock.ms = later.getTime() + 1000;
    await hq.sender().runOnce();
    expect(hq.fake.accepted.filter((a) => a.outId === messageId)).toEqual([]);
  });
});
