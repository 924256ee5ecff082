/**
 * The customers' progress page against the real PostgreSQL of the sync run, driven through
 * `app.inject()` as a phone's browser would post the form. Tickets, customers, events, charge lines
 * and payments are pushed the way counter PCs push them (handlePush), so the page reads exactly the
 * merged states head office keeps.
 *
 * What it must show (status, appointment, balance due) and what it must not (name, phone, address,
 * serial, staff); one refusal, identical in status, words and time, for a wrong tail, a wrong
 * number, another store's number and a deleted ticket; the rate limits per number and per address
 * against a test clock; the CSRF token, the body limit and the security headers; nothing typed in
 * the log.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { buildHeadOffice } from '../../headoffice/app';
import type { HqDatabase } from '../../headoffice/db/open';
import { newId, reportsDatabase, ticketEvent, TestStore, type Change } from './reports/support';

let db: HqDatabase;
let close: () => Promise<void>;
let app: FastifyInstance;
let clockMs = Date.parse('2026-03-02T09:00:00Z');
const logged: string[] = [];

let s012: TestStore;
let s020: TestStore;
const REPAIR = 'S012-2-20260301-0004';
const DONE = 'S012-1-20260220-0017';
const OTHER_STORE = 'S020-1-20260301-0001';
const DELETED = 'S012-2-20260301-0005';
const NAME = '张秀英';
const PHONE = '13912345678';
const ADDRESS = '上海市静安区南京西路 1266 号';
const SERIAL = 'SN-77A1-99231';

function customer(id: string, name: string, phone: string): Change[] {
  return [
    { entity: 'customer', entityId: id, op: 'insert', fields: { name } },
    {
      entity: 'customer_phone',
      entityId: newId(),
      op: 'insert',
      fields: { customerId: id, number: phone, digits: phone, position: 0 },
    },
    {
      entity: 'customer_address',
      entityId: newId(),
      op: 'insert',
      fields: { customerId: id, label: '家', address: ADDRESS, position: 0 },
    },
  ];
}

function chargeLine(ticketId: string, kind: string, amountFen: number, extra: Record<string, unknown> = {}): Change {
  const quantity = 1;
  return {
    entity: 'charge_line',
    entityId: newId(),
    op: 'insert',
    fields: {
      ticketId,
      kind,
      description: kind === 'part' ? '压缩机启动电容' : '上门检测维修',
      partId: null,
      quantity,
      unitPriceFen: Math.abs(amountFen),
      covered: 0,
      amountFen,
      reason: kind === 'discount' ? '老顾客' : '',
      createdBy: 'staff-1',
      createdAt: '2026-03-01T04:00:00Z',
      voidedAt: null,
      voidedBy: null,
      voidReason: '',
      ...extra,
    },
  };
}

function payment(ticketId: string, kind: string, amountFen: number): Change {
  return {
    entity: 'payment',
    entityId: newId(),
    op: 'append',
    fields: {
      ticketId,
      kind,
      method: 'wechat',
      amountFen,
      refundOf: null,
      reason: '',
      takenBy: 'staff-1',
      deviceId: 'dev-1',
      takenAt: '2026-03-01T04:05:00Z',
    },
  };
}

function ticket(store: TestStore, id: string, number: string, customerId: string, type = 'repair'): Change {
  return {
    entity: 'ticket',
    entityId: id,
    op: 'insert',
    fields: {
      number,
      storeId: store.storeId,
      customerId,
      productId: null,
      type,
      priority: 'normal',
      createdAt: '2026-03-01T02:00:00Z',
      updatedAt: '2026-03-01T02:00:00Z',
      'form.fault': '不制冷',
      'form.serial': SERIAL,
      'form.address': ADDRESS,
    },
  };
}

/** A fresh form: its token and the cookie that must come with it. */
async function openForm(headers: Record<string, string> = {}) {
  const page = await app.inject({ method: 'GET', url: '/progress', headers });
  expect(page.statusCode).toBe(200);
  const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = String(page.headers['set-cookie']).split(';')[0]!;
  return { token, cookie, page };
}

async function check(
  number: string,
  tail: string,
  {
    ip = '203.0.113.7',
    lang = 'en',
    headers = {},
  }: { ip?: string; lang?: string; headers?: Record<string, string> } = {},
) {
  const { token, cookie } = await openForm();
  return app.inject({
    method: 'POST',
    url: '/progress',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    payload: new URLSearchParams({ number, tail, lang, token }).toString(),
  });
}

/** The answer without its fresh token, which differs every time by design. */
const withoutToken = (html: string) => html.replace(/name="token" value="[^"]+"/, 'name="token" value=""');

let ipCounter = 0;
/** Another client address, so the per-address limit stays out of tests about something else. */
const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

