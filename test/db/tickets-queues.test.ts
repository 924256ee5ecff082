/**
 * Work queues: my tickets, unassigned, due soon, breached, waiting, awaiting
 * follow-up, escalated; filters by type, status, category, person, date and text; the counter's
 * "breached and due today"; deadlines follow a change of opening hours or holidays.
 */
import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../db/api';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

async function complaint(d: TicketDesk, category: 'delivery' | 'product_quality', text: string): Promise<TicketDetail> {
  const customer = await d.customer(`顾客${text}`);
  return d.ok('counter', 'tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'phone',
    category,
    whatHappened: text,
    customerWants: '处理',
  });
}

const ids = (items: ReadonlyArray<{ id: string }>): string[] => items.map((i) => i.id);

describe('the work queues', () => {
  it('sort and filter the open tickets', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const late = await complaint(d, 'delivery', '送货晚了');
    d.setTime(sh('2026-11-23 09:05'));
    const broken = await complaint(d, 'product_quality', '电视屏幕坏点');
    const assigned = await d.ok('cs_lead', 'tickets.act', {
      ticketId: broken.id,
      version: broken.version,
      step: { action: 'assign', assigneeId: d.idOf('counter') },
    });

    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'mine' })).items)).toEqual([broken.id]);
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'unassigned' })).items)).toEqual([late.id]);
    const byCategory = await d.ok('counter', 'tickets.queue', { queue: 'open', category: 'product_quality' });
    expect(byCategory).toMatchObject({
      total: 1,
      items: [{ id: broken.id, assignee: { name: '李娜' }, customerName: '顾客电视屏幕坏点' }],
    });
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'open', text: '坏点' })).items)).toEqual([broken.id]);
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'open', text: late.number.slice(-4) })).items)).toEqual(
      [late.id],
    );
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'all', status: 'assigned' })).items)).toEqual([
      assigned.id,
    ]);
    expect(
      ids(
        (await d.ok('counter', 'tickets.queue', { queue: 'open', assigneeId: d.idOf('counter'), type: 'complaint' }))
          .items,
      ),
    ).toEqual([broken.id]);
    expect((await d.ok('counter', 'tickets.queue', { queue: 'open', from: '2026-11-24' })).total).toBe(0);
    expect(
      (await d.ok('counter', 'tickets.queue', { queue: 'open', from: '2026-11-23', to: '2026-11-23' })).total,
    ).toBe(2);

    // 09:13: the unanswered one has 2 of its 15 reply minutes left.
    d.setTime(sh('2026-11-23 09:13'));
    const soon = await d.ok('counter', 'tickets.queue', { queue: 'due_soon' });
    expect(soon.items).toMatchObject([{ id: late.id, sla: { clock: 'respond', level: 'near', remainingMinutes: 2 } }]);
    d.setTime(sh('2026-11-23 09:20'));
    const breached = await d.ok('counter', 'tickets.queue', { queue: 'breached' });
    expect(breached.items).toMatchObject([
      { id: late.id, sla: { level: 'breached', remainingMinutes: -5, respondBreached: true } },
    ]);
    // Soonest deadline first: the breached reply, then the assigned one's resolution.
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'open' })).items)).toEqual([late.id, broken.id]);

    const panel = await d.ok('counter', 'tickets.duePanel', {});
    expect(ids(panel.breached)).toEqual([late.id]);
    expect(panel.dueToday).toEqual([]);
  });

  it('list follow-ups due, and the counter panel shows those due today', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    let ticket = await complaint(d, 'delivery', '送货晚了');
    ticket = await d.ok('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'assign', assigneeId: d.idOf('counter') },
    });
    ticket = await d.ok('counter', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'start_investigation' },
    });
    ticket = await d.ok('counter', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'propose_solution', findings: '物流延误', solution: '赠送礼品卡' },
    });
    ticket = await d.ok('counter', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'inform_customer' },
    });
    expect((await d.ok('counter', 'tickets.followUps', {})).items).toMatchObject([
      { id: ticket.id, followUpDue: '2026-11-26' },
    ]);
    expect(ids((await d.ok('counter', 'tickets.queue', { queue: 'follow_up' })).items)).toEqual([ticket.id]);
    expect((await d.ok('counter', 'tickets.duePanel', {})).dueToday).toEqual([]);
    d.setTime(sh('2026-11-26 09:30'));
    const panel = await d.ok('counter', 'tickets.duePanel', {});
    expect(panel).toMatchObject({ today: '2026-11-26', dueToday: [{ id: ticket.id }] });
  });

  it('recompute deadlines when the store’s hours or holidays change', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    await d.countWorkingHours();
    const ticket = await complaint(d, 'delivery', '送货晚了');
    await d.ok('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'assign', assigneeId: d.idOf('counter') },
    });
    const before = await d.ok('counter', 'tickets.queue', { queue: 'open' });
    expect(before.items[0]!.sla.dueAt).toBe(new Date(sh('2026-11-24 21:00')).toISOString());
    // Tuesday becomes a closed day: the 24 working hours now end on Wednesday.
    await d.ok('admin', 'tickets.saveHoliday', { date: '2026-11-24', kind: 'closed', name: '店庆闭店' });
    const after = await d.ok('counter', 'tickets.queue', { queue: 'open' });
    expect(after.items[0]!.sla.dueAt).toBe(new Date(sh('2026-11-25 21:00')).toISOString());
    // Shorter hours from the store settings move it again.
    const store = await d.ok('admin', 'store.get', {});
    await d.ok('admin', 'store.update', { ...store, workingDays: [...store.workingDays], closesAt: '18:00' });
    const shorter = await d.ok('counter', 'tickets.queue', { queue: 'open' });
    // Mon 9 h, Tue closed, Wed 9 h, Thu 6 h.
    expect(shorter.items[0]!.sla.dueAt).toBe(new Date(sh('2026-11-26 15:00')).toISOString());
  });
});

