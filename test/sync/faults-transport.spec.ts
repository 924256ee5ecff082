/**
 * Transport faults (docs/SYNC.md §3b F1–F3, F6, F7, F20) through the fault proxy, against the real head
 * office on PostgreSQL, with the invariants checked after each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLog } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { once, startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { startTestHeadOffice, testCertificates, type TestHeadOffice } from './support/hq';
import { countAtHq, expectConverged, expectInvariants, progressOf } from './support/oracle';

let hq: TestHeadOffice;
let proxy: FaultProxy;
let a: TestCounter;
let b: TestCounter;
/** Head office's clock runs this far ahead of the PCs' (token expiry, F20). */
let hqAhead = 0;

beforeAll(async () => {
  hq = await startTestHeadOffice({ now: () => Date.now() + hqAhead });
  await hq.addStore('S012');
  const tls = await testCertificates();
  proxy = await startFaultProxy({ upstream: () => hq.url, tls });
  a = await openCounter(hq, { counterNo: 1, via: () => proxy.url });
  b = await openCounter(hq, { counterNo: 2, via: () => proxy.url });
  await a.sync();
  await b.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await proxy?.close();
  await hq?.close();
});

async function newCustomers(counter: TestCounter, n: number, tag: string) {
  for (let i = 0; i < n; i += 1)
    await counter.ok('customers.create', {
      name: `${tag}${i}`,
      phones: [{ number: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` }],
    });
}

describe('transport faults', () => {
  it('F1: a push cut half-way commits nothing; the retry applies it once', async () => {
    await newCustomers(a, 3, 'F1-');
    const before = await countAtHq(hq, 'customer');
    proxy.plan(once('/push', { kind: 'cut_request', fraction: 0.5 }));
    const failed = await a.trySync();
    expect(failed.lastError).toMatch(/broke off|unreachable|socket|hang up/i);
    expect(await countAtHq(hq, 'customer')).toBe(before);
    proxy.plan(null);
    await a.sync();
    expect(await countAtHq(hq, 'customer')).toBe(before + 3);
    await b.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('F2: head office commits but the answer is lost; the retry is skipped as a duplicate and acked from lastAppliedSeq', async () => {
    await newCustomers(a, 2, 'F2-');
    const before = await countAtHq(hq, 'customer');
    proxy.plan(once('/push', { kind: 'drop_response' }));
    await a.trySync();
    expect(await countAtHq(hq, 'customer')).toBe(before + 2);
    expect(a.engine.status().pending).toBeGreaterThan(0);
    proxy.plan(null);
    await a.sync();
    expect(a.engine.status().pending).toBe(0);
    expect(await countAtHq(hq, 'customer')).toBe(before + 2);
    await b.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('F3: a pull answer cut mid-page is discarded, the cursor stays, the page is fetched again', async () => {
    await newCustomers(a, 4, 'F3-');
    await a.sync();
    const before = progressOf(b);
    proxy.plan(once('/pull', { kind: 'cut_response', fraction: 0.5 }));
    await b.trySync();
    expect(progressOf(b).cursor).toBe(before.cursor);
    proxy.plan(null);
    await b.sync();
    expect(progressOf(b).cursor).toBeGreaterThan(before.cursor);
    await expectInvariants(hq, [a, b]);
  });

  it('F6: the same push delivered twice at once is applied once (the replica row lock)', async () => {
    await newCustomers(b, 3, 'F6-');
    const before = await countAtHq(hq, 'customer');
    proxy.plan(once('/push', { kind: 'duplicate' }));
    await b.sync();
    proxy.plan(null);
    expect(await countAtHq(hq, 'customer')).toBe(before + 3);
    // Two sync loops forced at once: single flight makes them one.
    await newCustomers(b, 1, 'F6b-');
    await Promise.all([b.engine.syncNow(), b.engine.syncNow(), b.engine.syncNow()]);
    expect(await countAtHq(hq, 'customer')).toBe(before + 4);
    await a.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('F7: a batch that arrives out of order is refused with seq_gap and the queue realigns', async () => {
    await newCustomers(a, 2, 'F7-');
    // Pretend the first batch was lost: this PC believes head office already has its next change.
    const { setState, getNumber } = await import('../../db/sync/state');
    const acked = getNumber(a.store.statements, 'last_acked_seq');
    setState(a.store.statements, 'last_acked_seq', acked + 1);
    await a.sync();
    expect(progressOf(a).acked).toBe(changeLog(a.file).at(-1)!.seq);
    await b.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('500s on every third request: the outbox stays intact and sync gets through with retries', async () => {
    await newCustomers(a, 5, 'F4-');
    proxy.plan((r) => (r.index % 3 === 2 ? { kind: 'status', status: 500 } : null));
    for (let round = 0; round < 10 && (a.engine.status().pending > 0 || a.engine.status().lastError); round += 1)
      await a.trySync();
    proxy.plan(null);
    await a.sync();
    await b.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('F20: an expired access token is refreshed without re-sending acknowledged changes', async () => {
    await a.sync();
    const pushesBefore = await hq.db
      .selectFrom('pushLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The access token lives 15 minutes by head office's clock: it answers 401 and the PC refreshes.
    hqAhead = 16 * 60_000;
    await newCustomers(a, 1, 'F20-');
    const sentBefore = proxy.stats.bytesUp;
    await a.sync();
    const pushesAfter = await hq.db
      .selectFrom('pushLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // One customer and its phone: exactly two new changes reached head office, nothing re-sent.
    expect(Number(pushesAfter.n) - Number(pushesBefore.n)).toBe(2);
    expect(proxy.stats.bytesUp - sentBefore).toBeLessThan(4000);
  });

  it('F20: a revoked PC is told, stops syncing and keeps its data', async () => {
    const deviceId = b.engine.status().deviceId!;
    await hq.revoke(deviceId);
    await newCustomers(b, 1, '吊销后');
    const status = await b.trySync();
    expect(status.state).toBe('stopped');
    expect(status.stopReason).toBe('device_revoked');
    expect(status.lastError).toMatch(/revoked/);
    expect(status.pending).toBe(2);
    const requests = proxy.stats.requests;
    await b.trySync();
    expect(proxy.stats.requests).toBe(requests);
    expect((await b.ok('customers.search', { query: '吊销后0' })).items).toHaveLength(1);
    await expectConverged(hq, a);
  });
});
