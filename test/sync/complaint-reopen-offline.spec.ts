/**
 * Two PCs of one store reopen the same complaint while offline, each knowing different after-sales
 * managers (db/tickets/manager-route.ts): one routes it to its one manager, the other, which has
 * just added a second manager, to every manager. After syncing, both PCs show the same assignee and
 * the same "for the manager" flag — the first reopen's — and the second reopen is kept, flagged.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';

let hq: TestHeadOffice;
let pcs: TestCounter[] = [];
const syncAll = async () => {
  for (const pc of pcs) await pc.sync();
};

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S043');
  for (let n = 1; n <= 2; n += 1) pcs.push(await openCounter(hq, { storeCode: 'S043', counterNo: n }));
});

afterAll(async () => {
  for (const pc of pcs) await pc.close();
  pcs = [];
  await hq?.close();
});

const seen = (pc: TestCounter, id: string) =>
  readTable<Record<string, unknown>>(
    pc.file,
    'SELECT status, assignee_id, for_role, flagged_events FROM ticket WHERE id = ?',
    id,
  )[0];

it('folds to the same manager on both PCs whatever staff each knew when it reopened', async () => {
  const [one, two] = pcs as [TestCounter, TestCounter];
  const manager = await one.ok('staff.create', { name: '周经理', role: 'aftersales_manager', pin: '7777' });
  await syncAll();
  await syncAll();

  const customer = await one.ok('customers.create', { name: '投诉人', phones: [{ number: '15900430001' }] });
  let ticket: TicketDetail = await one.ok('tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '安装师傅态度差',
    customerWants: '道歉',
  });
  const step = async (s: StepInput) => {
    ticket = await one.ok('tickets.act', { ticketId: ticket.id, version: ticket.version, step: s });
  };
  const handler = (await one.ok('tickets.staff', {})).find((s) => s.role === 'admin' && s.name === '管理员1')!;
  await step({ action: 'first_reply', reply: '已致歉' });
  await step({ action: 'assign', assigneeId: handler.id });
  await step({ action: 'start_investigation' });
  await step({ action: 'propose_solution', findings: '属实', solution: '致歉' });
  await step({ action: 'inform_customer' });
  await syncAll();
  await syncAll();

  // Offline: PC 1 knows one manager; PC 2 adds a second one first, and reopens a moment later.
  const rated = (pc: TestCounter, rating: number) =>
    pc.ok('tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating,
      problemSolved: false,
    });
  const onOne = await rated(one, 1);
  expect(onOne).toMatchObject({ assignee: { id: manager.id }, forRole: null });
  await two.ok('staff.create', { name: '吴经理', role: 'aftersales_manager', pin: '7878' });
  const onTwo = await rated(two, 2);
  expect(onTwo).toMatchObject({ assignee: null, forRole: 'aftersales_manager' });

  await syncAll();
  await syncAll();
  await syncAll();
  const views = pcs.map((pc) => seen(pc, ticket.id));
  expect(views[1]).toEqual(views[0]);
  expect(views[0]).toEqual({ status: 'reopened', assignee_id: manager.id, for_role: null, flagged_events: 1 });
});
