/**
 * Recovery scenarios (docs/SYNC.md §3b F17, F18, F23): head office restored from a backup, a counter's
 * database restored from an old copy, a replica offline beyond the tombstone horizon.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactFeed } from '../../headoffice/admin/ops';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { countAtHq, expectInvariants, progressOf } from './support/oracle';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;
const folder = mkdtempSync(join(tmpdir(), 'counterdesk-restore-'));

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  a = await openCounter(hq, { counterNo: 1 });
  b = await openCounter(hq, { counterNo: 2 });
  await a.sync();
  await b.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
  rmSync(folder, { recursive: true, force: true });
});

const customer = (counter: TestCounter, name: string, phone: string) =>
  counter.ok('customers.create', { name, phones: [{ number: phone }] });

describe('recovery', () => {
  it('F17: head office restored from an older backup: replicas re-push what it lost and re-pull; nothing lost, nothing doubled', async () => {
    await customer(a, '备份前', '13100000001');
    await a.sync();
    await b.sync();
    await hq.backup(`${hq.dbName}_bak`);
    await customer(a, '备份后甲', '13100000002');
    await customer(b, '备份后乙', '13100000003');
    await a.sync();
    await b.sync();
    expect(await countAtHq(hq, 'customer')).toBe(3);
    await hq.restore(`${hq.dbName}_bak`);
    await hq.afterRestore();
    expect(await countAtHq(hq, 'customer')).toBe(1);
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await countAtHq(hq, 'customer')).toBe(3);
    await expectInvariants(hq, [a, b]);
  });

  it('F18: a counter database restored from an old copy continues as a new replica: no duplicates, unpushed changes pushed once', async () => {
    const copy = join(folder, 'old-copy.sqlite');
    a.store.sqlite.exec(`VACUUM INTO '${copy}'`);
    await customer(a, '副本之后', '13100000004');
    await a.sync();
    const oldReplica = a.store.replicaId;
    const credentials = a.credentials.load()!;
    await a.close();
    // The PC is reimaged and its database comes back from the old copy (same credentials file).
    const restoredFile = join(mkdtempSync(join(tmpdir(), 'counterdesk-restored-')), 'counter.sqlite');
    copyFileSync(copy, restoredFile);
    a = await openCounter(hq, { counterNo: 1, file: restoredFile, setUp: false, enroll: false });
    a.credentials.save(credentials);
    expect(a.store.replicaId).toBe(oldReplica);
    await customer(a, '恢复后新建', '13100000005');
    await a.sync();
    expect(a.store.replicaId).not.toBe(oldReplica);
    expect(await countAtHq(hq, 'customer')).toBe(5);
    await b.sync();
    await a.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('F23: a replica offline beyond the tombstone horizon resets: snapshot, its unpushed changes kept and pushed, nothing deleted comes back', async () => {
    const doomed = await customer(b, '将被合并', '13100000006');
    const survivor = await customer(b, '保留', '13100000007');
    await b.sync();
    await a.sync();
    // a goes offline; meanwhile b merges (deletes) one, and head office compacts its feed.
    const offline = await customer(a, '离线新建', '13100000008');
    await b.ok('customers.merge', { fromId: doomed.id, intoId: survivor.id });
    await b.sync();
    const head = await hq.db.selectFrom('feedHead').select('lastSeq').executeTakeFirstOrThrow();
    await compactFeed(hq.db, head.lastSeq);
    const before = progressOf(a);
    await a.sync();
    expect(progressOf(a).cursor).toBeGreaterThanOrEqual(before.cursor);
    expect(
      readTable<{ deleted_at: string | null }>(a.file, 'SELECT deleted_at FROM customer WHERE id = ?', doomed.id)[0]!
        .deleted_at,
    ).not.toBeNull();
    expect(
      (
        await hq.db
          .selectFrom('entityState')
          .select('state')
          .where('entity', '=', 'customer')
          .where('entityId', '=', offline.id)
          .executeTakeFirstOrThrow()
      ).state.fields.name,
    ).toBe('离线新建');
    await b.sync();
    await expectInvariants(hq, [a, b]);
    expect(a.engine.status()).toMatchObject({ resyncing: false, firstSync: false });
  });

  it('F23: a PC in use that takes the records again says so until the snapshot is in, and keeps working meanwhile', async () => {
    // Where a reset leaves a PC (pull.ts): synced before, no feed position until the snapshot is in.
    a.store.sqlite.prepare("DELETE FROM sync_state WHERE key = 'pull_cursor'").run();
    expect(a.engine.status()).toMatchObject({ resyncing: true, firstSync: false });
    // The counter is not held up meanwhile.
    const walkIn = await customer(a, '重新同步时来访', '13100000009');
    await a.sync();
    expect(a.engine.status()).toMatchObject({ resyncing: false, pending: 0 });
    expect(readTable(a.file, 'SELECT name FROM customer WHERE id = ?', walkIn.id)).toEqual([
      { name: '重新同步时来访' },
    ]);
    await b.sync();
    await expectInvariants(hq, [a, b]);
  });
});
