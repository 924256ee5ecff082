/**
 * The customers routes of the console through `inject`, with real counters of two stores syncing
 * over HTTPS: masked by role (and a full view only for customers.unmask, audited), links and
 * unlinks with a reason (audited, no name or phone in the log), unlink stopping the feed of that
 * customer to the store, and a merge of duplicates from two stores reaching both.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CustomerDetail,
  CustomerPage,
  DuplicatePage,
  MergeResult,
} from '../../../headoffice/console/contract/customers';
import { readTable } from '../../support/inspect';
import { openCounter, type TestCounter } from '../../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../../sync/support/hq';
import { consoleApp, signIn, type SignedInStaff } from './support';

let hq: TestHeadOffice;
let app: FastifyInstance;
let admin: SignedInStaff;
let quality: SignedInStaff;
let auditor: SignedInStaff;
let s012: TestCounter;
let s020: TestCounter;
let zhou: string;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S020', '徐家汇店');
  s012 = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  s020 = await openCounter(hq, { storeCode: 'S020', counterNo: 1 });
  zhou = (await s012.ok('customers.create', { name: '周杰明', phones: [{ number: '13812345678' }] })).id;
  await s012.sync();
  await s020.sync();
  app = await consoleApp(hq.db);
  admin = await signIn(app, hq.db, 'admin');
  quality = await signIn(app, hq.db, 'quality');
  auditor = await signIn(app, hq.db, 'auditor');
});

afterAll(async () => {
  await s012?.close();
  await s020?.close();
  await app?.close();
  await hq?.close();
});

const send = (who: SignedInStaff | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload } : {}) });

const auditOf = (action: string) =>
  hq.db
    .selectFrom('consoleAudit')
    .select(['username', 'target', 'before', 'after'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

const namesAt = (counter: TestCounter) =>
  (
    readTable(counter.file, 'SELECT name FROM customer WHERE deleted_at IS NULL ORDER BY name') as Array<{
      name: string;
    }>
  ).map((r) => r.name);

describe('looking customers up', () => {
  it('masks names and phones for every role unless unmasked; unmask needs customers.unmask and is audited', async () => {
    for (const who of [quality, auditor, admin]) {
      const page = (await send(who, 'GET', '/console/api/customers?q=5678')).json<CustomerPage>();
      expect(page).toEqual({
        customers: [{ id: zhou, name: '周**', phones: ['138****5678'], stores: ['S012'] }],
        masked: true,
      });
    }
    for (const who of [quality, auditor]) {
      const answer = await send(who, 'GET', `/console/api/customers/${zhou}?unmask=1`);
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await auditOf('customer.unmask')).toEqual([]);
    const full = (await send(admin, 'GET', `/console/api/customers/${zhou}?unmask=1`)).json<CustomerDetail>();
    expect(full).toMatchObject({ name: '周杰明', phones: ['13812345678'], homeStore: 'S012', masked: false });
    expect(await auditOf('customer.unmask')).toEqual([
      { username: admin.staff.username, target: zhou, before: null, after: null },
    ]);
    // Masked, the hidden middle digits cannot be searched for one at a time.
    for (const q of ['1381234', '12345', '8123']) {
      const answer = await send(auditor, 'GET', `/console/api/customers?q=${q}`);
      if (q === '8123') expect(answer.json<CustomerPage>().customers).toEqual([]);
      else expect(answer.json()).toMatchObject({ error: 'masked_search' });
    }
    expect((await send(auditor, 'GET', '/console/api/customers?q=13812345678')).json<CustomerPage>().customers).toEqual(
      [{ id: zhou, name: '周**', phones: ['138****5678'], stores: ['S012'] }],
    );
    expect((await send(null, 'GET', '/console/api/customers?q=5678')).statusCode).toBe(401);
    expect((await send(admin, 'GET', '/console/api/customers?q=')).statusCode).toBe(400);
    expect((await send(admin, 'GET', '/console/api/customers/not-an-id')).statusCode).toBe(400);
  });
});

describe('linking and unlinking stores', () => {
  it('links a store with a reason (customers.edit only): the store receives the file, the log names no one', async () => {
    expect(
      (await send(quality, 'POST', `/console/api/customers/${zhou}/links`, { storeCode: 'S020', reason: '顾客搬家' }))
        .statusCode,
    ).toBe(403);
    expect((await send(admin, 'POST', `/console/api/customers/${zhou}/links`, { storeCode: 'S020' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await send(admin, 'POST', `/console/api/customers/${zhou}/links`, { storeCode: 'S099', reason: '顾客搬家' })
      ).json(),
    ).toMatchObject({ error: 'no_store' });
    const linked = await send(admin, 'POST', `/console/api/customers/${zhou}/links`, {
      storeCode: 'S020',
      reason: '顾客搬家',
    });
    expect(linked.json<CustomerDetail>().links.map((l) => l.storeCode)).toEqual(['S012', 'S020']);
    expect(
      (
        await send(admin, 'POST', `/console/api/customers/${zhou}/links`, { storeCode: 'S020', reason: '再来一次' })
      ).json(),
    ).toMatchObject({ error: 'already_linked' });
    await s020.sync();
    expect(namesAt(s020)).toEqual(['周杰明']);
    const audit = await auditOf('customer.link');
    expect(audit).toEqual([
      { username: admin.staff.username, target: zhou, before: null, after: { storeCode: 'S020', reason: '顾客搬家' } },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/周|13812345678/);
  });

  it("unlinks with a reason: the store stops receiving the customer's changes; the home store cannot be unlinked", async () => {
    const home = await send(admin, 'POST', `/console/api/customers/${zhou}/unlink`, {
      storeCode: 'S012',
      reason: '测试',
    });
    expect(home.statusCode).toBe(409);
    expect(home.json()).toMatchObject({ error: 'home_store' });
    const unlinked = await send(admin, 'POST', `/console/api/customers/${zhou}/unlink`, {
      storeCode: 'S020',
      reason: '顾客要求',
    });
    expect(unlinked.json<CustomerDetail>().links.map((l) => l.storeCode)).toEqual(['S012']);
    const now = await s012.ok('customers.get', { id: zhou });
    await s012.ok('customers.update', {
      id: zhou,
      name: '周杰明明',
      phones: now.phones.map((p) => ({ id: p.id, number: p.number })),
    });
    await s012.sync();
    await s020.sync();
    expect(namesAt(s020)).toEqual(['周杰明']);
    expect(await auditOf('customer.unlink')).toEqual([
      expect.objectContaining({ target: zhou, after: { storeCode: 'S020', reason: '顾客要求' } }),
    ]);
  });
});

describe('duplicates', () => {
  it('merges duplicates of two stores: both stores end with one customer and both phones; audited', async () => {
    const a = await s012.ok('customers.create', { name: '吴敏', phones: [{ number: '13977770001' }] });
    const b = await s020.ok('customers.create', {
      name: '吴敏',
      phones: [{ number: '13977770001' }, { number: '13977770002' }],
    });
    await s012.sync();
    await s020.sync();
    const duplicates = (await send(auditor, 'GET', '/console/api/customers/duplicates')).json<DuplicatePage>();
    expect(duplicates.rows).toHaveLength(1);
    expect(duplicates.rows[0]).toMatchObject({ digits: '139****0001', a: { name: '吴*' }, b: { name: '吴*' } });
    const body = { fromId: b.id, intoId: a.id, reason: '同一位顾客' };
    expect((await send(auditor, 'POST', '/console/api/customers/merge', body)).statusCode).toBe(403);
    expect((await send(admin, 'POST', '/console/api/customers/merge', { ...body, intoId: b.id })).statusCode).toBe(400);
    const merged = await send(admin, 'POST', '/console/api/customers/merge', body);
    expect(merged.json<MergeResult>()).toEqual({
      fromId: b.id,
      intoId: a.id,
      moved: { products: 0, phones: 1, addresses: 0 },
    });
    for (const counter of [s012, s020]) {
      await counter.sync();
      expect(
        readTable(counter.file, 'SELECT number FROM customer_phone WHERE customer_id = ? ORDER BY position', a.id),
      ).toEqual([{ number: '13977770001' }, { number: '13977770002' }]);
      expect(readTable(counter.file, 'SELECT deleted_at IS NOT NULL AS gone FROM customer WHERE id = ?', a.id)).toEqual(
        [{ gone: 0 }],
      );
    }
    expect(readTable(s020.file, 'SELECT deleted_at IS NOT NULL AS gone FROM customer WHERE id = ?', b.id)).toEqual([
      { gone: 1 },
    ]);
    expect((await send(auditor, 'GET', '/console/api/customers/duplicates')).json<DuplicatePage>().total).toBe(0);
    expect(await auditOf('customer.merge')).toEqual([
      expect.objectContaining({ target: b.id, after: expect.objectContaining({ reason: '同一位顾客', intoId: a.id }) }),
    ]);
    expect((await send(admin, 'POST', '/console/api/customers/merge', body)).json()).toMatchObject({
      error: 'customer_deleted',
    });
  });

  it('two merges of the same pair in opposite directions at once: one goes through, the other is refused', async () => {
    const a = await s012.ok('customers.create', { name: '郑洁', phones: [{ number: '13966660001' }] });
    const b = await s020.ok('customers.create', { name: '郑洁', phones: [{ number: '13966660001' }] });
    await s012.sync();
    await s020.sync();
    const answers = await Promise.all([
      send(admin, 'POST', '/console/api/customers/merge', { fromId: a.id, intoId: b.id, reason: '同一位顾客' }),
      send(admin, 'POST', '/console/api/customers/merge', { fromId: b.id, intoId: a.id, reason: '同一位顾客' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const gone = await hq.db
      .selectFrom('entityState')
      .select('entityId')
      .where('entity', '=', 'customer')
      .where('entityId', 'in', [a.id, b.id])
      .where(sql<boolean>`state->>'deleted' IS NOT NULL`)
      .execute();
    expect(gone).toHaveLength(1);
  });
});
