/**
 * Two counter PCs of one store working on the same store-owned records: each makes the main store
 * room on its own before they ever sync (it must merge, not collide on its code), and a form printed
 * on one PC counts as printed on the other (the next print there is a copy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';
import { hqPart } from './support/parts';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S021');
  a = await openCounter(hq, { storeCode: 'S021', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S021', counterNo: 2 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

describe('two PCs of one store', () => {
  it('each makes the main store room offline: one room everywhere, both movements in it', async () => {
    const part = hqPart('WM-BELT-07', 2_500);
    await hq.write([part]);
    await a.sync();
    await b.sync();
    // Neither PC has a store room yet: each makes MAIN with its first movement.
    await a.ok('parts.adjust', { partId: part.entityId, qty: 2, reason: '期初' });
    await b.ok('parts.adjust', { partId: part.entityId, qty: 3, reason: '期初' });
    for (const counter of [a, b, a, b]) await counter.sync();
    for (const counter of [a, b]) {
      expect(readTable(counter.file, 'SELECT code FROM stock_location')).toEqual([{ code: 'MAIN' }]);
      expect(readTable(counter.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', part.entityId)).toEqual([
        { qty: 5 },
      ]);
      expect(readTable(counter.file, 'SELECT count(*) AS n FROM pending_unknown')).toEqual([{ n: 0 }]);
    }
    await expectInvariants(hq, [a, b]);
  });

  it('counts a print made on the other PC: the next print here is a copy', async () => {
    const stocktake = await a.ok('parts.stocktakeStart', { note: '月度盘点' });
    const printed = {
      form: 'stocktake-sheet',
      subjectId: stocktake.id,
      language: 'zh-CN',
      output: 'printer',
      result: 'printed',
      printer: 'Counter-1',
    } as const;
    await a.ok('print.record', { ...printed, copyNo: 0 });
    await a.sync();
    await b.sync();
    const history = await b.ok('print.history', { form: 'stocktake-sheet', subjectId: stocktake.id });
    expect(history.nextCopyNo).toBe(1);
    expect(history.entries.map((e) => e.printer)).toEqual(['Counter-1']);
    // The reprint on B is copy 1, and A sees it too.
    await b.ok('print.record', { ...printed, printer: 'Counter-2', copyNo: 1 });
    await b.sync();
    await a.sync();
    expect((await a.ok('print.history', { form: 'stocktake-sheet', subjectId: stocktake.id })).nextCopyNo).toBe(2);
    await expectInvariants(hq, [a, b]);
  });
});
