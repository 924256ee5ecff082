/**
 * The basic round trip: head office on a real PostgreSQL over HTTPS, three counter PCs (two of
 * store S012, one of S013), customers created and edited at the counters, converging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLog, readTable } from '../support/inspect';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;
let c: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S013', '淮海路店');
  a = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S012', counterNo: 2 });
  c = await openCounter(hq, { storeCode: 'S013', counterNo: 1 });
});

afterAll(async () => {
  for (const counter of [a, b, c]) await counter?.close();
  await hq?.close();
});

describe('enroll, push and pull', () => {
  it('enrolls a PC and keeps its credentials out of the database, in a file only the user can read', async () => {
    const status = a.engine.status();
    expect(status.enrolled).toBe(true);
    expect(status.storeCode).toBe('S012');
    expect(status.credentialsWhere).toContain('readable only by this user');
    expect(status.credentialsKept).toEqual({
      kind: 'user_file',
      file: expect.stringMatching(/sync-credentials.json$/),
      why: 'browser_host',
    });
    const { statSync } = await import('node:fs');
    const where = status.credentialsWhere!.split(' (')[0]!;
    expect(statSync(where).mode & 0o777).toBe(0o600);
    const stateKeys = readTable<{ key: string; value: string }>(a.file, 'SELECT key, value FROM sync_state')
      .map((r) => r.value)
      .join(' ');
    expect(stateKeys).not.toContain(a.credentials.load()!.refreshSecret);
  });

  it('a customer made at one counter reaches the other PC of its store, not the other store', async () => {
    const created = await a.ok('customers.create', { name: '李女士', phones: [{ number: '13812345678' }] });
    await a.sync();
    await b.sync();
    await c.sync();
    const onB = await b.ok('customers.get', { id: created.id });
    expect(onB.name).toBe('李女士');
    expect(onB.phones.map((p) => p.number)).toEqual(['13812345678']);
    expect(readTable(c.file, 'SELECT id FROM customer WHERE id = ?', created.id)).toEqual([]);
    // Applied remote rows are not local changes: B's change log has no customer rows.
    expect(changeLog(b.file).filter((row) => row.entity === 'customer')).toEqual([]);
    expect(b.engine.status().pending).toBe(0);
  });

  it('an edit at the second PC comes back to the first, and HLCs move forward', async () => {
    const [first] = readTable<{ id: string }>(a.file, 'SELECT id FROM customer');
    await b.ok('customers.update', {
      id: first!.id,
      name: '李秀英',
      notes: '老客户',
      phones: [
        { id: readTable<{ id: string }>(b.file, 'SELECT id FROM customer_phone')[0]!.id, number: '13812345678' },
      ],
    });
    await b.sync();
    await a.sync();
    const onA = await a.ok('customers.get', { id: first!.id });
    expect(onA.name).toBe('李秀英');
    expect(onA.notes).toBe('老客户');
    expect(
      a.store.hlc.last() > readTable<{ hlc: string }>(b.file, 'SELECT hlc FROM customer')[0]!.hlc.slice(0, 17),
    ).toBe(true);
  });

  it('head office holds the merged record', async () => {
    const rows = await hq.db
      .selectFrom('entityState')
      .select(['entity', 'state'])
      .where('entity', '=', 'customer')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state.fields.name).toBe('李秀英');
  });
});
