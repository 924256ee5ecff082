/**
 * A store reaches only its own records and the customers linked to it, whatever its PC pushes or
 * asks for. Store S020's PC is made to send, as a tampered or buggy PC would, writes to store
 * S012's customers, to records naming them, and to S012's tickets and stock locations, and to push
 * and pull as S012's PC. Head office refuses each with a reason the counter can show, applies none
 * of it, links nothing, sends S020 nothing of S012's, and S020's queue moves on to its good changes.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCustomerByIdOrPhone } from '../../headoffice/admin/customers';
import { rejectionReasons } from '../../db/api';
import { createSyncHttp } from '../../db/sync/client';
import { createSession } from '../../db/sync/session';
import { getState } from '../../db/sync/state';
import { PROTOCOL_VERSION } from '../../db/sync/protocol';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let s012: TestCounter;
let s020: TestCounter;
const ids: Record<string, string> = {};
let s012TicketEvents = 0;
/** S012's names and phones: none may ever reach S020. */
const S012_NAMES = ['张伟', '李娜'];
const S012_PHONES = ['13800001111', '13900002222'];

type Forged = { entity: string; entityId: string; op: string; fields: Record<string, unknown> };

/** Appends a change to a counter's outbox behind its desk's back, as a tampered PC would send it. */
function forge(counter: TestCounter, changes: Forged[]): string[] {
  const { sqlite, hlc } = counter.store;
  const schema = sqlite.pragma('user_version', { simple: true }) as number;
  const insert = sqlite.prepare(
    'INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
  );
  const txId = uuidv7();
  return changes.map((c) => {
    const changeId = uuidv7();
    insert.run(
      changeId,
      txId,
      c.entity,
      c.entityId,
      c.op,
      JSON.stringify(c.fields),
      hlc.send(),
      schema,
      new Date().toISOString(),
    );
    return changeId;
  });
}

/** The fields a counter logged when it inserted this record (to forge a well-formed copy). */
function loggedInsert(counter: TestCounter, entity: string, entityId: string): Record<string, unknown> {
  const row = readTable<{ fields: string }>(
    counter.file,
    "SELECT fields FROM change_log WHERE entity = ? AND entity_id = ? AND op IN ('insert','append') ORDER BY seq LIMIT 1",
    entity,
    entityId,
  )[0];
  if (!row) throw new Error(`no logged insert of ${entity} ${entityId}`);
  return JSON.parse(row.fields) as Record<string, unknown>;
}

async function hqState(entity: string, entityId: string) {
  return hq.db
    .selectFrom('entityState')
    .select(['state', 'ownerStoreId'])
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .executeTakeFirst();
}

async function linkedStores(customerId: string): Promise<string[]> {
  const rows = await hq.db
    .selectFrom('customerLink')
    .innerJoin('hqStore', 'hqStore.id', 'customerLink.storeId')
    .select('hqStore.code')
    .where('customerId', '=', customerId)
    .execute();
  return rows.map((r) => r.code).sort();
}

/** Everything of S012's that S020's database holds (must stay empty). */
function s012DataAt(counter: TestCounter): string[] {
  const names = readTable<{ name: string }>(counter.file, 'SELECT name FROM customer').map((r) => r.name);
  const phones = readTable<{ digits: string }>(counter.file, 'SELECT digits FROM customer_phone').map((r) => r.digits);
  return [...names.filter((n) => S012_NAMES.includes(n)), ...phones.filter((p) => S012_PHONES.includes(p))];
}

/** Sets a customer's standing remark through the counter, as staff would. */
async function editNotes(counter: TestCounter, id: string, notes: string) {
  const now = await counter.ok('customers.get', { id });
  return counter.ok('customers.update', {
    id,
    name: now.name,
    phones: now.phones.map((p) => ({ id: p.id, number: p.number })),
    notes,
  });
}

