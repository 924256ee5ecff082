/**
 * I6 (docs/SYNC.md §3a): another PC never shows part of an origin transaction. One PC makes records
 * that belong together — a repair ticket and its first event, requisitions with their lines and
 * event, customers with two phones, a stocktake with a line per part — and the other PC pulls them
 * in pages of about 1 KB (head office ends pages on transaction boundaries; the PC applies whole
 * transactions per local commit). After every commit on the receiving PC, each of those
 * transactions must be there whole or not at all; also when pages are cut off mid-answer (F3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../support/generator';
import { readTable } from '../support/inspect';
import { insertTransactions, watchAtomicity, type OriginTransaction } from './support/atomicity';
import { openCounter, type TestCounter } from './support/counter';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { startTestHeadOffice, testCertificates, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';

const TOGETHER = [
  'ticket',
  'ticket_event',
  'requisition',
  'requisition_line',
  'requisition_event',
  'customer',
  'customer_phone',
  'stocktake',
  'stocktake_line',
];
let hq: TestHeadOffice;
let proxy: FaultProxy;
let maker: TestCounter;
let reader: TestCounter;
let parts: string[];

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  proxy = await startFaultProxy({ upstream: () => hq.url, tls: await testCertificates() });
  maker = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  reader = await openCounter(hq, { storeCode: 'S031', counterNo: 2, maxPullBytes: 1024 });
  const catalogue = Array.from({ length: 12 }, (_, i) => hqPart(`I6-${String(i).padStart(2, '0')}`, 1_500 + i * 100));
  await hq.write(catalogue);
  parts = catalogue.map((p) => p.entityId);
  await maker.sync();
  await reader.sync();
});

afterAll(async () => {
  await maker?.close();
  await reader?.close();
  await proxy?.close();
  await hq?.close();
});

/** A morning at the parts counter: each call is one transaction of several records. */
async function busyMorning(counter: TestCounter, seed: number, { stocktake }: { stocktake: boolean }): Promise<void> {
  const rnd = createRandom(seed);
  const customer = await counter.ok('customers.create', {
    name: `原子${seed}`,
    phones: [{ number: `1361${String(seed).padStart(7, '0')}` }],
  });
  const ticket = await counter.ok('tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    fault: '不制冷',
    condition: '外观完好',
  });
  for (let i = 0; i < 6; i += 1) {
    const chosen = parts.filter(() => rnd() < 0.6).slice(0, 10);
    await counter.ok('parts.requisitionCreate', {
      ticketId: ticket.id,
      note: `第${i + 1}张`,
      lines: (chosen.length > 0 ? chosen : [parts[0]!]).map((partId) => ({ partId, qty: 1 + Math.floor(rnd() * 3) })),
    });
    await counter.ok('customers.create', {
      name: `双号${seed}-${i}`,
      phones: [
        { number: `1372${String(seed * 10 + i).padStart(7, '0')}` },
        { number: `1383${String(seed * 10 + i).padStart(7, '0')}` },
      ],
    });
  }
  // One stocktake counts at a time per store room.
  if (stocktake) await counter.ok('parts.stocktakeStart', { note: `盘点${seed}` });
}

const whole = (transactions: ReadonlyArray<OriginTransaction>, seen: ReadonlyArray<number>) =>
  transactions.filter((tx, i) => seen[i] !== tx.records.length).map((tx) => tx.label);

describe('I6: atomic visibility', () => {
  it('requisitions, customers and a stocktake made on one PC appear whole on the other, commit after commit', async () => {
    await busyMorning(maker, 1, { stocktake: true });
    await maker.sync();
    const transactions = insertTransactions(maker, TOGETHER);
    expect(transactions.length).toBeGreaterThanOrEqual(14);
    const watch = watchAtomicity(reader, () => transactions);
    await reader.sync();
    watch.stop();
    expect(watch.violations).toEqual([]);
    // Small pages: the pull took many commits, each one checked.
    expect(watch.commits).toBeGreaterThan(transactions.length / 2);
    expect(whole(transactions, watch.visible())).toEqual([]);
    // And as the parts counter reads it: every requisition with all its lines.
    const lines = (file: string) =>
      readTable<{ id: string; n: number }>(
        file,
        'SELECT r.id, count(l.id) AS n FROM requisition r LEFT JOIN requisition_line l ON l.requisition_id = r.id GROUP BY r.id ORDER BY r.id',
      );
    expect(lines(reader.file)).toEqual(lines(maker.file));
    await expectInvariants(hq, [maker, reader]);
  });

  it('pull answers cut off mid-page are thrown away without ever showing half a transaction (F3)', async () => {
    const late = await openCounter(hq, { storeCode: 'S031', counterNo: 3, via: () => proxy.url, maxPullBytes: 1024 });
    try {
      // Its first sync is the snapshot; what follows comes through the change feed.
      await late.sync();
      await busyMorning(maker, 2, { stocktake: false });
      await maker.sync();
      const transactions = insertTransactions(maker, TOGETHER);
      const watch = watchAtomicity(late, () => transactions);
      // Every other pull answer breaks off half-way; the PC retries until it has everything.
      proxy.plan((r) =>
        r.path.startsWith('/sync/v1/pull') && r.index % 2 === 1 ? { kind: 'cut_response', fraction: 0.5 } : null,
      );
      let cut = 0;
      for (let round = 0; round < 200; round += 1) {
        const status = await late.trySync();
        if (!status.lastError) break;
        cut += 1;
      }
      proxy.plan(null);
      await late.sync();
      watch.stop();
      expect(cut).toBeGreaterThan(0);
      expect(watch.violations).toEqual([]);
      expect(whole(transactions, watch.visible())).toEqual([]);
      await reader.sync();
      await expectInvariants(hq, [maker, reader, late]);
    } finally {
      proxy.plan(null);
      await late.close();
    }
  });
});
