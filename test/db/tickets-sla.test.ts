/**
 * SLA clocks (docs/DOMAIN.md §8): reply within 15 minutes, handle within 24 hours, counted in the
 * store's opening hours (09:00–21:00 Mon–Sat, Asia/Shanghai) and working days, with holidays and
 * make-up days, paused while waiting, tighter for VIPs and urgent tickets, and never reset by the
 * PC clock.
 */
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

async function afterSales(
  d: TicketDesk,
  tier: 'regular' | 'vip' = 'regular',
  priority: 'normal' | 'urgent' = 'normal',
  purchaseDate = '2026-09-01',
): Promise<TicketDetail> {
  const customer = await d.customer('陈先生', tier);
  return d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: customer.id,
    priority,
    channel: 'phone',
    receiptNo: 'R-88231',
    purchaseDate,
    model: 'BCD-470WDPG',
    fault: '冰箱冷藏室不制冷',
  });
}

const act = (d: TicketDesk, ticket: TicketDetail, step: StepInput) =>
  d.ok('admin', 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });

describe('SLA targets', () => {
  it('are type × priority × tier, seeded with the regulation’s 15 minutes / 24 hours, tighter for urgent tickets, gold and VIP', async () => {
    const d = await openTicketDesk();
    const targets = await d.ok('counter', 'tickets.slaTargets', {});
    expect(targets).toHaveLength(5 * 3 * 4);
    const of = (ticketType: string, priority: string, tier: string) =>
      targets.find((t) => t.ticketType === ticketType && t.priority === priority && t.tier === tier);
    expect(of('complaint', 'normal', 'regular')).toMatchObject({ replyMinutes: 15, resolveMinutes: 1440 });
    expect(of('complaint', 'normal', 'silver')).toMatchObject({ replyMinutes: 15, resolveMinutes: 1440 });
    expect(of('complaint', 'urgent', 'regular')).toMatchObject({ replyMinutes: 5, resolveMinutes: 360 });
    expect(of('repair', 'normal', 'gold')).toMatchObject({ replyMinutes: 10, resolveMinutes: 960 });
    expect(of('repair', 'normal', 'vip')).toMatchObject({ replyMinutes: 10, resolveMinutes: 720 });
    expect(of('repair', 'high', 'vip')).toMatchObject({ replyMinutes: 10, resolveMinutes: 360 });
    expect(of('feedback', 'normal', 'vip')).toMatchObject({ replyMinutes: 1440, resolveMinutes: 4320 });
    // The regulation's "24 hours" is calendar time; a target that is not whole days counts the
    // store's working hours.
    expect(of('complaint', 'normal', 'regular')?.counts).toBe('calendar');
    expect(of('feedback', 'normal', 'vip')?.counts).toBe('calendar');
    expect(of('complaint', 'urgent', 'regular')?.counts).toBe('working');
    expect(of('repair', 'normal', 'gold')?.counts).toBe('working');
  });

  it('are taken from the customer’s tier at intake', async () => {
    const d = await openTicketDesk();
    const vip = await afterSales(d, 'vip');
    expect(vip.clocks.respond.targetMinutes).toBe(10);
    expect(vip.clocks.resolve.targetMinutes).toBe(720);
    const urgent = await afterSales(d, 'regular', 'urgent');
    expect(urgent.clocks.respond.targetMinutes).toBe(5);
  });
});