beforeAll(async () => {
  ({ db, close } = await reportsDatabase());
  app = await buildHeadOffice({
    db,
    now: () => clockMs,
    log: (line) => logged.push(line),
    progress: { minAnswerMs: 0 },
  });
  const hqClock = createHlc({ node: HQ_NODE });
  s012 = await TestStore.open(db, hqClock, 'S012', '南京西路店');
  s020 = await TestStore.open(db, hqClock, 'S020', '徐家汇店');
  const [zhang, li, wang] = [newId(), newId(), newId()];
  const [repair, done, deleted, other] = [newId(), newId(), newId(), newId()];
  const staffEvent = (id: string, action: string, to: string, data: Record<string, unknown> = {}) => ({
    ...ticketEvent(id, action, '2026-03-01T03:00:00Z', { to, data }),
  });
  const pushed = await s012.push([
    ...customer(zhang, NAME, PHONE),
    ...customer(li, '李四', '13800005678'),
    ticket(s012, repair, REPAIR, zhang),
    staffEvent(repair, 'create', 'received'),
    staffEvent(repair, 'schedule', 'scheduled', { technicianId: 'tech-1', plannedDate: '2026-03-03' }),
    staffEvent(repair, 'contact_customer', 'appointment_set', { appointmentAt: '2026-03-03T06:00:00Z' }),
    // ¥80 labour + ¥120.50 part + a covered part − ¥10.50 discount, a voided ¥50, ¥50 deposit: ¥140 to pay.
    chargeLine(repair, 'labour', 8000),
    chargeLine(repair, 'part', 12050),
    chargeLine(repair, 'part', 0, { covered: 1, unitPriceFen: 9900 }),
    chargeLine(repair, 'discount', -1050),
    chargeLine(repair, 'labour', 5000, { voidedAt: '2026-03-01T05:00:00Z', voidedBy: 'staff-2', voidReason: '重复' }),
    payment(repair, 'deposit', 5000),
    ticket(s012, done, DONE, li, 'aftersales'),
    staffEvent(done, 'create', 'requested'),
    staffEvent(done, 'mark_done', 'follow_up'),
    // Paid ¥300 for ¥250, ¥20 refunded: the store owes ¥30 back.
    chargeLine(done, 'labour', 25000),
    payment(done, 'payment', 30000),
    payment(done, 'refund', 2000),
    ticket(s012, deleted, DELETED, zhang),
    staffEvent(deleted, 'create', 'received'),
  ]);
  expect(pushed.results.filter((r) => r.status !== 'applied')).toEqual([]);
  await s012.push([{ entity: 'ticket', entityId: deleted, op: 'delete', fields: {} }]);
  const otherPush = await s020.push([
    ...customer(wang, '王五', '13700001111'),
    ticket(s020, other, OTHER_STORE, wang),
    staffEvent(other, 'create', 'received'),
  ]);
  expect(otherPush.results.filter((r) => r.status !== 'applied')).toEqual([]);
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('the form', () => {
  it('is served in the browser language, switchable, with its security headers and token cookie', async () => {
    const zh = await openForm({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(zh.page.body).toContain('<html lang="zh-CN">');
    expect(zh.page.body).toContain('服务进度查询');
    const en = await app.inject({ method: 'GET', url: '/progress?lang=en', headers: { 'accept-language': 'zh-CN' } });
    expect(en.body).toContain('Check your service progress');
    const headers = zh.page.headers;
    expect(headers['content-security-policy']).toMatch(
      /default-src 'none'; style-src 'self' 'sha256-[^']+'; font-src 'self'; form-action 'self'/,
    );
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cache-control']).toBe('no-store');
    expect(String(headers['set-cookie'])).toMatch(
      /^cd_progress=[^;]+; Path=\/progress; Max-Age=7200; HttpOnly; SameSite=Strict$/,
    );
    expect(zh.page.body).not.toContain('<script');
    // The Chinese web font for browsers without one: its stylesheet and slices, and nothing else.
    const css = await app.inject({
      method: 'GET',
      url: /href="(\/progress\/fonts\.css\?v=\w+)"/.exec(zh.page.body)![1]!,
    });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const slice = /url\((\/progress\/fonts\/[^)]+)\)/.exec(css.body)![1]!;
    const font = await app.inject({ method: 'GET', url: slice });
    expect([font.statusCode, font.headers['content-type']]).toEqual([200, 'font/woff2']);
    for (const url of [
      '/progress/fonts/..%2F400.css',
      '/progress/fonts/noto-sans-sc-1-400-normal.woff',
      '/progress/fonts/x',
    ])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('the answer', () => {
  it('shows the status, the appointment in the store time zone and the balance due, nothing personal', async () => {
    const answer = await check(REPAIR, '5678', { ip: freshIp() });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('data-testid="progress-status">Appointment made<');
    expect(answer.body).toMatch(/data-testid="progress-appointment">Tue,? 3 March 2026(,| at) 14:00</);
    expect(answer.body).toContain('data-testid="progress-balance">¥140.00 to pay<');
    for (const secret of [NAME, PHONE, '1391234', ADDRESS, '静安', SERIAL, '不制冷', 'tech-1', '南京西路店'])
      expect(answer.body).not.toContain(secret);

    const zh = await check(DONE, '5678', { ip: freshIp(), lang: 'zh-CN' });
    expect(zh.body).toContain('data-testid="progress-status">已处理完毕<');
    expect(zh.body).not.toContain('progress-appointment');
    expect(zh.body).toContain('data-testid="progress-balance">门店应退您 ¥30.00，请到门店办理<');
    expect((await check(OTHER_STORE, '1111', { ip: freshIp() })).body).toContain(
      'data-testid="progress-balance">No charges so far<',
    );
    expect(zh.body).not.toContain('李四');
  });

  it('is one refusal for a wrong tail, a wrong number, another store, a deleted ticket and a made-up store code', async () => {
    const refusals = await Promise.all(
      [
        [REPAIR, '5679'],
        [REPAIR.replace(/0004$/, '0009'), '5678'],
        [OTHER_STORE, '5678'],
        [OTHER_STORE.replace('S020', 'S012'), '1111'],
        [REPAIR.replace('S012', 'S020'), '5678'],
        [DELETED, '5678'],
      ].map(([number, tail]) => check(number!, tail!, { ip: freshIp() })),
    );
    const first = refusals[0]!;
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('No ticket matches this number and these phone digits');
    for (const refusal of refusals.slice(1)) {
      expect(refusal.statusCode).toBe(first.statusCode);
      // Only the number typed back differs.
      expect(withoutToken(refusal.body).replace(/id="number"[^>]*>/, '')).toBe(
        withoutToken(first.body).replace(/id="number"[^>]*>/, ''),
      );
    }
    // The right store's own customer still gets through (the store code is checked, not guessed).
    expect((await check(OTHER_STORE, '1111', { ip: freshIp() })).body).toContain('progress-status');
  });

  it('refuses malformed input naming the field, and nothing typed reaches the log', async () => {
    const badNumber = await check("S012' OR 1=1 --", '5678', { ip: freshIp() });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('That ticket number does not look right');
    expect(badNumber.body).toContain('S012&#39; OR 1=1 --');
    const badTail = await check(REPAIR, '56', { ip: freshIp() });
    expect(badTail.statusCode).toBe(400);
    expect(badTail.body).toContain('Enter the last 4 digits');
    for (const line of logged) {
      expect(line).not.toContain(REPAIR);
      expect(line).not.toContain('5678');
    }
  });
});

describe('against forged posts and floods', () => {
  it('refuses a post without the token, with another cookie, or from another origin', async () => {
    const { token, cookie } = await openForm();
    const other = await openForm();
    const post = (headers: Record<string, string>, form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/progress',
        remoteAddress: freshIp(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({ number: REPAIR, tail: '5678', lang: 'en', ...form }).toString(),
      });
    for (const refused of [
      await post({ cookie }, {}),
      await post({}, { token }),
      await post({ cookie: other.cookie }, { token }),
      await post({ cookie, origin: 'https://evil.example' }, { token }),
    ]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('This page has expired');
      expect(refused.body).not.toContain('progress-status');
    }
    expect((await post({ cookie, host: 'hq.test:8443', origin: 'https://hq.test:8443' }, { token })).statusCode).toBe(
      200,
    );
  });

  it('refuses a body over its limit before reading it, and JSON altogether', async () => {
    const { token, cookie } = await openForm();
    const huge = await app.inject({
      method: 'POST',
      url: '/progress',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `token=${token}&number=${'S'.repeat(10 * 1024 * 1024)}`,
    });
    expect(huge.statusCode).toBe(413);
    const json = await app.inject({
      method: 'POST',
      url: '/progress',
      headers: { 'content-type': 'application/json', cookie },
      payload: { token, number: REPAIR, tail: '5678' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('allows 5 failed tries per number an hour, for a number that exists or not, whoever asks', async () => {
    clockMs += 2 * 60 * 60_000;
    const start = clockMs;
    for (const number of [REPAIR, 'S012-9-20260301-0099']) {
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect((await check(number, '0000', { ip: freshIp() })).statusCode).toBe(200);
      const locked = await check(number, number === REPAIR ? '5678' : '0000', { ip: freshIp() });
      expect(locked.statusCode).toBe(429);
      expect(locked.body).toContain('Too many tries for this ticket: try again in 60 minutes');
    }
    expect(logged.some((line) => line.includes('S012-2-********-****'))).toBe(true);
    clockMs = start + 59 * 60_000;
    expect((await check(REPAIR, '5678', { ip: freshIp() })).body).toContain('try again in 1 minute,');
    clockMs = start + 60 * 60_000 + 1;
    expect((await check(REPAIR, '5678', { ip: freshIp() })).body).toContain('progress-status');
  });

  it("does not count a number's successful checks against it", async () => {
    for (let attempt = 0; attempt < 8; attempt += 1)
      expect((await check(DONE, '5678', { ip: freshIp() })).body).toContain('progress-status');
  });

  it('allows 30 tries per address an hour, an IPv6 client by its /64', async () => {
    clockMs += 2 * 60 * 60_000;
    for (let attempt = 0; attempt < 30; attempt += 1)
      expect((await check(DONE, '5678', { ip: `2001:db8:5:7::${attempt + 1}` })).statusCode).toBe(200);
    const refused = await check(DONE, '5678', { ip: '2001:db8:5:7:ffff::9' });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Too many tries: try again in 60 minutes.');
    expect((await check(DONE, '5678', { ip: '2001:db8:5:8::1' })).statusCode).toBe(200);
    clockMs += 60 * 60_000 + 1;
    expect((await check(DONE, '5678', { ip: '2001:db8:5:7::1' })).statusCode).toBe(200);
  });
});

describe('the look-up', () => {
  it('finds a ticket by its number and its records by its id through the indexes of migration 0017', async () => {
    const plans = await db.transaction().execute(async (trx) => {
      // The test chain is small enough to read whole; the question is whether an index can serve.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const explain = async (query: ReturnType<typeof sql>) =>
        (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx)).rows
          .map((r) => Object.values(r)[0])
          .join('\n');
      return [
        await explain(
          sql`SELECT entity_id FROM entity_state WHERE entity = 'ticket' AND state->'fields'->>'number' = ${REPAIR}`,
        ),
        await explain(
          sql`SELECT state FROM entity_state WHERE entity IN ('ticket_event', 'charge_line', 'payment') AND state->'fields'->>'ticketId' = ${'x'}`,
        ),
      ];
    });
    expect(plans[0]).toContain('entity_state_ticket_number');
    expect(plans[1]).toContain('entity_state_ticket_child');
  });
});

describe('timing', () => {
  it('answers a wrong tail and a wrong number in the same time', async () => {
    const timed = await buildHeadOffice({ db, now: () => clockMs, progress: { minAnswerMs: 300 } });
    try {
      const post = async (number: string, tail: string) => {
        const { token, cookie } = await (async () => {
          const page = await timed.inject({ method: 'GET', url: '/progress' });
          return {
            token: /name="token" value="([^"]+)"/.exec(page.body)![1]!,
            cookie: String(page.headers['set-cookie']).split(';')[0]!,
          };
        })();
        const started = performance.now();
        const answer = await timed.inject({
          method: 'POST',
          url: '/progress',
          remoteAddress: freshIp(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          payload: new URLSearchParams({ number, tail, token }).toString(),
        });
        expect(answer.statusCode).toBe(200);
        return performance.now() - started;
      };
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const wrongTail: number[] = [];
      const wrongNumber: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        wrongTail.push(await post(OTHER_STORE, String(1000 + round)));
        wrongNumber.push(await post(`S012-3-20260301-${String(round).padStart(4, '0')}`, '1111'));
      }
      const [tail, number] = [median(wrongTail), median(wrongNumber)];
      // The look-up's own time, without the floor: what the floor hides (it must stay well under 400 ms).
      const own = { tail: [] as number[], number: [] as number[] };
      for (let round = 0; round < 4; round += 1) {
        let started = performance.now();
        await check(DONE, String(2000 + round), { ip: freshIp() });
        own.tail.push(performance.now() - started);
        started = performance.now();
        await check(`S012-4-20260301-${String(round).padStart(4, '0')}`, '1111', { ip: freshIp() });
        own.number.push(performance.now() - started);
      }
      console.log(
        `progress refusal medians with a 300 ms floor: wrong tail ${tail.toFixed(1)} ms, wrong number ${number.toFixed(1)} ms; ` +
          `without (form + post): wrong tail ${median(own.tail).toFixed(1)} ms, wrong number ${median(own.number).toFixed(1)} ms`,
      );
      expect(Math.min(tail, number)).toBeGreaterThanOrEqual(300);
      expect(Math.abs(tail - number)).toBeLessThan(40);
      expect(Math.max(median(own.tail), median(own.number))).toBeLessThan(400);
    } finally {
      await timed.close();
    }
  });
});