describe('service settings', () => {
  it('set the follow-up interval and the holiday list; only managers may change them', async () => {
    const d = await openTicketDesk();
    expect(await d.ok('counter', 'tickets.settings', {})).toEqual({
      followUpDays: 3,
      timeZone: 'Asia/Shanghai',
      region: 'CN',
    });
    expect(
      await d.refused('counter', 'tickets.updateSettings', { followUpDays: 5, timeZone: 'Asia/Shanghai' }),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      await d.refused('manager', 'tickets.updateSettings', { followUpDays: 5, timeZone: 'Mars/Olympus' }),
    ).toMatchObject({ key: 'time_zone_invalid', field: 'timeZone' });
    expect(
      await d.refused('manager', 'tickets.updateSettings', { followUpDays: 0, timeZone: 'Asia/Shanghai' }),
    ).toMatchObject({ key: 'follow_up_days_range' });
    expect(await d.ok('manager', 'tickets.updateSettings', { followUpDays: 5, timeZone: 'Asia/Shanghai' })).toEqual({
      followUpDays: 5,
      timeZone: 'Asia/Shanghai',
      region: 'CN',
    });

    await d.ok('manager', 'tickets.saveHoliday', { date: '2027-02-06', kind: 'closed', name: '春节' });
    await d.ok('manager', 'tickets.saveHoliday', { date: '2027-02-14', kind: 'workday', name: '春节调休' });
    const year = await d.ok('manager', 'tickets.saveHoliday', { date: '2027-02-06', kind: 'closed', name: '除夕' });
    expect(year).toEqual([
      { date: '2027-02-06', kind: 'closed', name: '除夕', region: null },
      { date: '2027-02-14', kind: 'workday', name: '春节调休', region: null },
    ]);
    expect(await d.ok('manager', 'tickets.removeHoliday', { date: '2027-02-14' })).toHaveLength(1);
    expect(await d.refused('manager', 'tickets.removeHoliday', { date: '2027-02-14' })).toMatchObject({
      code: 'not_found',
    });
    expect(await d.ok('counter', 'tickets.holidays', { year: 2026 })).toEqual([]);
  });
});
