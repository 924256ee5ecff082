/**
 * Stores, PCs and customers at head office against real counters syncing over HTTPS: what a PC
 * reports on each push and pull lands on its device row, health follows from it, revoking stops
 * the PC's next request, unlinking a store stops the feed of that customer to it, and a merge made
 * at head office reaches both stores that had one of the two customers.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomers } from '../../../headoffice/admin/customers';
import { writeAsHq } from '../../../headoffice/admin/ops';
import { linkStore, unlinkStore } from '../../../headoffice/console/customers/links';
import { customerDetail, searchCustomers } from '../../../headoffice/console/customers/lookup';
import { listDuplicates } from '../../../headoffice/console/customers/duplicates';
import { planMerge } from '../../../headoffice/console/customers/merge';
import { revokePc, retirePc } from '../../../headoffice/console/stores/devices';
import { listStores, storeDetail } from '../../../headoffice/console/stores/store-list';
import { syncProblems } from '../../../headoffice/console/stores/sync-problems';
import type { RefusedChangeRow } from '../../../headoffice/console/contract/stores';
import { readTable } from '../../support/inspect';
import { openCounter, type TestCounter } from '../../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../../sync/support/hq';

let hq: TestHeadOffice;
let s012: TestCounter;
let s020: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S020', '徐家汇店');
  s012 = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  s020 = await openCounter(hq, { storeCode: 'S020', counterNo: 1 });
});

afterAll(async () => {
  await s012?.close();
  await s020?.close();
  await hq?.close();
});

const customersAt = (counter: TestCounter) =>
  readTable(counter.file, 'SELECT id, name, deleted_at FROM customer ORDER BY name') as Array<{
    id: string;
    name: string;
    deleted_at: string | null;
  }>;

describe('what a PC reports', () => {
  it('stores its version, unsent changes and clock offset from the headers of its push and pull', async () => {
    await s012.ok('customers.create', { name: '赵六', phones: [{ number: '13700007777' }] });
    await s012.sync();
    const [device] = (await storeDetail(hq.db, 'S012', Date.now())).devices;
    expect(device).toMatchObject({ appVersion: '0.1.0-test', pendingChanges: 0, status: 'active', counterNo: 1 });
    expect(Math.abs(device!.clockOffsetMs!)).toBeLessThan(5_000);
    expect(device!.lastPushAt).not.toBeNull();
    expect(device!.lastPullAt).not.toBeNull();
    expect(device!.health).toEqual({ level: 'ok', reasons: [] });
  });

  it('lists stores with their health at a glance; a store without a PC says so', async () => {
    await hq.addStore('S030', '空店');
    const page = await listStores(hq.db, { pageSize: 10 }, Date.now());
    expect(page.total).toBe(3);
    expect(page.stores.map((s) => [s.code, s.activePcs, s.health])).toEqual([
      ['S012', 1, { level: 'ok', reasons: [] }],
      ['S020', 1, { level: 'warning', reasons: ['never_synced'] }],
      ['S030', 0, { level: 'no_pcs', reasons: [] }],
    ]);
    await s020.sync();
    expect((await listStores(hq.db, { q: '徐家汇' }, Date.now())).stores.map((s) => [s.code, s.health.level])).toEqual([
      ['S020', 'ok'],
    ]);
    const later = await listStores(hq.db, { q: 's01' }, Date.now() + 2 * 86_400_000);
    expect(later.stores.map((s) => [s.code, s.health])).toEqual([
      ['S012', { level: 'problem', reasons: ['silent_day'] }],
    ]);
  });

  it("shows a store's refused changes with the customer's phone masked unless unmasked", async () => {
    const [other] = await findCustomers(hq.db, '7777');
    // S020 adds a phone to a customer it does not reach, as a tampered PC would: refused as customer_not_linked.
    const { sqlite, hlc } = s020.store;
    sqlite
      .prepare(
        'INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
      )
      .run(
        uuidv7(),
        uuidv7(),
        'customer_phone',
        uuidv7(),
        'insert',
        JSON.stringify({
          customerId: other!.id,
          kind: 'mobile',
          number: '13912345678',
          digits: '13912345678',
          position: 1,
        }),
        hlc.send(),
        sqlite.pragma('user_version', { simple: true }) as number,
        new Date().toISOString(),
      );
    await s020.sync();
    const masked = await syncProblems(hq.db, 'S020', { kind: 'refused', page: 1, pageSize: 10 }, { unmask: false });
    expect(masked.total).toBe(1);
    expect(masked.rows[0]).toMatchObject({ code: 'customer_not_linked', entity: 'customer_phone' });
    expect((masked.rows[0] as RefusedChangeRow).fields).toMatchObject({ number: '139****5678', digits: '139****5678' });
    const full = await syncProblems(hq.db, 'S020', { kind: 'refused', page: 1, pageSize: 10 }, { unmask: true });
    expect((full.rows[0] as RefusedChangeRow).fields).toMatchObject({ number: '13912345678' });
    expect((await storeDetail(hq.db, 'S020', Date.now())).store.health.reasons).toContain('refused');
  });
});

describe('revoking and retiring a PC', () => {
  it("stops the PC's next pull with 403 device_revoked, and retiring hides it from the default list", async () => {
    const pc = await openCounter(hq, { storeCode: 'S030', counterNo: 1 });
    try {
      await pc.sync();
      const [device] = (await storeDetail(hq.db, 'S030', Date.now())).devices;
      await revokePc(hq.db, 'S030', device!.id, Date.now());
      await expect(revokePc(hq.db, 'S030', device!.id, Date.now())).rejects.toMatchObject({ code: 'already_revoked' });
      await expect(revokePc(hq.db, 'S012', device!.id, Date.now())).rejects.toMatchObject({ status: 404 });
      const status = await pc.trySync();
      expect(status.lastError).toMatch(/revoked/);
      expect(readTable(pc.file, "SELECT value FROM sync_state WHERE key = 'revoked'")).toEqual([
        { value: 'device_revoked' },
      ]);
      await retirePc(hq.db, 'S030', device!.id, Date.now());
      expect((await storeDetail(hq.db, 'S030', Date.now())).devices).toEqual([]);
      expect((await storeDetail(hq.db, 'S030', Date.now(), { retired: true })).devices.map((d) => d.status)).toEqual([
        'retired',
      ]);
    } finally {
      await pc.close();
    }
  });
});

describe('customers at head office', () => {
  it('looks customers up masked, or in full', async () => {
    expect(await searchCustomers(hq.db, '7777', false)).toEqual([
      { id: expect.any(String), name: '赵*', phones: ['137****7777'], stores: ['S012'] },
    ]);
    expect((await searchCustomers(hq.db, '赵', true))[0]).toMatchObject({ name: '赵六', phones: ['13700007777'] });
  });

  it('links a store (it receives the file), and unlinking stops the feed of that customer to it', async () => {
    const [zhao] = await findCustomers(hq.db, '7777');
    await hq.db.transaction().execute((trx) => linkStore(trx, zhao!.id, 'S020'));
    await s020.sync();
    expect(customersAt(s020).map((c) => c.name)).toEqual(['赵六']);
    const detail = await customerDetail(hq.db, zhao!.id, false);
    expect(detail.links.map((l) => [l.storeCode, l.home])).toEqual([
      ['S012', true],
      ['S020', false],
    ]);
    await expect(hq.db.transaction().execute((trx) => unlinkStore(trx, zhao!.id, 'S012'))).rejects.toMatchObject({
      code: 'home_store',
    });
    await hq.db.transaction().execute((trx) => unlinkStore(trx, zhao!.id, 'S020'));
    const now = await s012.ok('customers.get', { id: zhao!.id });
    await s012.ok('customers.update', {
      id: zhao!.id,
      name: '赵六六',
      phones: now.phones.map((p) => ({ id: p.id, number: p.number })),
    });
    await s012.sync();
    await s020.sync();
    expect(customersAt(s020).map((c) => c.name)).toEqual(['赵六']);
    expect(customersAt(s012).map((c) => c.name)).toContain('赵六六');
  });

  it('merges duplicates of two stores: both stores end with the survivor and all the phones', async () => {
    const a = await s012.ok('customers.create', { name: '孙丽', phones: [{ number: '13655550001' }] });
    const b = await s020.ok('customers.create', {
      name: '孙丽',
      phones: [{ number: '13655550001' }, { number: '13655550002' }],
    });
    await s012.sync();
    await s020.sync();
    const duplicates = await listDuplicates(hq.db, { page: 1, pageSize: 10 }, false);
    expect(duplicates.rows.map((r) => [r.digits, [r.a.id, r.b.id].sort()])).toEqual([
      ['136****0001', [a.id, b.id].sort()],
    ]);
    const plan = await planMerge(hq.db, b.id, a.id, new Date().toISOString());
    expect(plan.result.moved).toEqual({ products: 0, phones: 1, addresses: 0 });
    await writeAsHq(hq.db, hq.hqClock, plan.writes);
    await s012.sync();
    await s020.sync();
    for (const counter of [s012, s020]) {
      const sun = customersAt(counter).filter((c) => c.name === '孙丽');
      expect(sun.find((c) => c.id === a.id)?.deleted_at ?? null).toBeNull();
      expect(
        readTable(counter.file, 'SELECT number FROM customer_phone WHERE customer_id = ? ORDER BY position', a.id),
      ).toEqual([{ number: '13655550001' }, { number: '13655550002' }]);
    }
    expect(readTable(s020.file, 'SELECT into_id FROM customer_merge WHERE from_id = ?', b.id)).toEqual([
      { into_id: a.id },
    ]);
    expect((await listDuplicates(hq.db, { page: 1, pageSize: 10 }, false)).total).toBe(0);
    await expect(planMerge(hq.db, b.id, a.id, new Date().toISOString())).rejects.toMatchObject({
      code: 'customer_deleted',
    });
  });
});
