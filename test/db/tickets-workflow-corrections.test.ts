/**
 * Corrections to the complaint workflow (docs/architecture/workflow-rules.md): a complaint the customer
 * is not satisfied with goes to the after-sales manager, not back to its handler; the counter can
 * give the first reply itself and stop the 15-minute clock; a complaint says whom it is about, and
 * the staff report counts it against that person.
 */
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { foldEvents, type FoldEvent } from '../../db/tickets/derive';
import { complaintMachine } from '../../db/tickets/machines/complaint';
import { changeLog, count } from '../support/inspect';
import { act, newComplaint, openTicketDesk, type TicketDesk, type Who } from './tickets-fixture';

/** Assigned to 李娜, solved, and rated 1 at the follow-up call: back to the manager. */
async function reopenedByLowRating(d: TicketDesk): Promise<TicketDetail> {
  let ticket = await newComplaint(d);
  ticket = await act(d, 'cs_lead', ticket, { action: 'assign', assigneeId: d.idOf('counter') });
  ticket = await act(d, 'counter', ticket, { action: 'start_investigation' });
  ticket = await act(d, 'counter', ticket, { action: 'propose_solution', findings: '属实', solution: '致歉' });
  ticket = await act(d, 'counter', ticket, { action: 'inform_customer' });
  return d.ok('counter', 'tickets.recordFollowUp', {
    ticketId: ticket.id,
    version: ticket.version,
    reached: true,
    rating: 1,
    problemSolved: false,
  });
}

const forManager = async (d: TicketDesk, who: Who) =>
  (await d.ok(who, 'tickets.queue', { queue: 'for_manager' })).items.map((i) => i.number);

