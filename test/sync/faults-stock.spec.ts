/**
 * Stock scenarios (docs/SYNC.md §3b F13, F26) with the parts area's own methods: two PCs of a store
 * issue the last unit offline, and a stocktake of 5,000 lines made in one transaction reaches the
 * other PC all at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlePull } from '../../headoffice/pull';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';

const LINES = Number(process.env.SYNC_STOCKTAKE_LINES ?? 5_000);
let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  a = await openCounter(hq, { counterNo: 1 });
  b = await openCounter(hq, { counterNo: 2, maxPullBytes: 64 * 1024 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

describe('stock', () => {
  it('F13: two PCs issue the last unit offline: both movements kept, on-hand −1 everywhere, the negative flag raised', async () => {
    const part = hqPart('AC-CAP-04', 4_000);
    await hq.write([part]);
    await a.sync();
    await a.ok('parts.adjust', { partId: part.entityId, qty: 1, reason: '期初' });
    await a.sync();
    await b.sync();
    expect(readTable(b.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', part.entityId)).toEqual([{ qty: 1 }]);
    // Both offline: each issues the one unit it sees.
    await a.ok('parts.adjust', { partId: part.entityId, qty: -1, reason: '维修领用' });
    await b.ok('parts.adjust', { partId: part.entityId, qty: -1, reason: '维修领用' });
    for (const counter of [a, b, a, b]) await counter.sync();
    for (const counter of [a, b]) {
      expect(readTable(counter.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', part.entityId)).toEqual([
        { qty: -1 },
      ]);
      expect(
        readTable(counter.file, 'SELECT count(*) AS n FROM stock_movement WHERE part_id = ?', part.entityId),
      ).toEqual([{ n: 3 }]);
      expect((await counter.ok('parts.negativeStock', {})).items.length).toBeGreaterThan(0);
    }
    await expectInvariants(hq, [a, b]);
  });

  it(`F26: a stocktake of ${LINES} lines in one transaction is seen whole or not at all`, async () => {
    const parts = Array.from({ length: LINES }, (_, i) => hqPart(`ST-${String(i).padStart(5, '0')}`, 1_000 + i));
    await hq.write(parts);
    await a.sync();
    await b.sync();
    const started = await a.ok('parts.stocktakeStart', { note: '年终盘点' });
    // One line per part in the catalogue (these and F13's).
    const total = readTable<{ n: number }>(
      a.file,
      'SELECT count(*) AS n FROM stocktake_line WHERE stocktake_id = ?',
      started.id,
    )[0]!.n;
    expect(total).toBe(LINES + 1);
    await a.sync();
    // Head office pages on origin-transaction boundaries: a small page still carries the whole stocktake.
    const device = await hq.db
      .selectFrom('device')
      .select(['id', 'storeId', 'name'])
      .where('id', '=', b.engine.status().deviceId!)
      .executeTakeFirstOrThrow();
    const cursor = readTable<{ value: string }>(b.file, "SELECT value FROM sync_state WHERE key = 'pull_cursor'")[0]!
      .value;
    const page = await handlePull(
      hq.db,
      device,
      { replicaId: b.store.replicaId, cursor, maxBytes: 8 * 1024 },
      Date.now(),
    );
    const lines = page.changes.filter(
      (c) => c.entity === 'stocktake_line' && c.state.fields.stocktakeId === started.id,
    );
    expect(lines).toHaveLength(total);
    // The other PC, pulling in 64 KB pages and applying in short transactions, never shows part of it.
    const seen = new Set<number>();
    const probe = setInterval(
      () =>
        seen.add(
          (
            b.store.sqlite
              .prepare('SELECT count(*) AS n FROM stocktake_line WHERE stocktake_id = ?')
              .get(started.id) as { n: number }
          ).n,
        ),
      1,
    );
    await b.sync();
    clearInterval(probe);
    seen.add(
      readTable<{ n: number }>(
        b.file,
        'SELECT count(*) AS n FROM stocktake_line WHERE stocktake_id = ?',
        started.id,
      )[0]!.n,
    );
    expect([...seen].every((n) => n === 0 || n === total)).toBe(true);
    expect(readTable(b.file, 'SELECT count(*) AS n FROM stocktake WHERE id = ?', started.id)).toEqual([{ n: 1 }]);
    await expectInvariants(hq, [a, b]);
  });
});
