/**
 * The repair board and the pages each role starts on: the board's order and load, the week
 * calendar, a technician's own "my jobs today" (scope, addresses, overdue first, parts waiting),
 * who may read whose day, and the manager's figures in the store's days and weeks.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../db/api';
import { BOARD_JOB_LIMIT } from '../../db/tickets/board';
import { MY_JOBS_LIMIT } from '../../db/tickets/my-jobs';
import { openPartsDesk, openRepairTicket, stockUp } from '../support/parts-desk';
import { act, newRepair, openTicketDesk, sh, VISIT_ADDRESS, type TicketDesk } from './tickets-fixture';

const ids = (items: ReadonlyArray<{ id: string }>): string[] => items.map((i) => i.id);
const iso = (local: string): string => new Date(sh(local)).toISOString();

describe('the repair board', () => {
  it('keeps an Urgent job above Normal ones after it is scheduled, then orders by the nearest deadline', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const normal = await newRepair(d, 'in_store');
    d.advance(1);
    const urgent = await newRepair(d, 'on_site', { priority: 'urgent' });
    d.advance(1);
    const high = await newRepair(d, 'in_store', { priority: 'high' });
    d.advance(1);
    const normalLater = await newRepair(d, 'in_store');
    expect(ids((await d.ok('repair_lead', 'tickets.board', {})).jobs)).toEqual([
      urgent.id,
      high.id,
      normal.id,
      normalLater.id,
    ]);
    // Scheduling answers the urgent job's short reply clock; only its 6-hour resolve clock is left,
    // due later than the normal jobs' 15-minute replies. It still leads.
    await act(d, 'repair_lead', urgent, { action: 'schedule', technicianId: d.idOf('technician2') });
    const board = await d.ok('repair_lead', 'tickets.board', {});
    expect(ids(board.jobs)).toEqual([urgent.id, high.id, normal.id, normalLater.id]);
    expect(board.jobs[0]!.sla.dueAt! > board.jobs[2]!.sla.dueAt!).toBe(true);
    expect(board.total).toBe(4);
  });

  it('shows each technician’s load: open jobs, today’s jobs and hours booked; 0 for one with none', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const visit = await newRepair(d, 'on_site');
    const bench = await newRepair(d, 'in_store');
    const tomorrow = await newRepair(d, 'in_store');
    const booked = await act(d, 'repair_lead', visit, { action: 'schedule', technicianId: d.idOf('technician2') });
    await act(d, 'technician2', booked, { action: 'contact_customer', appointmentAt: iso('2026-11-23 14:00') });
    await act(d, 'repair_lead', bench, {
      action: 'schedule',
      technicianId: d.idOf('technician2'),
      plannedDate: '2026-11-23',
    });
    await act(d, 'repair_lead', tomorrow, {
      action: 'schedule',
      technicianId: d.idOf('technician2'),
      plannedDate: '2026-11-24',
    });
    const expected = [
      { id: d.idOf('technician2'), name: '王师傅', role: 'technician', open: 3, today: 2, hoursBooked: 3 },
      { id: d.idOf('technician'), name: '陈师傅', role: 'technician', open: 0, today: 0, hoursBooked: 0 },
      { id: d.idOf('repair_lead'), name: '刘强', role: 'repair_lead', open: 0, today: 0, hoursBooked: 0 },
    ];
    expect((await d.ok('repair_lead', 'tickets.board', {})).technicians).toEqual(expected);
    expect(await d.ok('counter', 'tickets.technicianLoad', {})).toEqual(expected);
    // The next day, yesterday's appointment no longer counts as today's.
    d.setTime(sh('2026-11-24 09:00'));
    expect((await d.ok('repair_lead', 'tickets.technicianLoad', {}))[0]).toMatchObject({ today: 1, hoursBooked: 1 });
  });

  it('puts a week’s appointments and planned jobs on the calendar, Monday to Sunday in the store’s zone', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const monday = await newRepair(d, 'on_site');
    const sunday = await newRepair(d, 'on_site');
    const nextWeek = await newRepair(d, 'in_store');
    const mine = await act(d, 'repair_lead', monday, { action: 'schedule', technicianId: d.idOf('technician') });
    await act(d, 'technician', mine, { action: 'contact_customer', appointmentAt: iso('2026-11-23 16:00') });
    const late = await act(d, 'repair_lead', sunday, { action: 'schedule', technicianId: d.idOf('technician') });
    // 23:30 on Sunday in Shanghai is 15:30 UTC, still this week there.
    await act(d, 'technician', late, {
      action: 'contact_customer',
      appointmentAt: '2026-11-29T23:30:00+08:00',
    });
    await act(d, 'repair_lead', nextWeek, {
      action: 'schedule',
      technicianId: d.idOf('technician2'),
      plannedDate: '2026-11-30',
    });
    const week = await d.ok('repair_lead', 'tickets.boardWeek', { date: '2026-11-26' });
    expect(week.from).toBe('2026-11-23');
    expect(week.days).toHaveLength(7);
    expect(week.jobs.map((j) => [j.id, j.day, j.time])).toEqual([
      [monday.id, '2026-11-23', '16:00'],
      [sunday.id, '2026-11-29', '23:30'],
    ]);
    const following = await d.ok('repair_lead', 'tickets.boardWeek', { date: '2026-11-30' });
    expect(following.jobs.map((j) => [j.id, j.day, j.time])).toEqual([[nextWeek.id, '2026-11-30', null]]);
  });

  it('answers 200 open jobs in one bounded read, and a technician’s own list stops at its bound', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const customer = await d.customer('批量顾客');
    for (let i = 0; i < 200; i += 1) {
      const ticket = await d.ok('counter', 'tickets.create', {
        type: 'repair',
        customerId: customer.id,
        location: 'in_store',
        fault: `故障 ${i}`,
        condition: '完好',
      });
      if (i % 2 === 0)
        await act(d, 'repair_lead', ticket, {
          action: 'schedule',
          technicianId: d.idOf('technician'),
          plannedDate: '2026-11-23',
        });
    }
    const board = await d.ok('repair_lead', 'tickets.board', {});
    expect(board.total).toBe(200);
    expect(board.jobs.length).toBe(Math.min(200, BOARD_JOB_LIMIT));
    expect(board.technicians[0]).toMatchObject({ name: '王师傅', open: 0 });
    expect(board.technicians[1]).toMatchObject({ name: '陈师傅', open: 100, today: 100 });
    const mine = await d.ok('technician', 'tickets.myJobs', {});
    expect(mine.jobs).toHaveLength(Math.min(100, MY_JOBS_LIMIT));
  });
});

describe('my jobs today', () => {
  it('lists only the signed-in technician’s jobs: overdue first, then by time, with their own visits’ addresses', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const visit = await newRepair(d, 'on_site');
    const bench = await newRepair(d, 'in_store');
    const early = await newRepair(d, 'on_site');
    const others = await newRepair(d, 'on_site');
    const overdue = await newRepair(d, 'in_store');
    const later = await newRepair(d, 'in_store');
    const undated = await newRepair(d, 'in_store');

    const v = await act(d, 'repair_lead', visit, { action: 'schedule', technicianId: d.idOf('technician') });
    await act(d, 'technician', v, { action: 'contact_customer', appointmentAt: iso('2026-11-24 15:00') });
    const e = await act(d, 'repair_lead', early, { action: 'schedule', technicianId: d.idOf('technician') });
    await act(d, 'technician', e, { action: 'contact_customer', appointmentAt: iso('2026-11-24 10:00') });
    await act(d, 'repair_lead', bench, {
      action: 'schedule',
      technicianId: d.idOf('technician'),
      plannedDate: '2026-11-24',
    });
    await act(d, 'repair_lead', overdue, {
      action: 'schedule',
      technicianId: d.idOf('technician'),
      plannedDate: '2026-11-23',
    });
    await act(d, 'repair_lead', later, {
      action: 'schedule',
      technicianId: d.idOf('technician'),
      plannedDate: '2026-11-26',
    });
    await act(d, 'repair_lead', undated, { action: 'schedule', technicianId: d.idOf('technician') });
    let o = await act(d, 'repair_lead', others, { action: 'schedule', technicianId: d.idOf('technician2') });
    o = await act(d, 'technician2', o, { action: 'contact_customer', appointmentAt: iso('2026-11-24 11:00') });

    d.setTime(sh('2026-11-24 08:30'));
    const mine = await d.ok('technician', 'tickets.myJobs', {});
    expect(mine.today).toBe('2026-11-24');
    // Yesterday's planned job first; then 10:00, 15:00; the jobs without a time last (planned for
    // today, or for no day: done when free). Not Thursday's job, not the other technician's visit.
    expect(ids(mine.jobs)).toEqual([overdue.id, early.id, visit.id, bench.id, undated.id]);
    expect(mine.jobs.map((j) => [j.overdue, j.time])).toEqual([
      [true, null],
      [false, '10:00'],
      [false, '15:00'],
      [false, null],
      [false, null],
    ]);
    expect(mine.jobs[1]!.address).toBe(VISIT_ADDRESS);
    expect(mine.jobs[3]!.address).toBeNull();
    // Those two by number: the bench job was taken first.
    expect(mine.jobs.slice(3).map((j) => j.plannedDate)).toEqual(['2026-11-24', null]);
    const theirs = await d.ok('technician2', 'tickets.myJobs', {});
    expect(ids(theirs.jobs)).toEqual([o.id]);
    expect(theirs.jobs[0]!.address).toBe(VISIT_ADDRESS);
    expect(mine.partsWaiting).toEqual([]);
  });

  it('leaves out another store’s jobs, even one assigned to the same technician', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const here = await newRepair(d, 'in_store');
    const there = await newRepair(d, 'on_site');
    for (const ticket of [here, there])
      await act(d, 'repair_lead', ticket, { action: 'schedule', technicianId: d.idOf('technician') });
    expect(ids((await d.ok('technician', 'tickets.myJobs', {})).jobs).sort()).toEqual([here.id, there.id].sort());

    // A ticket of another store in this PC's file (as sync brings a customer's history): same
    // technician id, still open and undated, so only the store tells it apart.
    const raw = new Database(d.file);
    try {
      raw.prepare('UPDATE ticket SET store_id = ? WHERE id = ?').run('another-store', there.id);
    } finally {
      raw.close();
    }
    const mine = await d.ok('technician', 'tickets.myJobs', {});
    expect(ids(mine.jobs)).toEqual([here.id]);
    expect(mine.jobs[0]!.address).toBeNull();
  });

  it('is refused to roles that do not repair, and a technician cannot read another technician’s day', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    expect(await d.ok('technician', 'tickets.myJobs', {})).toEqual({ today: '2026-11-23', jobs: [], partsWaiting: [] });
    expect(await d.refused('counter', 'tickets.myJobs', {})).toMatchObject({ code: 'permission_denied' });
    expect(await d.refused('repair_lead', 'tickets.myJobs', {})).toMatchObject({ code: 'permission_denied' });
    const other = { technicianId: d.idOf('technician2'), date: '2026-11-23' };
    expect(await d.refused('technician', 'tickets.technicianDay', other)).toMatchObject({
      code: 'permission_denied',
    });
    expect(await d.refused('counter', 'tickets.technicianDay', other)).toMatchObject({ code: 'permission_denied' });
    expect(await d.ok('technician2', 'tickets.technicianDay', other)).toEqual({ date: '2026-11-23', jobs: [] });
    expect(await d.ok('repair_lead', 'tickets.technicianDay', other)).toEqual({ date: '2026-11-23', jobs: [] });
    expect(await d.ok('manager', 'tickets.technicianDay', other)).toEqual({ date: '2026-11-23', jobs: [] });
  });

  it('shows the parts requested or approved for their open jobs until they are issued', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const technician = (await d.ok('session.status', {}, d.as.technician)).staff!.id;
    const detail = await d.ok('tickets.get', { id: ticket.id });
    await d.ok('tickets.act', {
      ticketId: ticket.id,
      version: detail.version,
      step: { action: 'schedule', technicianId: technician },
    });
    const requested = await d.ok(
      'parts.requisitionCreate',
      { ticketId: ticket.id, note: '', lines: [{ partId: d.partId('WM-PUMP-01'), qty: 1 }] },
      d.as.technician,
    );
    expect((await d.ok('tickets.myJobs', {}, d.as.technician)).partsWaiting).toEqual([
      {
        id: requested.id,
        number: requested.number,
        status: 'requested',
        requestedAt: requested.requestedAt,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        lines: 1,
      },
    ]);
    await d.ok('parts.requisitionApprove', { requisitionId: requested.id }, d.as.lead);
    expect((await d.ok('tickets.myJobs', {}, d.as.technician)).partsWaiting).toMatchObject([{ status: 'approved' }]);
    await d.ok(
      'parts.requisitionIssue',
      { requisitionId: requested.id, lines: [{ lineId: requested.lines[0]!.id, qty: 1 }] },
      d.as.clerk,
    );
    expect((await d.ok('tickets.myJobs', {}, d.as.technician)).partsWaiting).toEqual([]);
  });
});

describe('today’s figures', () => {
  async function complaintInFollowUp(d: TicketDesk, text: string): Promise<TicketDetail> {
    const customer = await d.customer(`顾客${text}`);
    let t = await d.ok('counter', 'tickets.create', {
      type: 'complaint',
      customerId: customer.id,
      channel: 'phone',
      category: 'delivery',
      whatHappened: text,
      customerWants: '处理',
    });
    t = await act(d, 'cs_lead', t, { action: 'assign', assigneeId: d.idOf('counter') });
    t = await act(d, 'counter', t, { action: 'start_investigation' });
    t = await act(d, 'counter', t, { action: 'propose_solution', findings: '查明', solution: '补偿' });
    return act(d, 'counter', t, { action: 'inform_customer' });
  }

  it('counts open, breached, due today and this week’s ratings, with the store’s day and week', async () => {
    const d = await openTicketDesk(sh('2026-11-27 09:00'));
    const a = await complaintInFollowUp(d, '甲');
    const b = await complaintInFollowUp(d, '乙');
    const c = await complaintInFollowUp(d, '丙');
    // A repair nobody scheduled: its 15-minute reply clock ran out on Friday.
    await newRepair(d, 'in_store');
    // Friday: a rated 5 (closes). Sunday 23:30 local (15:30 UTC): b rated 4. Monday 00:30 local
    // (Sunday 16:30 UTC, the next week there): c rated 1.
    d.setTime(sh('2026-11-27 10:00'));
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: a.id,
      version: (await d.ok('counter', 'tickets.get', { id: a.id })).version,
      reached: true,
      rating: 5,
      problemSolved: true,
    });
    d.setTime(sh('2026-11-29 23:30'));
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: b.id,
      version: (await d.ok('counter', 'tickets.get', { id: b.id })).version,
      reached: true,
      rating: 4,
      problemSolved: true,
    });
    // Sunday 23:50 in Shanghai: the week from Monday the 23rd holds a and b.
    d.setTime(sh('2026-11-29 23:50'));
    expect((await d.ok('manager', 'tickets.today', {})).satisfaction).toEqual({
      weekFrom: '2026-11-23',
      weekTo: '2026-11-29',
      ratings: 2,
      average: 4.5,
      low: 0,
    });
    d.setTime(sh('2026-11-30 00:30'));
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: c.id,
      version: (await d.ok('counter', 'tickets.get', { id: c.id })).version,
      reached: true,
      rating: 1,
      problemSolved: false,
    });

    // Monday 09:00: one new complaint, its reply due at 09:15 today.
    d.setTime(sh('2026-11-30 09:00'));
    const fresh = await d.customer('新顾客');
    await d.ok('counter', 'tickets.create', {
      type: 'complaint',
      customerId: fresh.id,
      channel: 'phone',
      category: 'delivery',
      whatHappened: '新投诉',
      customerWants: '处理',
    });
    d.setTime(sh('2026-11-30 09:10'));
    const figures = await d.ok('manager', 'tickets.today', {});
    const queue = async (name: 'open' | 'breached' | 'due_today' | 'for_manager') =>
      (await d.ok('manager', 'tickets.queue', { queue: name })).total;
    expect(figures).toMatchObject({
      today: '2026-11-30',
      open: await queue('open'),
      breached: await queue('breached'),
      dueToday: await queue('due_today'),
      forManager: await queue('for_manager'),
      satisfaction: { weekFrom: '2026-11-30', weekTo: '2026-12-06', ratings: 1, average: 1, low: 1 },
    });
    // a and b resolved (open until archived), c reopened to the manager, the repair, the new complaint.
    expect([figures.open, figures.breached, figures.dueToday]).toEqual([5, 1, 1]);
    // c, rated 1, went back to the manager.
    expect(figures.forManager).toBe(1);

    expect(await d.refused('counter', 'tickets.today', {})).toMatchObject({ code: 'permission_denied' });
    expect(await d.refused('technician', 'tickets.today', {})).toMatchObject({ code: 'permission_denied' });
  });
});