describe('an SLA clock', () => {
  it('runs in opening hours across a night and a weekend, and breaches when the time is used up', async () => {
    // Taken on Saturday 28 Nov at 20:00: one hour left that evening, Sunday closed.
    const d = await openTicketDesk(sh('2026-11-28 20:00'));
    await d.countWorkingHours();
    let ticket = await afterSales(d);
    expect(ticket.sla).toMatchObject({
      clock: 'respond',
      level: 'ok',
      dueAt: new Date(sh('2026-11-28 20:15')).toISOString(),
    });
    ticket = await act(d, ticket, { action: 'verify', findings: '发票与型号一致，故障属实' });
    expect(ticket.clocks.respond).toMatchObject({ state: 'stopped', breachedAt: null });
    // 24 working hours from Sat 20:00: 1 h Saturday, 12 h Monday, 11 h Tuesday → Tue 20:00.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-12-01 20:00')).toISOString());

    d.setTime(sh('2026-11-30 10:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.clocks.resolve.elapsedMinutes).toBe(60 + 60);
    expect(ticket.sla).toMatchObject({ clock: 'resolve', level: 'ok', remainingMinutes: 22 * 60 });

    d.setTime(sh('2026-12-01 18:00'));
    expect((await d.ok('admin', 'tickets.get', { id: ticket.id })).sla).toMatchObject({
      level: 'near',
      remainingMinutes: 120,
    });
    d.setTime(sh('2026-12-01 20:30'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.sla).toMatchObject({ level: 'breached', remainingMinutes: -30, resolveBreached: true });
    expect(ticket.clocks.resolve.breachedAt).toBe(new Date(sh('2026-12-01 20:00')).toISOString());
  });

  it('skips a holiday and counts a make-up working day', async () => {
    const d = await openTicketDesk(sh('2026-09-30 15:00'));
    await d.countWorkingHours();
    for (const day of ['01', '02', '03', '04', '05', '06', '07'])
      await d.ok('admin', 'tickets.saveHoliday', { date: `2026-10-${day}`, kind: 'closed', name: '国庆节' });
    await d.ok('admin', 'tickets.saveHoliday', { date: '2026-10-11', kind: 'workday', name: '国庆调休' });
    const ticket = await afterSales(d);
    // 6 h on Wed 30 Sep, holiday week closed, 12 h Thu 8, then 6 h on Fri 9 → 15:00.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-09 15:00')).toISOString());

    // Moving the deadline past the weekend: Sunday 11 Oct is a make-up working day.
    d.setTime(sh('2026-10-10 20:00'));
    const late = await afterSales(d);
    // 1 h Saturday evening, 12 h on the make-up Sunday, 11 h Monday → Mon 12 Oct 20:00.
    expect(late.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-12 20:00')).toISOString());
  });

  it('pauses while the ticket waits for parts, and carries on where it stopped', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    await d.countWorkingHours();
    let ticket = await afterSales(d);
    ticket = await act(d, ticket, { action: 'verify', findings: '属实' });
    ticket = await act(d, ticket, { action: 'decide_plan', plan: 'repair', details: '更换压缩机' });
    ticket = await act(d, ticket, { action: 'customer_confirms' });
    ticket = await act(d, ticket, { action: 'start_work' });
    d.setTime(sh('2026-11-23 13:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    ticket = await act(d, ticket, { action: 'wait_parts', note: '压缩机缺货，已申领' });
    expect(ticket).toMatchObject({ pausedFor: 'parts', sla: { level: 'paused', dueAt: null } });
    expect(ticket.clocks.resolve).toMatchObject({ state: 'paused', elapsedMinutes: 240 });
    const waiting = await d.ok('admin', 'tickets.queue', { queue: 'waiting_parts' });
    expect(waiting.items.map((i) => i.id)).toEqual([ticket.id]);

    // Three days later the parts arrive: the clock had 240 of 1440 minutes used, 1200 left.
    d.setTime(sh('2026-11-26 10:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.clocks.resolve.elapsedMinutes).toBe(240);
    ticket = await act(d, ticket, { action: 'resume', note: '配件到货' });
    // 1200 minutes from Thu 10:00: 11 h Thursday, 9 h Friday → Fri 18:00.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-27 18:00')).toISOString());
  });

  it('is not reset by setting the PC clock back', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    await d.countWorkingHours();
    let ticket = await afterSales(d);
    d.setTime(sh('2026-11-23 11:00'));
    ticket = await act(d, ticket, { action: 'verify', findings: '属实' });
    d.setTime(sh('2026-11-23 15:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.clocks.resolve.elapsedMinutes).toBe(360);
    // 24 working hours from Monday 09:00: all of Monday and Tuesday.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-24 21:00')).toISOString());

    // Someone sets the PC back a day: the clock does not get its six hours back.
    d.setTime(sh('2026-11-22 15:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.clocks.resolve.elapsedMinutes).toBe(360);
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-24 21:00')).toISOString());
    // A step taken now is stamped after the last one, never before it.
    ticket = await act(d, ticket, {
      action: 'decide_plan',
      plan: 'replace',
      details: '换新',
      overrideReason: '超过换货期，经理同意',
    });
    const times = ticket.timeline.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Date.parse(ticket.timeline.at(-1)!.at)).toBeGreaterThanOrEqual(sh('2026-11-23 11:00'));
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-24 21:00')).toISOString());
  });

  it('restarts the resolution clock on reopen where it stopped, and records breaches as events', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    await d.countWorkingHours();
    let ticket = await afterSales(d);
    d.setTime(sh('2026-11-23 10:00'));
    // The first response came 45 minutes late.
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    expect(ticket.sla).toMatchObject({ clock: 'respond', level: 'breached', respondBreached: true });
    const recorded = await d.ok('counter', 'tickets.recordBreaches', {});
    expect(recorded.recorded).toBe(1);
    expect((await d.ok('counter', 'tickets.recordBreaches', {})).recorded).toBe(0);
    ticket = await act(d, ticket, { action: 'verify', findings: '属实' });
    ticket = await act(d, ticket, {
      action: 'decide_plan',
      plan: 'replace',
      details: '换新',
      overrideReason: '超过换货期，经理同意',
    });
    ticket = await act(d, ticket, { action: 'customer_confirms' });
    ticket = await act(d, ticket, { action: 'start_work' });
    d.setTime(sh('2026-11-23 12:00'));
    ticket = await d.ok('admin', 'tickets.get', { id: ticket.id });
    ticket = await act(d, ticket, { action: 'mark_done', result: '已更换新机' });
    expect(ticket.clocks.resolve).toMatchObject({ state: 'stopped', elapsedMinutes: 180 });

    d.setTime(sh('2026-11-26 10:00'));
    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 4,
      problemSolved: false,
      productWorks: 'still_faulty',
    });
    expect(ticket.status).toBe('reopened');
    // 180 minutes were used before it was done; the other 1260 count from the reopen (Thu 10:00):
    // 11 hours on Thursday, 10 on Friday.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-27 19:00')).toISOString());
    const breaches = readTable<{ data: string }>(d.file, "SELECT data FROM ticket_event WHERE action = 'sla_breach'");
    expect(breaches.map((b) => JSON.parse(b.data) as { clock: string; dueAt: string })).toEqual([
      { clock: 'respond', dueAt: new Date(sh('2026-11-23 09:15')).toISOString() },
    ]);
  });
});
