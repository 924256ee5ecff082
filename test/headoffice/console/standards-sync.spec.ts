/**
 * An edit in the console reaching a counter through a real sync (HTTPS head office, a counter PC's
 * own SQLite and sync engine): a standard changed to calendar hours moves the deadline of a ticket
 * taken there, and of one already open; the year filled from the data package and an opening-hours
 * template arrive too, and a store cannot push head office's records back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../support/inspect';
import { openCounter, type TestCounter } from '../../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../../sync/support/hq';
import { expectInvariants } from '../../sync/support/oracle';
import { consoleApp, signIn, type SignedInStaff } from './support';

let hq: TestHeadOffice;
let app: FastifyInstance;
let counter: TestCounter;
let quality: SignedInStaff;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  counter = await openCounter(hq, { storeCode: 'S031' });
  app = await consoleApp(hq.db);
  quality = await signIn(app, hq.db, 'quality');
});
afterAll(async () => {
  await app?.close();
  await counter?.close();
  await hq?.close();
});

const MINUTE = 60_000;

async function complaint(name: string, phone: string) {
  const customer = await counter.ok('customers.create', { name, phones: [{ number: phone }] });
  return counter.ok('tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '安装师傅迟到两小时',
    customerWants: '道歉',
    serious: false,
  });
}

describe('a standard edited in the console', () => {
  it('reaches the counter at its next sync: new and open tickets count the new minutes in calendar hours', async () => {
    await counter.sync();
    const before = await complaint('顾女士', '13900310001');
    expect(before.clocks.resolve.targetMinutes).toBe(24 * 60);

    const saved = await app.inject({
      method: 'PUT',
      url: '/console/api/standards/matrix',
      headers: quality.headers,
      payload: {
        targets: [
          {
            ticketType: 'complaint',
            priority: 'normal',
            tier: 'regular',
            replyMinutes: 30,
            resolveMinutes: 300,
            counts: 'calendar',
          },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    await counter.sync();
    expect(
      readTable(
        counter.file,
        `SELECT reply_minutes, resolve_minutes, counts FROM sla_target WHERE id = 'complaint:normal:regular'`,
      ),
    ).toEqual([{ reply_minutes: 30, resolve_minutes: 300, counts: 'calendar' }]);

    const after = await complaint('郑先生', '13900310002');
    const created = Date.parse(after.createdAt);
    expect(after.clocks.respond.targetMinutes).toBe(30);
    expect(after.clocks.resolve.targetMinutes).toBe(300);
    // Calendar hours: 30 and 300 minutes on the wall clock from the create event (stamped a few
    // milliseconds after the row's createdAt), whatever the store's hours.
    const respondDue = Date.parse(after.clocks.respond.dueAt!);
    const resolveDue = Date.parse(after.clocks.resolve.dueAt!);
    expect(resolveDue - respondDue).toBe(270 * MINUTE);
    expect(Math.abs(resolveDue - (created + 300 * MINUTE))).toBeLessThan(1000);

    // The ticket taken before the edit is still open: the next list read moves its deadline too.
    await counter.ok('tickets.queue', { queue: 'open' });
    const reread = await counter.ok('tickets.get', { id: before.id });
    expect(reread.clocks.resolve.targetMinutes).toBe(300);
    expect(
      Math.abs(Date.parse(reread.clocks.resolve.dueAt!) - (Date.parse(before.createdAt) + 300 * MINUTE)),
    ).toBeLessThan(1000);

    // The store may not edit head office's standard once enrolled.
    const refused = await counter.call('tickets.saveSlaTargets', {
      targets: [
        { ticketType: 'complaint', priority: 'normal', tier: 'regular', replyMinutes: 15, resolveMinutes: 600 },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { key: 'standards_hq_owned' } });
  });

  it('brings the year filled from the data package and an opening-hours template', async () => {
    const filled = await app.inject({
      method: 'POST',
      url: '/console/api/standards/holidays/fill',
      headers: quality.headers,
      payload: { region: 'CN', year: 2026 },
    });
    expect(filled.statusCode).toBe(200);
    const template = await app.inject({
      method: 'POST',
      url: '/console/api/standards/hours-templates',
      headers: quality.headers,
      payload: { name: '商场 10:00–22:00', opensAt: '10:00', closesAt: '22:00', workingDays: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(template.statusCode).toBe(201);
    await counter.sync();

    const days = await counter.ok('tickets.holidays', { year: 2026 });
    expect(days.find((d) => d.date === '2026-10-10')).toEqual({
      date: '2026-10-10',
      kind: 'workday',
      name: '国庆节',
      region: 'CN',
    });
    expect(days.filter((d) => d.date >= '2026-10-01' && d.date <= '2026-10-07' && d.kind === 'closed')).toHaveLength(7);
    expect(await counter.ok('store.hoursTemplates', {})).toEqual([
      expect.objectContaining({
        name: '商场 10:00–22:00',
        opensAt: '10:00',
        closesAt: '22:00',
        workingDays: [1, 2, 3, 4, 5, 6, 7],
      }),
    ]);
    await expectInvariants(hq, [counter]);
  });
});
