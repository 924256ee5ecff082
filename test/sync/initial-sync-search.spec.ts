/**
 * A new PC's initial sync and the counter search (db/customers/search-bulk.ts): the snapshot brings
 * the store's customers without their search terms, which the engine builds right after in the
 * background; meanwhile the status says how many customers search cannot find yet. Customers that
 * arrive later by the ordinary pull are searchable at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  a = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  for (let i = 0; i < 40; i += 1) await a.ok('customers.create', { name: `顾客${i}`, phones: [{ number: `1370000${String(i).padStart(4, '0')}` }] });
  await a.ok('customers.create', { name: '张三', phones: [{ number: '13912345678' }] });
  await a.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

const names = async (counter: TestCounter, query: string) => (await counter.ok('customers.search', { query })).items.map((c) => c.name);

it('builds the search index of a snapshot after the sync, and finds every customer then', async () => {
  b = await openCounter(hq, { storeCode: 'S031', counterNo: 2 });
  await b.sync();
  // The rows are here; their terms come from the background build the sync started.
  expect(readTable<{ n: number }>(b.file, 'SELECT count(*) AS n FROM customer')[0]!.n).toBe(41);
  await b.engine.searchIndexed();
  expect(b.engine.status().searchBacklog).toBe(0);
  expect(await names(b, '张三')).toEqual(['张三']);
  expect(await names(b, 'zs')).toEqual(['张三']);
  expect(await names(b, '5678')).toEqual(['张三']);
  expect(await names(b, '顾客39')).toEqual(['顾客39']);
});

it('makes customers that arrive by the ordinary pull searchable at once', async () => {
  await a.ok('customers.create', { name: '李四', phones: [{ number: '13800001111' }] });
  await a.sync();
  await b.sync();
  expect(b.engine.status().searchBacklog).toBe(0);
  expect(await names(b, 'ls')).toEqual(['李四']);
  await expectInvariants(hq, [a, b]);
});
