/**
 * Ownership and merge scenarios (docs/SYNC.md §3b F5, F8–F12, F25) between stores S012 (two PCs) and
 * S013, against the real head office, with the invariants checked after each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRejected, linkCustomer } from '../../headoffice/admin/ops';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { countAtHq, expectInvariants } from './support/oracle';
import { hqPart, writeLocally } from './support/parts';

const YEAR = 365 * 86_400_000;
let hq: TestHeadOffice;
let a: TestCounter;
let a2: TestCounter;
let c: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  await hq.addStore('S013');
  a = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  a2 = await openCounter(hq, { storeCode: 'S012', counterNo: 2 });
  c = await openCounter(hq, { storeCode: 'S013', counterNo: 1 });
});

afterAll(async () => {
  for (const counter of [a, a2, c]) await counter?.close();
  await hq?.close();
});

/** customers.update takes the whole phone list (with ids, so each keeps its history). */
async function edit(counter: TestCounter, id: string, patch: Record<string, unknown>) {
  const now = await counter.ok('customers.get', { id });
  return counter.ok('customers.update', {
    id,
    name: now.name,
    phones: now.phones.map((p) => ({ id: p.id, number: p.number })),
    ...patch,
  });
}

const syncAll = async () => {
  for (const counter of [a, a2, c, a, a2, c]) await counter.sync();
};

async function sharedCustomer(name: string) {
  const created = await a.ok('customers.create', {
    name,
    phones: [{ number: `137${String(Date.now() % 1e8).padStart(8, '0')}` }],
  });
  await a.sync();
  await linkCustomer(hq.db, created.id, 'S013');
  await syncAll();
  return created;
}

