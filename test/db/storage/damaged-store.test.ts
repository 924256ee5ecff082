import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../db/open';
import { preflight } from '../../../db/storage/preflight';
import { pageInfo, quickCheckComplains, sha256, writeGarbage } from '../../support/damage';
import { count } from '../../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../../support/temp-store';

/** A store with enough customers to have middle pages, closed, its WAL folded into the file. */
async function storeWithCustomers(n = 150): Promise<{ t: TestDesk; adminId: string }> {
  const t = await openTestDesk();
  const admin = await setUpStore(t);
  for (let i = 0; i < n; i += 1) {
    await t.ok('customers.create', {
      name: `顾客${i}`,
      phones: [{ number: `1380000${String(i).padStart(4, '0')}` }],
      notes: 'x'.repeat(200),
    });
  }
  await t.desk.close();
  return { t, adminId: admin.id };
}

async function expectWritesRefused(t: TestDesk, adminId: string) {
  const created = await t.call('customers.create', { name: '新顾客', phones: [{ number: '13999990000' }] });
  expect(created).toMatchObject({ ok: false, error: { code: 'database_damaged', key: 'database_damaged' } });
  // Signing in writes a session row: refused too, with the same error.
  const signIn = await t.call('session.signIn', { staffId: adminId, pin: '2468' });
  expect(signIn).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
  const status = await t.ok('backup.status', {});
  expect(status.damaged).not.toBeNull();
}

describe('a damaged store file', () => {
  for (const where of ['page 2', 'a middle page'] as const) {
    it(`is found at start when ${where} holds garbage: writes are refused with database_damaged and the file is not written`, async () => {
      const { t, adminId } = await storeWithCustomers();
      const { pageSize, pageCount } = pageInfo(t.file);
      expect(pageCount).toBeGreaterThan(20);
      writeGarbage(t.file, where === 'page 2' ? 2 : Math.floor(pageCount / 2), pageSize);
      expect(quickCheckComplains(t.file)).toBe(true);
      const before = sha256(t.file);

      const again = await openTestDesk({ file: t.file });
      await expectWritesRefused(again, adminId);
      expect((await again.ok('backup.status', {})).damaged).toMatchObject({ foundBy: 'start' });
      // A read that does not touch the garbage still answers.
      expect(await again.ok('app.info', {})).toMatchObject({ version: '0.1.0-test' });
      await again.desk.close();

      expect(sha256(t.file)).toBe(before);
      expect(existsSync(`${t.file}-journal`)).toBe(false);
      if (existsSync(`${t.file}-wal`)) expect(statSync(`${t.file}-wal`).size).toBe(0);
    });
  }

  it("the bounded start check for big files reads every b-tree's root and edges: it finds garbage in page 2 and passes a healthy file", async () => {
    const { t } = await storeWithCustomers(60);
    expect(preflight(t.file, { fullCheckMaxBytes: 0 }).damage).toEqual([]);
    const { pageSize } = pageInfo(t.file);
    writeGarbage(t.file, 2, pageSize);
    const before = sha256(t.file);
    expect(preflight(t.file, { fullCheckMaxBytes: 0 }).damage.length).toBeGreaterThan(0);
    expect(sha256(t.file)).toBe(before);
  });

  it('the store opened on a damaged file is read-only: no migration, no WAL switch, no replica id written', async () => {
    const { t } = await storeWithCustomers(60);
    const { pageSize } = pageInfo(t.file);
    writeGarbage(t.file, 2, pageSize);
    const before = sha256(t.file);
    const store = await openStore({ file: t.file, appVersion: '0.1.0' });
    expect(store.health.damage?.details.length).toBeGreaterThan(0);
    expect(store.sqlite.readonly).toBe(true);
    await closeStore(store);
    expect(sha256(t.file)).toBe(before);
  });

  it('the daily integrity check finds damage that appears while the app runs; from then on writes are refused', async () => {
    const { t, adminId } = await storeWithCustomers();
    const live = await openTestDesk({ file: t.file });
    await live.ok('session.signIn', { staffId: adminId, pin: '2468' });
    expect(await live.desk.storage!.checkIntegrity()).toEqual([]);
    await live.ok('customers.create', { name: '检查前', phones: [{ number: '13700000001' }] });
    live.desk.store!.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const { pageSize, pageCount } = pageInfo(t.file);
    writeGarbage(t.file, Math.floor(pageCount / 2), pageSize);
    const complaints = await live.desk.storage!.checkIntegrity();
    expect(complaints.length).toBeGreaterThan(0);
    const before = sha256(t.file);

    // The admin stays signed in (reads go on) but may write nothing.
    expect((await live.ok('backup.status', {})).damaged).toMatchObject({ foundBy: 'daily' });
    const refused = await live.call('customers.create', { name: '检查后', phones: [{ number: '13700000002' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(await live.call('backup.create', {})).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    live.desk.store!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha256(t.file)).toBe(before);
    await live.desk.close();
    expect(count(t.file, "customer WHERE name = '检查后'")).toBe(0);
  });
});