/** A signed-in conversation with head office as this counter's device, for raw requests. */
function sessionOf(counter: TestCounter) {
  const credentials = counter.credentials.load()!;
  return createSession({ http: createSyncHttp({ baseUrl: hq.url, caCert: hq.caCert }), credentials, now: Date.now });
}

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S020', '徐家汇店');
  s012 = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  s020 = await openCounter(hq, { storeCode: 'S020', counterNo: 1 });

  const zhang = await s012.ok('customers.create', {
    name: '张伟',
    phones: [{ number: '13800001111' }],
    notes: '老客户',
  });
  ids.zhang = zhang.id;
  ids.zhangPhone = readTable<{ id: string }>(
    s012.file,
    'SELECT id FROM customer_phone WHERE customer_id = ?',
    zhang.id,
  )[0]!.id;
  ids.lina = (await s012.ok('customers.create', { name: '李娜', phones: [{ number: '13900002222' }] })).id;
  ids.s012Ticket = (
    await s012.ok('tickets.create', {
      type: 'complaint',
      customerId: zhang.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: '安装师傅迟到',
      customerWants: '道歉',
      priority: 'normal',
    })
  ).id;
  s012TicketEvents = readTable(s012.file, 'SELECT id FROM ticket_event WHERE ticket_id = ?', ids.s012Ticket).length;
  ids.s012Location = (await s012.ok('parts.locationCreate', { code: 'VAN-1', name: '上门维修车' })).id;

  // S020's own customer with a product, a note and a ticket: the shapes the forged records copy.
  const zhao = await s020.ok('customers.create', { name: '赵敏', phones: [{ number: '13700003333' }] });
  ids.zhao = zhao.id;
  ids.zhaoProduct = (
    await s020.ok('customers.addProduct', {
      customerId: zhao.id,
      category: 'tv',
      brand: '海信',
      model: '65E7K',
      serial: 'HS65E7K0009',
      purchaseDate: '2026-01-31',
    })
  ).id;
  ids.zhaoNote = (await s020.ok('customers.addNote', { customerId: zhao.id, body: '偏好电话联系' })).id;
  ids.zhaoTicket = (
    await s020.ok('tickets.create', {
      type: 'complaint',
      customerId: zhao.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: '送货晚了',
      customerWants: '道歉',
      priority: 'normal',
    })
  ).id;
  ids.zhaoEvent = readTable<{ id: string }>(
    s020.file,
    'SELECT id FROM ticket_event WHERE ticket_id = ? LIMIT 1',
    ids.zhaoTicket,
  )[0]!.id;
  await s012.sync();
  await s020.sync();
});

afterAll(async () => {
  for (const counter of [s012, s020]) await counter?.close();
  await hq?.close();
});

