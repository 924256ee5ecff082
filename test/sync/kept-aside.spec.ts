/**
 * A pulled record this PC cannot store (here a ticket whose number a local ticket already has, as
 * when two PCs of a store were set up with the same counter number) is kept aside, never hidden:
 * counted in the sync status and listed with what it is, why and what to do. Records that depend
 * on it (the ticket's events, in the same pull or a later one) are kept aside with it instead of
 * being stored without their ticket, and are replayed with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';

let hq: TestHeadOffice;
let x: TestCounter;
let y: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S040');
  x = await openCounter(hq, { storeCode: 'S040', counterNo: 1 });
  y = await openCounter(hq, { storeCode: 'S040', counterNo: 2 });
  await x.sync();
  await y.sync();
});

afterAll(async () => {
  await x?.close();
  await y?.close();
  await hq?.close();
});

const danglingRows = (counter: TestCounter) => readTable(counter.file, 'PRAGMA foreign_key_check');

describe('records kept aside', () => {
  it('a clashing ticket is kept aside with its events, counted and listed; nothing is stored dangling', async () => {
    const customer = await x.ok('customers.create', { name: '周强', phones: [{ number: '13900004444' }] });
    await x.sync();
    await y.sync();
    const theirs = await x.ok('tickets.create', {
      type: 'complaint',
      customerId: customer.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: '等了很久',
      customerWants: '道歉',
    });
    await x.ok('tickets.note', { ticketId: theirs.id, note: '已致电顾客' });
    // y already holds a ticket under that number (the clash two PCs with one counter number make).
    const ours = await y.ok('tickets.create', {
      type: 'complaint',
      customerId: customer.id,
      channel: 'phone',
      category: 'service_attitude',
      whatHappened: '电话打不通',
      customerWants: '回电',
    });
    y.store.sqlite.prepare('UPDATE ticket SET number = ? WHERE id = ?').run(theirs.number, ours.id);
    await x.sync();
    await y.sync();

    const events = readTable<{ id: string }>(x.file, 'SELECT id FROM ticket_event WHERE ticket_id = ?', theirs.id);
    expect(events.length).toBeGreaterThan(0);
    expect(danglingRows(y)).toEqual([]);
    expect(readTable(y.file, 'SELECT id FROM ticket_event WHERE ticket_id = ?', theirs.id)).toEqual([]);
    const status = await y.ok('sync.status', {});
    expect(status.keptAside).toBe(1 + events.length);
    const listed = await y.ok('sync.keptAside', {});
    expect(listed).toContainEqual(
      expect.objectContaining({ entity: 'ticket', entityId: theirs.id, number: theirs.number, reason: 'duplicate' }),
    );
    for (const event of events)
      expect(listed).toContainEqual(
        expect.objectContaining({
          entity: 'ticket_event',
          entityId: event.id,
          number: theirs.number,
          reason: 'depends',
        }),
      );

    // A later event of the kept-aside ticket, in a later pull, is kept aside too.
    await x.ok('tickets.note', { ticketId: theirs.id, note: '顾客已接受道歉' });
    await x.sync();
    await y.sync();
    expect(danglingRows(y)).toEqual([]);
    expect((await y.ok('sync.status', {})).keptAside).toBe(2 + events.length);
  });

  it('once the clash is gone, the ticket and its events are replayed together', async () => {
    const [theirs] = readTable<{ id: string; number: string }>(x.file, 'SELECT id, number FROM ticket');
    const ours = readTable<{ id: string }>(y.file, 'SELECT id FROM ticket WHERE number = ?', theirs!.number)[0]!;
    y.store.sqlite.prepare("UPDATE ticket SET number = 'S040-2-' || substr(number, 8) WHERE id = ?").run(ours.id);
    const outcome = await y.engine.retryKeptAside();
    expect(outcome.keptAside).toBe(0);
    expect((await y.ok('sync.status', {})).keptAside).toBe(0);
    expect(readTable(y.file, 'SELECT count(*) AS n FROM ticket_event WHERE ticket_id = ?', theirs!.id)).toEqual(
      readTable(x.file, 'SELECT count(*) AS n FROM ticket_event WHERE ticket_id = ?', theirs!.id),
    );
    expect(danglingRows(y)).toEqual([]);
    expect((await y.ok('tickets.get', { id: theirs!.id })).number).toBe(theirs!.number);
  });
});
