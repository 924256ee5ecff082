/**
 * A new PC's initial sync and the data derived from what it brings: the snapshot brings the store's
 * customers without their search terms, which the engine builds right after in the background
 * (db/customers/search-bulk.ts; meanwhile the status says how many customers search cannot find
 * yet), and lists the tickets it brings to fold each once from its events when the last page is in.
 * Customers that arrive later by the ordinary pull are searchable at once.
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
  for (let i = 0; i < 40; i += 1)
    await a.ok('customers.create', { name: `顾客${i}`, phones: [{ number: `1370000${String(i).padStart(4, '0')}` }] });
  const zhang = await a.ok('customers.create', { name: '张三', phones: [{ number: '13912345678' }] });
  // Tickets worked through several steps, so their events come on other pages than their headers.
  for (let i = 0; i < 3; i += 1) {
    const ticket = await a.ok('tickets.create', {
      type: 'complaint',
      customerId: zhang.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: `安装师傅迟到${i}`,
      customerWants: '道歉',
      priority: 'normal',
    });
    const admin = readTable<{ id: string }>(a.file, "SELECT id FROM staff WHERE role = 'admin' LIMIT 1")[0]!.id;
    let version = (await a.ok('tickets.get', { id: ticket.id })).version;
    await a.ok('tickets.act', {
      ticketId: ticket.id,
      version,
      step: { action: 'assign', assigneeId: admin, note: '分派' },
    });
    version = (await a.ok('tickets.get', { id: ticket.id })).version;
    if (i > 0)
      await a.ok('tickets.act', {
        ticketId: ticket.id,
        version,
        step: { action: 'start_investigation', note: '开始调查' },
      });
  }
  await a.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

const names = async (counter: TestCounter, query: string) =>
  (await counter.ok('customers.search', { query })).items.map((c) => c.name);

it('builds the search index of a snapshot after the sync, and finds every customer then', async () => {
  b = await openCounter(hq, { storeCode: 'S031', counterNo: 2 });
  // Enrolled, nothing synced yet: the counter waits for the store's records (the shell's first-sync screen).
  expect(b.engine.status().firstSync).toBe(true);
  await b.sync();
  expect(b.engine.status().firstSync).toBe(false);
  // The rows are here; their terms come from the background build the sync started.
  expect(readTable<{ n: number }>(b.file, 'SELECT count(*) AS n FROM customer')[0]!.n).toBe(41);
  await b.engine.searchIndexed();
  expect(b.engine.status().searchBacklog).toBe(0);
  expect(await names(b, '张三')).toEqual(['张三']);
  expect(await names(b, 'zs')).toEqual(['张三']);
  expect(await names(b, '5678')).toEqual(['张三']);
  expect(await names(b, '顾客39')).toEqual(['顾客39']);
});

it('folds every ticket the snapshot brought from its events once the last page is in', async () => {
  const ticketsOn = (counter: TestCounter) =>
    readTable(counter.file, 'SELECT id, status, assignee_id, state_hlc, flagged_events FROM ticket ORDER BY id');
  expect(ticketsOn(b)).toEqual(ticketsOn(a));
  expect(
    ticketsOn(b)
      .map((t) => (t as { status: string }).status)
      .sort(),
  ).toEqual(['assigned', 'investigating', 'investigating']);
  expect(readTable(b.file, 'SELECT count(*) AS n FROM ticket_backlog')).toEqual([{ n: 0 }]);
});

it('makes customers that arrive by the ordinary pull searchable at once', async () => {
  await a.ok('customers.create', { name: '李四', phones: [{ number: '13800001111' }] });
  await a.sync();
  await b.sync();
  expect(b.engine.status().searchBacklog).toBe(0);
  expect(await names(b, 'ls')).toEqual(['李四']);
  // A pulled rename moves the terms; a pulled edit of the notes alone leaves them be.
  const li = (await a.ok('customers.search', { query: '李四' })).items[0]!;
  const detail = await a.ok('customers.get', { id: li.id });
  await a.ok('customers.update', {
    id: li.id,
    name: '李思',
    notes: '改名',
    phones: detail.phones.map((p) => ({ id: p.id, number: p.number })),
  });
  await a.sync();
  await b.sync();
  expect(await names(b, 'ls')).toEqual(['李思']);
  expect(await names(b, '李四')).toEqual([]);
  expect(await names(b, '李思')).toEqual(['李思']);
  await expectInvariants(hq, [a, b]);
});