describe('a store writing another store’s customers', () => {
  const forged: Record<string, string | undefined> = {};

  it('refuses every write naming an unlinked S012 customer, with a reason, and applies S020’s good changes after them', async () => {
    const now = new Date().toISOString();
    ids.fakeTicket = uuidv7();
    const ticketFields = {
      ...loggedInsert(s020, 'ticket', ids.zhaoTicket!),
      customerId: ids.lina,
      number: 'S020-1-20261207-0999',
    };
    [forged.update] = forge(s020, [
      { entity: 'customer', entityId: ids.zhang!, op: 'update', fields: { name: '被改了', updatedAt: now } },
    ]);
    [forged.phone] = forge(s020, [
      {
        entity: 'customer_phone',
        entityId: uuidv7(),
        op: 'insert',
        fields: {
          customerId: ids.zhang,
          kind: 'mobile',
          number: '13600009999',
          digits: '13600009999',
          position: 1,
          createdAt: now,
        },
      },
    ]);
    [forged.address] = forge(s020, [
      {
        entity: 'customer_address',
        entityId: uuidv7(),
        op: 'insert',
        fields: { customerId: ids.zhang, label: '家', address: '徐家汇路1号', position: 0, createdAt: now },
      },
    ]);
    [forged.note] = forge(s020, [
      {
        entity: 'customer_note',
        entityId: uuidv7(),
        op: 'insert',
        fields: { ...loggedInsert(s020, 'customer_note', ids.zhaoNote!), customerId: ids.zhang },
      },
    ]);
    [forged.product] = forge(s020, [
      {
        entity: 'product',
        entityId: uuidv7(),
        op: 'insert',
        fields: { ...loggedInsert(s020, 'product', ids.zhaoProduct!), customerId: ids.zhang },
      },
    ]);
    // S012's existing phone moved onto S020's customer: it is still S012's record.
    [forged.phoneMove] = forge(s020, [
      { entity: 'customer_phone', entityId: ids.zhangPhone!, op: 'update', fields: { customerId: ids.zhao } },
    ]);
    // A new ticket for S012's 李娜 and an event on it, in one transaction.
    [forged.ticket, forged.ticketEvent] = forge(s020, [
      { entity: 'ticket', entityId: ids.fakeTicket, op: 'insert', fields: ticketFields },
      {
        entity: 'ticket_event',
        entityId: uuidv7(),
        op: 'insert',
        fields: { ...loggedInsert(s020, 'ticket_event', ids.zhaoEvent!), ticketId: ids.fakeTicket },
      },
    ]);
    // Merges that would join S012's customer to S020's, either way round.
    [forged.mergeInto] = forge(s020, [
      { entity: 'customer_merge', entityId: ids.zhao!, op: 'insert', fields: { intoId: ids.zhang, mergedAt: now } },
    ]);
    [forged.mergeFrom] = forge(s020, [
      { entity: 'customer_merge', entityId: ids.lina!, op: 'insert', fields: { intoId: ids.zhao, mergedAt: now } },
    ]);
    // S012's own ticket and stock location.
    [forged.s012TicketEvent] = forge(s020, [
      {
        entity: 'ticket_event',
        entityId: uuidv7(),
        op: 'insert',
        fields: { ...loggedInsert(s020, 'ticket_event', ids.zhaoEvent!), ticketId: ids.s012Ticket },
      },
    ]);
    [forged.movement] = forge(s020, [
      {
        entity: 'stock_movement',
        entityId: uuidv7(),
        op: 'insert',
        fields: {
          partId: uuidv7(),
          locationId: ids.s012Location,
          kind: 'adjust',
          qty: -5,
          reason: '',
          docType: 'manual',
          createdAt: now,
        },
      },
    ]);
    // Then S020's own, honest work, which must still go through.
    await editNotes(s020, ids.zhao!, '周末送货');

    const status = await s020.sync();
    expect(status.pending).toBe(0);

    const problems = await s020.ok('sync.problems', {});
    const codeOf = (changeId: string) =>
      readTable<{ code: string }>(s020.file, 'SELECT code FROM sync_rejected WHERE change_id = ?', changeId)[0]?.code;
    for (const name of [
      'update',
      'phone',
      'address',
      'note',
      'product',
      'phoneMove',
      'ticket',
      'mergeInto',
      'mergeFrom',
    ]) {
      expect({ name, code: codeOf(forged[name]!) }).toEqual({ name, code: 'customer_not_linked' });
    }
    expect(codeOf(forged.ticketEvent!)).toBe('refused_record');
    expect(codeOf(forged.s012TicketEvent!)).toBe('other_store_record');
    expect(codeOf(forged.movement!)).toBe('other_store_record');
    expect(problems).toHaveLength(12);
    // The counter has English and Chinese text for every reason it was given.
    for (const p of problems) expect(rejectionReasons).toHaveProperty(p.code);

    // Head office recorded each refusal with its reason, and the good change after them applied.
    const refused = await hq.db
      .selectFrom('rejectedChange')
      .select(['changeId', 'code', 'reason'])
      .where('storeId', '=', hq.storeId('S020'))
      .execute();
    expect(refused.map((r) => r.changeId).sort()).toEqual(Object.values(forged).sort());
    for (const r of refused) expect(r.reason).toMatch(/not linked|another store|refused/);
    expect(((await hqState('customer', ids.zhao!))!.state as { fields: Record<string, unknown> }).fields.notes).toBe(
      '周末送货',
    );
  });

  it('changed nothing of S012’s at head office and linked nothing', async () => {
    const zhang = (await hqState('customer', ids.zhang!))!.state as { fields: Record<string, unknown> };
    expect(zhang.fields.name).toBe('张伟');
    const phone = (await hqState('customer_phone', ids.zhangPhone!))!.state as { fields: Record<string, unknown> };
    expect(phone.fields.customerId).toBe(ids.zhang);
    expect(await hqState('ticket', ids.fakeTicket!)).toBeUndefined();
    expect(await hqState('customer_merge', ids.zhao!)).toBeUndefined();
    expect(await hqState('customer_merge', ids.lina!)).toBeUndefined();
    const written = await hq.db
      .selectFrom('entityState')
      .select('entity')
      .where('customerRef', 'in', [ids.zhang!, ids.lina!])
      .where('ownerStoreId', '=', hq.storeId('S020'))
      .execute();
    expect(written).toEqual([]);
    expect(await linkedStores(ids.zhang!)).toEqual(['S012']);
    expect(await linkedStores(ids.lina!)).toEqual(['S012']);
    expect(await linkedStores(ids.zhao!)).toEqual(['S020']);
  });

  it('sends S020 none of S012’s names or phones, by pull or by a new PC’s snapshot', async () => {
    await s020.sync();
    expect(s012DataAt(s020)).toEqual([]);
    const second = await openCounter(hq, { storeCode: 'S020', counterNo: 2 });
    try {
      await second.sync();
      expect(readTable(second.file, 'SELECT id FROM customer WHERE id = ?', ids.zhao)).toHaveLength(1);
      expect(s012DataAt(second)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('leaves S012’s PC as it was', async () => {
    await s012.sync();
    expect((await s012.ok('customers.get', { id: ids.zhang! })).name).toBe('张伟');
    expect(
      readTable(s012.file, 'SELECT number FROM customer_phone WHERE customer_id = ?', ids.zhang).map(
        (r) => (r as { number: string }).number,
      ),
    ).toEqual(['13800001111']);
    expect(readTable(s012.file, 'SELECT id FROM customer_address WHERE customer_id = ?', ids.zhang)).toEqual([]);
    expect(readTable(s012.file, 'SELECT id FROM customer_note WHERE customer_id = ?', ids.zhang)).toEqual([]);
    expect(readTable(s012.file, 'SELECT id FROM product WHERE customer_id = ?', ids.zhang)).toEqual([]);
    expect(readTable(s012.file, 'SELECT from_id FROM customer_merge')).toEqual([]);
    expect(readTable(s012.file, 'SELECT id FROM ticket_event WHERE ticket_id = ?', ids.s012Ticket)).toHaveLength(
      s012TicketEvents,
    );
    expect(readTable(s012.file, 'SELECT id FROM stock_movement')).toEqual([]);
  });
});

describe('a device speaking as another device’s database', () => {
  it('gets no answer about S012’s replica on pull: refused, no seq, no cursor', async () => {
    const replicaId = getState(s012.store.statements, 'replica_id')!;
    const answer = await sessionOf(s020).call(
      'GET',
      `/sync/v1/pull?replicaId=${replicaId}&cursor=${encodeURIComponent(getState(s020.store.statements, 'pull_cursor') ?? '')}`,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'replica_not_yours', message: expect.stringMatching(/another PC/) });
  });

  it('cannot push into S012’s replica, and learns nothing of it', async () => {
    const replicaId = getState(s012.store.statements, 'replica_id')!;
    const before = await hq.db
      .selectFrom('replica')
      .select('lastAppliedSeq')
      .where('id', '=', replicaId)
      .executeTakeFirstOrThrow();
    const change = {
      seq: before.lastAppliedSeq + 1,
      changeId: uuidv7(),
      txId: uuidv7(),
      entity: 'customer',
      entityId: ids.zhang!,
      op: 'update',
      fields: { name: '被改了' },
      hlc: s020.store.hlc.send(),
      staffId: null,
      createdAt: new Date().toISOString(),
      schemaVersion: 13,
    };
    for (const seq of [1, before.lastAppliedSeq + 1]) {
      const answer = await sessionOf(s020).call('POST', '/sync/v1/push', {
        protocol: PROTOCOL_VERSION,
        replicaId,
        schemaVersion: 13,
        appVersion: 'x',
        changes: [{ ...change, seq }],
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: 'replica_not_yours', message: expect.stringMatching(/another PC/) });
    }
    expect(
      (await hq.db.selectFrom('replica').select('lastAppliedSeq').where('id', '=', replicaId).executeTakeFirstOrThrow())
        .lastAppliedSeq,
    ).toBe(before.lastAppliedSeq);
    expect(((await hqState('customer', ids.zhang!))!.state as { fields: Record<string, unknown> }).fields.name).toBe(
      '张伟',
    );
  });

  it('still pulls and pushes with its own replica', async () => {
    await editNotes(s020, ids.zhao!, '只在周末送货');
    await s020.sync();
    expect(((await hqState('customer', ids.zhao!))!.state as { fields: Record<string, unknown> }).fields.notes).toBe(
      '只在周末送货',
    );
  });
});

describe('a customer head office linked to the store', () => {
  it('can be edited by S020 once the admin links it, and S012 sees the edit', async () => {
    // Another PC of S020: the first one's outbox holds the forged changes, which its own desk
    // still folds into what it shows (a genuine PC never logs a change to a customer it lacks).
    const pc = await openCounter(hq, { storeCode: 'S020', counterNo: 3 });
    try {
      await linkCustomerByIdOrPhone(hq.db, ids.zhang!, 'S020');
      await pc.sync();
      expect((await pc.ok('customers.get', { id: ids.zhang! })).name).toBe('张伟');
      await editNotes(pc, ids.zhang!, '徐家汇店也服务');
      await pc.ok('customers.addNote', { customerId: ids.zhang!, body: '来徐家汇店咨询' });
      await pc.ok('customers.addProduct', {
        customerId: ids.zhang!,
        category: 'tv',
        brand: '海信',
        model: '55E3',
        serial: 'HS55E30001',
        purchaseDate: '2026-03-01',
      });
      await pc.ok('tickets.create', {
        type: 'complaint',
        customerId: ids.zhang!,
        channel: 'in_store',
        category: 'service_attitude',
        whatHappened: '等候太久',
        customerWants: '道歉',
        priority: 'normal',
      });
      await pc.sync();
      expect(await pc.ok('sync.problems', {})).toEqual([]);
      expect(await linkedStores(ids.zhang!)).toEqual(['S012', 'S020']);
      await s012.sync();
      expect((await s012.ok('customers.get', { id: ids.zhang! })).notes).toBe('徐家汇店也服务');
      expect(readTable(s012.file, 'SELECT body FROM customer_note WHERE customer_id = ?', ids.zhang)).toEqual([
        { body: '来徐家汇店咨询' },
      ]);
      expect(readTable(s012.file, 'SELECT serial FROM product WHERE customer_id = ?', ids.zhang)).toEqual([
        { serial: 'HS55E30001' },
      ]);
      // S020 still sees only the customer it was given, not S012's other one.
      expect(readTable(pc.file, 'SELECT id FROM customer WHERE id = ?', ids.lina)).toEqual([]);
    } finally {
      await pc.close();
    }
  });
});

describe('head office’s catalogue and another store’s own records', () => {
  it('refuses a bin update that would make a catalogue part, and an edit of S012’s ticket', async () => {
    const part = uuidv7();
    const [binOnly, ticketEdit] = forge(s020, [
      { entity: 'part', entityId: part, op: 'update', fields: { bin: 'A-01', updatedAt: new Date().toISOString() } },
      {
        entity: 'ticket',
        entityId: ids.s012Ticket!,
        op: 'update',
        fields: { summary: '已解决', updatedAt: new Date().toISOString() },
      },
    ]);
    await s020.sync();
    const codeOf = (changeId: string | undefined) =>
      readTable<{ code: string }>(s020.file, 'SELECT code FROM sync_rejected WHERE change_id = ?', changeId)[0]?.code;
    expect(codeOf(binOnly)).toBe('hq_owned');
    expect(codeOf(ticketEdit)).toBe('other_store');
    expect(await hqState('part', part)).toBeUndefined();
    expect(
      ((await hqState('ticket', ids.s012Ticket!))!.state as { fields: Record<string, unknown> }).fields.summary,
    ).not.toBe('已解决');
  });
});

describe('merged customers', () => {
  it('a store merges two of its own customers; a merge at S012 of a customer S020 sees lets S020 work on the survivor', async () => {
    // S020's own duplicates: both its own, so the merge applies.
    const a = await s020.ok('customers.create', { name: '周杰', phones: [{ number: '13500001234' }] });
    const b = await s020.ok('customers.create', { name: '周杰', phones: [{ number: '13500005678' }] });
    await s020.sync();
    await s020.ok('customers.merge', { fromId: a.id, intoId: b.id });
    await s020.sync();
    expect(await hqState('customer_merge', a.id)).toBeDefined();

    // At S012: 王芳 is shared with S020, then merged into S012's other record of her.
    const wang = await s012.ok('customers.create', { name: '王芳', phones: [{ number: '13300001111' }] });
    const wang2 = await s012.ok('customers.create', {
      name: '王芳',
      phones: [{ number: '13300002222' }],
      confirmDuplicate: true,
    });
    await s012.sync();
    await linkCustomerByIdOrPhone(hq.db, wang.id, 'S020');
    await s012.ok('customers.merge', { fromId: wang.id, intoId: wang2.id });
    await s012.sync();
    expect(await linkedStores(wang2.id)).toEqual(['S012', 'S020']);
    const problems = (await s020.ok('sync.problems', {})).length;
    await s020.sync();
    await s020.ok('customers.addNote', { customerId: wang2.id, body: '合并后来电' });
    await editNotes(s020, wang2.id, '两条记录已合并');
    await s020.sync();
    expect((await s020.ok('sync.problems', {})).length).toBe(problems);
    await s012.sync();
    expect((await s012.ok('customers.get', { id: wang2.id })).notes).toBe('两条记录已合并');
  });
});