describe('a complaint sent back after a low rating', () => {
  it('goes to the store’s one after-sales manager, says so in the history, and waits in the manager’s queues', async () => {
    const d = await openTicketDesk();
    const ticket = await reopenedByLowRating(d);
    expect(ticket).toMatchObject({ status: 'reopened', assignee: { name: '周经理' }, forRole: null });
    expect(ticket.timeline.at(-1)).toMatchObject({
      action: 'follow_up_reopen',
      data: { rating: 1, problemSolved: false, route: { managerId: d.idOf('manager'), managers: 1 } },
    });
    expect(await forManager(d, 'manager')).toEqual([ticket.number]);
    const mine = await d.ok('manager', 'tickets.queue', { queue: 'mine' });
    expect(mine.items.map((i) => i.number)).toEqual([ticket.number]);
    // Not the handler's any more.
    expect((await d.ok('counter', 'tickets.queue', { queue: 'mine' })).items).toEqual([]);
  });

  it('with several managers is nobody’s yet, flagged for every manager until one takes it', async () => {
    const d = await openTicketDesk();
    await d.ok('admin', 'staff.create', { name: '吴经理', role: 'aftersales_manager', pin: '7878' });
    const ticket = await reopenedByLowRating(d);
    expect(ticket).toMatchObject({ status: 'reopened', assignee: null, forRole: 'aftersales_manager' });
    expect(ticket.timeline.at(-1)?.data).toMatchObject({ route: { managerId: null, managers: 2 } });
    expect(await forManager(d, 'manager')).toEqual([ticket.number]);
    // The manager takes it round again with a new handler: no longer waiting for a manager.
    const taken = await act(d, 'manager', ticket, { action: 'assign', assigneeId: d.idOf('cs_lead') });
    expect(taken).toMatchObject({ status: 'assigned', assignee: { name: '张敏' }, forRole: null });
    expect(await forManager(d, 'manager')).toEqual([]);
  });

  it('in a store without an after-sales manager waits for the admin', async () => {
    const d = await openTicketDesk();
    await d.ok('admin', 'staff.update', {
      id: d.idOf('manager'),
      name: '周经理',
      role: 'aftersales_manager',
      active: false,
    });
    const ticket = await reopenedByLowRating(d);
    expect(ticket).toMatchObject({ assignee: null, forRole: 'admin' });
    expect(await forManager(d, 'admin')).toEqual([ticket.number]);
    const settled = await act(d, 'admin', ticket, { action: 'resolve', result: '店长亲自致歉' });
    expect(settled).toMatchObject({ status: 'resolved', forRole: null });
  });

  it('also goes to the manager when the customer refuses the solution', async () => {
    const d = await openTicketDesk();
    let ticket = await newComplaint(d);
    ticket = await act(d, 'cs_lead', ticket, { action: 'assign', assigneeId: d.idOf('counter') });
    ticket = await act(d, 'counter', ticket, { action: 'start_investigation' });
    ticket = await act(d, 'counter', ticket, { action: 'propose_solution', findings: '属实', solution: '优惠券' });
    ticket = await act(d, 'counter', ticket, { action: 'customer_disagrees', customerView: '要求赔偿' });
    expect(ticket).toMatchObject({ status: 'reopened', assignee: { name: '周经理' } });
  });

  it('folds the same way on every PC: the route is in the event, and a second reopen made offline is flagged', () => {
    const sla = { respondMinutes: 15, resolveMinutes: 1440, counts: 'calendar' as const };
    const at = (minute: number, replica: string) =>
      `${String(1_764_000_000_000 + minute * 60_000).padStart(15, '0')}:0000:${replica}`;
    const event = (id: string, action: string, minute: number, replica: string, data = {}): FoldEvent => ({
      id,
      action,
      at: 1_764_000_000_000 + minute * 60_000,
      hlc: at(minute, replica),
      data,
    });
    const common = [
      event('c', 'create', 0, 'a', { sla }),
      event('1', 'assign', 1, 'a', { assigneeId: 'handler' }),
      event('2', 'start_investigation', 2, 'a'),
      event('3', 'propose_solution', 3, 'a'),
      event('4', 'inform_customer', 4, 'a'),
    ];
    // PC a knew one manager; PC b, offline, knew none and routed to the admin a minute later.
    const fromA = event('ra', 'follow_up_reopen', 10, 'a', { rating: 1, route: { managerId: 'mgr', forRole: null } });
    const fromB = event('rb', 'follow_up_reopen', 11, 'b', { rating: 2, route: { managerId: null, forRole: 'admin' } });
    const onA = foldEvents(complaintMachine, [...common, fromA, fromB], null, sla);
    const onB = foldEvents(complaintMachine, [...common, fromB, fromA], null, sla);
    expect(onA).toEqual(onB);
    expect(onA).toMatchObject({ status: 'reopened', assigneeId: 'mgr', forRole: null, flagged: ['rb'] });
    // A reopen recorded before routing existed keeps its handler, as it did then.
    const old = foldEvents(complaintMachine, [...common, event('ro', 'follow_up_reopen', 10, 'a')], null, sla);
    expect(old).toMatchObject({ status: 'reopened', assigneeId: 'handler', forRole: null });
  });
});

