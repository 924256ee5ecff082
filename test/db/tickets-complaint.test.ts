/**
 * Complaint (投诉, docs/DOMAIN.md §3): record and classify → assign → investigate → solution → tell the
 * customer → satisfaction survey → archive; not satisfied goes back to the manager and round
 * again. Each step by a role allowed to take it, each recorded as an event; refused steps change nothing.
 */
import { describe, expect, it } from 'vitest';
import { changeLog, count } from '../support/inspect';
import { act, newComplaint, openTicketDesk } from './tickets-fixture';

describe('a complaint', () => {
  it('goes round: assign, investigate, solution, customer informed, a low rating reopens, the manager resolves, archived', async () => {
    const d = await openTicketDesk();
    let ticket = await newComplaint(d);
    expect(ticket.number).toBe('S012-2-20261123-0001');
    expect(ticket.status).toBe('recorded');
    // Counter staff may escalate it or give the customer a first reply; assigning is the lead's.
    expect(ticket.allowedSteps).toEqual(['escalate', 'first_reply']);

    const lead = await d.ok('cs_lead', 'tickets.get', { id: ticket.id });
    expect(lead.allowedSteps).toContain('assign');
    ticket = await act(d, 'cs_lead', lead, { action: 'assign', assigneeId: d.idOf('counter'), note: '李娜负责跟进' });
    expect(ticket.status).toBe('assigned');
    expect(ticket.assignee?.name).toBe('李娜');

    // The assignee works the ticket whatever her role.
    ticket = await act(d, 'counter', ticket, { action: 'start_investigation', note: '已致电顾客了解情况' });
    ticket = await act(d, 'counter', ticket, {
      action: 'propose_solution',
      findings: '安装师傅迟到两小时，语气不当',
      solution: '书面道歉，免费延保一年，明日上午重新安装',
    });
    expect(ticket.status).toBe('solution_proposed');
    ticket = await act(d, 'counter', ticket, { action: 'inform_customer', customerView: '顾客接受' });
    expect(ticket.status).toBe('follow_up');
    // Three working days after Monday: Thursday.
    expect(ticket.followUpDue).toBe('2026-11-26');

    // The satisfaction survey: rated 2, back to the manager.
    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 2,
      problemSolved: true,
      comments: '态度仍不满意',
    });
    expect(ticket.status).toBe('reopened');
    expect(ticket.followUpDue).toBeNull();
    // Back to the store's one after-sales manager, not to 李娜 whose solution it was.
    expect(ticket.assignee?.name).toBe('周经理');
    expect(ticket.timeline.at(-1)).toMatchObject({
      action: 'follow_up_reopen',
      staffName: '李娜',
      data: { rating: 2, reached: true },
    });

    // Only the manager moves a reopened complaint.
    const byLead = await d.refused('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'resolve', result: 'x' },
    });
    expect(byLead).toMatchObject({ code: 'permission_denied', key: 'ticket_role_not_allowed' });
    ticket = await act(d, 'manager', ticket, {
      action: 'resolve',
      result: '经理亲自致歉，赠送清洗服务一次，顾客表示满意',
    });
    expect(ticket.status).toBe('resolved');
    ticket = await act(d, 'cs_lead', ticket, { action: 'archive' });
    expect(ticket.status).toBe('archived');
    expect(ticket.allowedSteps).toEqual([]);

    expect(ticket.timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'recorded'],
      ['assign', 'recorded', 'assigned'],
      ['start_investigation', 'assigned', 'investigating'],
      ['propose_solution', 'investigating', 'solution_proposed'],
      ['inform_customer', 'solution_proposed', 'follow_up'],
      ['follow_up_reopen', 'follow_up', 'reopened'],
      ['resolve', 'reopened', 'resolved'],
      ['archive', 'resolved', 'archived'],
    ]);
    expect(ticket.timeline.map((e) => e.staffName)).toEqual([
      '李娜',
      '张敏',
      '李娜',
      '李娜',
      '李娜',
      '李娜',
      '周经理',
      '张敏',
    ]);
  });

  it('goes round again with a new responsible person when the customer disagrees with the solution', async () => {
    const d = await openTicketDesk();
    let ticket = await newComplaint(d);
    ticket = await act(d, 'cs_lead', ticket, { action: 'assign', assigneeId: d.idOf('counter') });
    ticket = await act(d, 'counter', ticket, { action: 'start_investigation' });
    ticket = await act(d, 'counter', ticket, { action: 'propose_solution', findings: '属实', solution: '赠送优惠券' });
    ticket = await act(d, 'counter', ticket, { action: 'customer_disagrees', customerView: '不要优惠券，要求赔偿' });
    expect(ticket.status).toBe('reopened');
    ticket = await act(d, 'manager', ticket, {
      action: 'assign',
      assigneeId: d.idOf('cs_lead'),
      note: '由组长重新处理',
    });
    expect(ticket).toMatchObject({ status: 'assigned', assignee: { name: '张敏' } });
    ticket = await act(d, 'cs_lead', ticket, { action: 'start_investigation' });
    ticket = await act(d, 'cs_lead', ticket, {
      action: 'propose_solution',
      findings: '属实',
      solution: '退还安装费 200 元',
    });
    ticket = await act(d, 'cs_lead', ticket, { action: 'inform_customer' });
    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 5,
      problemSolved: true,
      productWorks: 'works_well',
    });
    expect(ticket.status).toBe('resolved');
  });

  it('refuses steps the workflow does not allow, or the role may not take, and changes nothing', async () => {
    const d = await openTicketDesk();
    const ticket = await newComplaint(d);
    const before = { events: count(d.file, 'ticket_event'), changes: changeLog(d.file).length };

    // Out of order: no solution before an investigation.
    expect(
      await d.refused('cs_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'propose_solution', findings: 'a', solution: 'b' },
      }),
    ).toMatchObject({
      code: 'validation',
      key: 'ticket_step_invalid',
    });
    // Counter staff cannot assign; technicians cannot either.
    expect(
      await d.refused('counter', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'assign', assigneeId: d.idOf('counter') },
      }),
    ).toMatchObject({
      code: 'permission_denied',
      key: 'ticket_role_not_allowed',
    });
    // A parts clerk may read tickets but not work them at all.
    expect(
      await d.refused('parts_clerk', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'escalate', reason: 'x' },
      }),
    ).toMatchObject({ code: 'permission_denied' });
    // A step of another type's workflow.
    expect(
      await d.refused('admin', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'verify', findings: 'x' },
      }),
    ).toMatchObject({ key: 'ticket_step_invalid' });
    // Missing required data names the field.
    expect(
      await d.refused('cs_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'reassign', assigneeId: d.idOf('counter'), reason: ' ' },
      }),
    ).toMatchObject({
      code: 'validation',
      field: 'step.reason',
    });
    // Assigning to someone who does not work tickets.
    expect(
      await d.refused('cs_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'assign', assigneeId: d.idOf('parts_clerk') },
      }),
    ).toMatchObject({
      key: 'ticket_assignee_invalid',
      field: 'step.assigneeId',
    });

    expect(count(d.file, 'ticket_event')).toBe(before.events);
    expect(changeLog(d.file)).toHaveLength(before.changes);
    expect((await d.ok('admin', 'tickets.get', { id: ticket.id })).status).toBe('recorded');
  });

  it('refuses a stale step: someone else moved the ticket since it was opened', async () => {
    const d = await openTicketDesk();
    const seen = await newComplaint(d);
    await act(d, 'cs_lead', seen, { action: 'assign', assigneeId: d.idOf('counter') });
    const stale = await d.refused('manager', 'tickets.act', {
      ticketId: seen.id,
      version: seen.version,
      step: { action: 'assign', assigneeId: d.idOf('cs_lead') },
    });
    expect(stale).toMatchObject({ code: 'conflict', key: 'ticket_stale' });
    const now = await d.ok('manager', 'tickets.get', { id: seen.id });
    expect(now.assignee?.name).toBe('李娜');
    // A note never conflicts: it changes no state.
    const noted = await d.ok('counter', 'tickets.note', { ticketId: seen.id, note: '顾客来电催促' });
    expect(noted.version).toBe(now.version);
  });

  it('escalates a serious complaint to the after-sales manager at intake, and a reassignment needs a reason', async () => {
    const d = await openTicketDesk();
    let ticket = await newComplaint(d, { serious: true });
    expect(ticket.escalated).toBe(true);
    expect(ticket.timeline.map((e) => e.action)).toEqual(['create', 'escalate']);
    expect(ticket.allowedSteps).not.toContain('escalate');
    const escalated = await d.ok('manager', 'tickets.queue', { queue: 'escalated' });
    expect(escalated.items.map((i) => i.id)).toEqual([ticket.id]);

    ticket = await act(d, 'manager', ticket, { action: 'assign', assigneeId: d.idOf('counter') });
    ticket = await act(d, 'manager', ticket, {
      action: 'reassign',
      assigneeId: d.idOf('cs_lead'),
      reason: '李娜休假',
    });
    expect(ticket.assignee?.name).toBe('张敏');
    expect(ticket.timeline.at(-1)).toMatchObject({ action: 'reassign', data: { reason: '李娜休假' } });
  });
});