describe('ownership and merge', () => {
  it('F25 + F5: head office changes a price while the store is offline; the store’s own price edit is rejected, shown, and the queue moves on', async () => {
    const part = hqPart('P-1001', 10_000);
    await hq.write([part]);
    await syncAll();
    expect(readTable(a.file, 'SELECT price_fen FROM part WHERE id = ?', part.entityId)).toEqual([
      { price_fen: 10_000 },
    ]);
    await hq.write([{ entity: 'part', entityId: part.entityId, op: 'update', fields: { priceFen: 12_000 } }]);
    // Offline, the store edits the price (as an older app would) and makes a valid change in the same batch.
    await writeLocally(a, 'part', part.entityId, 'part', { priceFen: 9_000 });
    const ok = await a.ok('customers.create', { name: '同批客户', phones: [{ number: '13700001111' }] });
    await a.sync();
    expect(readTable(a.file, 'SELECT price_fen FROM part WHERE id = ?', part.entityId)).toEqual([
      { price_fen: 12_000 },
    ]);
    const problems = await a.ok('sync.problems', {});
    expect(problems.map((p) => [p.entity, p.code])).toEqual([['part', 'hq_owned']]);
    expect(a.engine.status()).toMatchObject({ pending: 0, rejected: 1 });
    expect(
      (
        await hq.db
          .selectFrom('entityState')
          .select('state')
          .where('entity', '=', 'customer')
          .where('entityId', '=', ok.id)
          .executeTakeFirstOrThrow()
      ).state.fields.name,
    ).toBe('同批客户');
    expect((await listRejected(hq.db)).map((r) => [r.storeCode, r.entity, r.code])).toContainEqual([
      'S012',
      'part',
      'hq_owned',
    ]);
    // A store keeps its own bin: accepted, and never pushed onto other stores' shelves.
    await writeLocally(a, 'part', part.entityId, 'part', { bin: 'A-03-2' });
    await syncAll();
    expect(readTable(a2.file, 'SELECT bin, price_fen FROM part WHERE id = ?', part.entityId)).toEqual([
      { bin: '', price_fen: 12_000 },
    ]);
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F9: two stores edit the same customer field offline: the later stamp wins everywhere, the loser is in the conflict log', async () => {
    const customer = await sharedCustomer('王小明');
    await edit(c, customer.id, { name: '王晓明' });
    await edit(a, customer.id, { name: '王小鸣' });
    await syncAll();
    for (const counter of [a, a2, c])
      expect((await counter.ok('customers.get', { id: customer.id })).name).toBe('王小鸣');
    const conflicts = await hq.db.selectFrom('conflictLog').selectAll().where('entityId', '=', customer.id).execute();
    expect(conflicts.map((x) => [x.field, x.loserValue, x.winnerValue])).toEqual([['name', '王晓明', '王小鸣']]);
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F10: two stores edit different fields of one customer: both edits survive', async () => {
    const customer = await sharedCustomer('赵敏');
    await edit(c, customer.id, { name: '赵敏', notes: '周末上门' });
    await edit(a, customer.id, { name: '赵敏', preferredChannel: 'wechat' });
    await syncAll();
    for (const counter of [a, a2, c]) {
      const seen = await counter.ok('customers.get', { id: customer.id });
      expect([seen.notes, seen.preferredChannel]).toEqual(['周末上门', 'wechat']);
    }
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F11: a delete (merged away) against a concurrent update: the delete wins everywhere and nothing comes back later', async () => {
    const gone = await sharedCustomer('钱一');
    const kept = await a.ok('customers.create', { name: '钱一（新）', phones: [{ number: '13600002222' }] });
    await a.ok('customers.merge', { fromId: gone.id, intoId: kept.id });
    await edit(c, gone.id, { name: '钱壹' });
    await syncAll();
    for (const counter of [a, a2, c]) {
      const row = readTable<{ deleted_at: string | null }>(
        counter.file,
        'SELECT deleted_at FROM customer WHERE id = ?',
        gone.id,
      )[0];
      expect(row?.deleted_at ?? 'gone', `deleted on ${counter.engine.status().storeCode}`).not.toBeNull();
    }
    await edit(c, gone.id, { name: '钱壹壹' }).catch(() => null);
    await syncAll();
    expect(
      (
        await hq.db
          .selectFrom('entityState')
          .select('state')
          .where('entity', '=', 'customer')
          .where('entityId', '=', gone.id)
          .executeTakeFirstOrThrow()
      ).state.deleted,
    ).not.toBeNull();
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F12: the same phone registered as a new customer at two stores: two records, flagged at head office, merged through an alias', async () => {
    const x = await a.ok('customers.create', { name: '孙丽', phones: [{ number: '13512345678' }] });
    const y = await c.ok('customers.create', { name: '孙丽', phones: [{ number: '13512345678' }] });
    await syncAll();
    expect(
      await hq.db
        .selectFrom('duplicateFlag')
        .select(['customerA', 'customerB'])
        .where('digits', '=', '13512345678')
        .execute(),
    ).toEqual([{ customerA: [x.id, y.id].sort()[0], customerB: [x.id, y.id].sort()[1] }]);
    await linkCustomer(hq.db, y.id, 'S012');
    await syncAll();
    await a.ok('customers.merge', { fromId: y.id, intoId: x.id });
    await syncAll();
    // The other PC of the store, and the other store, reach the surviving record through the alias.
    expect((await a2.ok('customers.get', { id: y.id })).id).toBe(x.id);
    expect(readTable(c.file, 'SELECT into_id FROM customer_merge WHERE from_id = ?', y.id)).toEqual([
      { into_id: x.id },
    ]);
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F12b: two stores merge the same duplicate into different survivors offline: the later merge wins on every replica and at head office', async () => {
    const y = await sharedCustomer('钱多');
    const x = await sharedCustomer('钱多多');
    const w = await sharedCustomer('钱朵');
    // Both stores merge y away before either syncs; store C does it a moment later (the later stamp).
    await a.ok('customers.merge', { fromId: y.id, intoId: x.id });
    await new Promise((r) => setTimeout(r, 5));
    await c.ok('customers.merge', { fromId: y.id, intoId: w.id });
    // Store A reaches head office first: the first-come merge must not decide it.
    await a.sync();
    await c.sync();
    await syncAll();
    for (const counter of [a, a2, c])
      expect(readTable(counter.file, 'SELECT into_id FROM customer_merge WHERE from_id = ?', y.id)).toEqual([
        { into_id: w.id },
      ]);
    const atHq = await hq.db
      .selectFrom('entityState')
      .select('state')
      .where('entity', '=', 'customer_merge')
      .where('entityId', '=', y.id)
      .executeTakeFirstOrThrow();
    expect(atHq.state.fields.intoId).toBe(w.id);
    expect((await a2.ok('customers.get', { id: y.id })).id).toBe(w.id);
    await expectInvariants(hq, [a, a2, c]);
  });

  it('F8: a PC a year ahead, one a year behind, one whose clock jumps back: stamps stay monotonic, the future one is re-stamped and does not win later edits', async () => {
    const customer = await sharedCustomer('周杰');
    let skew = YEAR;
    const ahead = await openCounter(hq, { storeCode: 'S012', counterNo: 3, now: () => Date.now() + skew });
    await ahead.sync();
    expect(ahead.engine.status().clockWarning).toBe(true);
    await edit(ahead, customer.id, { name: '周杰（未来）' });
    await ahead.sync();
    const restamped = await hq.db.selectFrom('clockSkew').selectAll().execute();
    expect(restamped.length).toBeGreaterThan(0);
    // A real edit made afterwards at another store wins, on every replica including the fast one.
    await new Promise((r) => setTimeout(r, 5));
    await edit(c, customer.id, { name: '周杰伦' });
    await syncAll();
    await ahead.sync();
    for (const counter of [a, c, ahead])
      expect((await counter.ok('customers.get', { id: customer.id })).name).toBe('周杰伦');

    const behind = await openCounter(hq, { storeCode: 'S012', counterNo: 4, now: () => Date.now() - YEAR });
    await behind.sync();
    expect(behind.engine.status().clockWarning).toBe(true);
    const before = behind.store.hlc.send();
    await edit(behind, customer.id, { name: '周杰伦（后）' });
    expect(behind.store.hlc.send() > before).toBe(true);
    await behind.sync();
    await syncAll();
    await behind.sync();

    // Clock jumps back ten minutes mid-session: stamps keep increasing.
    skew = -10 * 60_000;
    const stamps = [ahead.store.hlc.send(), ahead.store.hlc.send()];
    expect(stamps[1]! > stamps[0]!).toBe(true);
    await ahead.sync();
    await expectInvariants(hq, [a, a2, c, behind, ahead]);
    await ahead.close();
    await behind.close();
    expect(await countAtHq(hq, 'customer')).toBeGreaterThan(0);
  });
});