describe('the first reply at the counter', () => {
  it('stops the 15-minute clock, records who said what, and leaves the complaint unassigned', async () => {
    const d = await openTicketDesk();
    let ticket = await newComplaint(d);
    expect(ticket.clocks.respond.state).toBe('running');
    d.advance(7);
    ticket = await act(d, 'counter', ticket, { action: 'first_reply', reply: '已向顾客致歉，今天内由组长回电' });
    expect(ticket).toMatchObject({ status: 'recorded', assignee: null });
    expect(ticket.clocks.respond).toMatchObject({ state: 'stopped', elapsedMinutes: 7, breachedAt: null });
    expect(ticket.clocks.resolve.state).toBe('running');
    expect(ticket.timeline.at(-1)).toMatchObject({
      action: 'first_reply',
      staffName: '李娜',
      data: { reply: '已向顾客致歉，今天内由组长回电' },
    });
    expect(ticket.allowedSteps).not.toContain('first_reply');
    // Long past the 15 minutes, no breach is recorded for the reply.
    d.advance(60);
    await d.ok('admin', 'tickets.recordBreaches', {});
    const later = await d.ok('cs_lead', 'tickets.get', { id: ticket.id });
    expect(later.timeline.filter((e) => e.action === 'sla_breach')).toEqual([]);
    // The lead still assigns it as usual.
    expect(later.allowedSteps).toContain('assign');
  });

  it('is refused to a technician, a second time, and without what was said, writing nothing', async () => {
    const d = await openTicketDesk();
    const ticket = await newComplaint(d);
    const before = { events: count(d.file, 'ticket_event'), changes: changeLog(d.file).length };
    const attempt = (who: Who, s: StepInput, version = ticket.version) =>
      d.refused(who, 'tickets.act', { ticketId: ticket.id, version, step: s });
    expect(await attempt('technician', { action: 'first_reply', reply: '好的' })).toMatchObject({
      code: 'permission_denied',
      key: 'ticket_role_not_allowed',
    });
    expect(await attempt('counter', { action: 'first_reply', reply: '  ' })).toMatchObject({
      code: 'validation',
      field: 'step.reply',
    });
    expect(await attempt('counter', { action: 'first_reply', reply: 'x'.repeat(2001) })).toMatchObject({
      code: 'validation',
      key: 'too_long',
      field: 'step.reply',
    });
    expect({ events: count(d.file, 'ticket_event'), changes: changeLog(d.file).length }).toEqual(before);
    const replied = await act(d, 'counter', ticket, { action: 'first_reply', reply: '已登记，稍后回电' });
    expect(await attempt('cs_lead', { action: 'first_reply', reply: '再次答复' }, replied.version)).toMatchObject({
      code: 'validation',
      key: 'ticket_already_replied',
    });
  });
});

describe('whom a complaint is about', () => {
  it('is chosen at intake, shown with the name, and changed afterwards by the manager only', async () => {
    const d = await openTicketDesk();
    const ticket = await newComplaint(d, { about: `staff:${d.idOf('technician')}` });
    expect(ticket.about).toEqual({ kind: 'staff', staffId: d.idOf('technician'), name: '陈师傅' });
    expect(ticket.assignee).toBeNull();

    const intake = {
      type: 'complaint' as const,
      customerId: ticket.customerId,
      channel: 'in_store' as const,
      category: 'service_attitude' as const,
      whatHappened: '上门安装师傅态度恶劣',
      customerWants: '道歉',
    };
    // The counter corrects the details but may not move the complaint to someone else.
    expect(
      await d.refused('counter', 'tickets.update', {
        id: ticket.id,
        version: ticket.version,
        intake: { ...intake, about: 'department:delivery' },
      }),
    ).toMatchObject({ code: 'permission_denied', key: 'complaint_about_manager_only', field: 'intake.about' });
    const corrected = await d.ok('counter', 'tickets.update', {
      id: ticket.id,
      version: ticket.version,
      intake: { ...intake, about: `staff:${d.idOf('technician')}`, customerWants: '书面道歉' },
    });
    const moved = await d.ok('manager', 'tickets.update', {
      id: ticket.id,
      version: corrected.version,
      intake: { ...intake, about: 'department:delivery', customerWants: '书面道歉' },
    });
    expect(moved.about).toEqual({ kind: 'department', department: 'delivery' });
    // Synced like the rest of the form: one key, one value.
    expect(
      changeLog(d.file)
        .filter((c) => c.entity === 'ticket')
        .at(-1)?.fields,
    ).toMatchObject({
      'form.about': 'department:delivery',
    });
  });

  it('refuses what is not a person of this store, a known department or nobody, naming the field', async () => {
    const d = await openTicketDesk();
    const tickets = count(d.file, 'ticket');
    for (const about of ['department:canteen', 'staff:李娜', 'staff:00000000-0000-4000-8000-000000000000', '']) {
      expect(await d.refused('counter', 'tickets.create', await complaintWith(d, about))).toMatchObject({
        code: 'validation',
        key: 'complaint_about_invalid',
        field: 'about',
      });
    }
    expect(count(d.file, 'ticket')).toBe(tickets);
  });
});

async function complaintWith(d: TicketDesk, about: string) {
  const customer = await d.customer('钱先生');
  return {
    type: 'complaint' as const,
    customerId: customer.id,
    channel: 'phone' as const,
    category: 'service_attitude' as const,
    whatHappened: '店员态度差',
    customerWants: '道歉',
    about,
  };
}
