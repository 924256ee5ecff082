/**
 * Complaint analysis and staff performance (docs/DOMAIN.md §3, §8): a week of complaints worked by two
 * people, counted on the store's local dates, with the service star chosen by the stated rule.
 */
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import type { StaffPerformanceRow } from '../../db/api';
import { serviceStar } from '../../db/tickets/service-reports';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

type Complaint = {
  category: 'product_quality' | 'service_attitude' | 'delivery' | 'aftersales' | 'other';
  channel: 'phone' | 'email' | 'in_store' | 'online';
  fridge?: boolean;
  /** Whom it is about (`staff:<id>`, `department:delivery`); nobody by default. */
  about?: string;
};

/** A complaint from a new customer; `fridge`: about the Haier BCD-470 they registered. */
async function take(d: TicketDesk, { fridge, ...c }: Complaint): Promise<TicketDetail> {
  const customer = await d.customer('顾女士');
  const product = fridge
    ? await d.ok('admin', 'customers.addProduct', {
        customerId: customer.id,
        category: 'fridge',
        brand: '海尔',
        model: 'BCD-470',
      })
    : undefined;
  return d.ok('counter', 'tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    ...c,
    productId: product?.id,
    whatHappened: '冰箱门封条开裂',
    customerWants: '更换',
    serious: false,
  });
}

function step(d: TicketDesk, who: Who, ticket: TicketDetail, s: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step: s });
}

/** Assign, investigate, propose, and the customer accepts: `minutes` after taking it, it is resolved. */
async function settle(
  d: TicketDesk,
  ticket: TicketDetail,
  who: 'counter' | 'cs_lead',
  minutes: number,
): Promise<TicketDetail> {
  let t = await step(d, 'cs_lead', ticket, { action: 'assign', assigneeId: d.idOf(who) });
  t = await step(d, who, t, { action: 'start_investigation' });
  t = await step(d, who, t, { action: 'propose_solution', findings: '属实', solution: '更换门封' });
  d.advance(minutes);
  return step(d, who, t, { action: 'inform_customer', customerView: '接受' });
}

function rate(d: TicketDesk, ticket: TicketDetail, rating: number): Promise<TicketDetail> {
  return d.ok('counter', 'tickets.recordFollowUp', {
    ticketId: ticket.id,
    version: ticket.version,
    reached: true,
    rating,
    problemSolved: true,
  });
}

async function aWeekOfComplaints() {
  const d = await openTicketDesk(sh('2026-11-22 23:30'));
  // Sunday night in Shanghai (still Sunday's date): outside a report from Monday.
  await take(d, { category: 'delivery', channel: 'phone' });
  d.setTime(sh('2026-11-23 09:00'));

  // About the technician's manner on a visit; 李娜 at the desk handles it.
  const about = `staff:${d.idOf('technician')}`;
  const a = await settle(d, await take(d, { category: 'service_attitude', channel: 'in_store', about }), 'counter', 60);
  await rate(d, a, 5);
  const b = await settle(
    d,
    await take(d, { category: 'product_quality', channel: 'phone', fridge: true }),
    'counter',
    30,
  );
  const reopened = await rate(d, b, 2);
  d.advance(90);
  await step(d, 'manager', reopened, { action: 'resolve', result: '经理致歉并上门更换' });
  const c = await settle(
    d,
    await take(d, { category: 'product_quality', channel: 'phone', fridge: true }),
    'cs_lead',
    120,
  );
  await rate(d, c, 4);
  d.setTime(sh('2026-11-24 10:00'));
  const e = await settle(d, await take(d, { category: 'product_quality', channel: 'online' }), 'cs_lead', 240);
  await rate(d, e, 4);
  // Escalated at once and still open.
  const f = await take(d, { category: 'other', channel: 'email' });
  await step(d, 'counter', f, { action: 'escalate', reason: '顾客要求经理处理' });
  // Monday 00:30 in Shanghai is still Sunday 29th in UTC: next week's, not this one's.
  d.setTime(sh('2026-11-30 00:30'));
  await take(d, { category: 'delivery', channel: 'phone' });
  return d;
}

describe('complaint analysis', () => {
  it('does not count complaints with no product linked as a recurring product', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    for (let i = 0; i < 3; i++) await take(d, { category: 'delivery', channel: 'phone' });
    await take(d, { category: 'delivery', channel: 'phone', fridge: true });
    await take(d, { category: 'delivery', channel: 'online', fridge: true });
    const week = await d.ok('cs_lead', 'tickets.complaintReport', { from: '2026-11-23', to: '2026-11-29' });
    expect(week.total).toBe(5);
    expect(week.recurring).toEqual([{ product: '海尔 BCD-470', category: 'delivery', count: 2 }]);
  });

  it('counts the week by category, channel and week, finds what recurs and how the complaints ended', async () => {
    const d = await aWeekOfComplaints();
    const week = await d.ok('cs_lead', 'tickets.complaintReport', { from: '2026-11-23', to: '2026-11-29' });
    expect(week.total).toBe(5);
    expect(week.byCategory).toEqual([
      { category: 'product_quality', count: 3, share: 0.6 },
      { category: 'service_attitude', count: 1, share: 0.2 },
      { category: 'other', count: 1, share: 0.2 },
    ]);
    expect(week.byChannel).toEqual([
      { channel: 'phone', count: 2 },
      { channel: 'email', count: 1 },
      { channel: 'in_store', count: 1 },
      { channel: 'online', count: 1 },
    ]);
    expect(week).toMatchObject({ trendUnit: 'week', trend: [{ bucket: '2026-11-23', count: 5 }] });
    expect(week.recurring).toEqual([{ product: '海尔 BCD-470', category: 'product_quality', count: 2 }]);
    // Resolved: a, b (after the manager), c, e; b was reopened by its rating of 2; f escalated.
    expect(week).toMatchObject({ resolved: 4, reopenedLowRating: 1, escalated: 1 });
    // Minutes to the last resolution: a 60, b 30 + 90, c 120, e 240 → median (120 + 120) / 2.
    expect(week.medianResolveMinutes).toBe(120);
    expect(week.ratings).toMatchObject({ count: 4, average: 3.75 });
    expect(week.ratings.byScore.map((s) => s.count)).toEqual([0, 1, 0, 2, 1]);
  });

  it('reads the period on the store’s local dates, month by month for a long period', async () => {
    const d = await aWeekOfComplaints();
    const sunday = await d.ok('manager', 'tickets.complaintReport', { from: '2026-11-22', to: '2026-11-22' });
    expect(sunday).toMatchObject({
      total: 1,
      byCategory: [{ category: 'delivery', count: 1, share: 1 }],
      resolved: 0,
      medianResolveMinutes: null,
    });
    const nextMonday = await d.ok('manager', 'tickets.complaintReport', { from: '2026-11-30', to: '2026-11-30' });
    expect(nextMonday.total).toBe(1);
    const quarter = await d.ok('manager', 'tickets.complaintReport', { from: '2026-10-01', to: '2026-12-31' });
    expect(quarter).toMatchObject({ total: 7, trendUnit: 'month' });
    expect(quarter.trend).toEqual([
      { bucket: '2026-10', count: 0 },
      { bucket: '2026-11', count: 7 },
      { bucket: '2026-12', count: 0 },
    ]);
  });

  it('is for leads and managers: counter staff and technicians are refused', async () => {
    const d = await aWeekOfComplaints();
    const period = { from: '2026-11-23', to: '2026-11-29' };
    expect(await d.refused('counter', 'tickets.complaintReport', period)).toMatchObject({ code: 'permission_denied' });
    expect(await d.refused('technician', 'tickets.staffReport', period)).toMatchObject({ code: 'permission_denied' });
    expect(await d.refused('cs_lead', 'tickets.staffReport', { from: '2026-11-29', to: '2026-11-23' })).toMatchObject({
      code: 'validation',
      key: 'report_range_reversed',
    });
    await expect(d.ok('repair_lead', 'tickets.staffReport', period)).resolves.toBeTruthy();
  });
});

describe('staff performance', () => {
  it('counts each responsible person’s tickets, times and ratings, and names the service star', async () => {
    const d = await aWeekOfComplaints();
    const week = await d.ok('manager', 'tickets.staffReport', { from: '2026-11-23', to: '2026-11-29' });
    // Escalated f has nobody responsible yet; b, rated 2, went back to the manager, who settled it.
    // 陈师傅 handled nothing, but complaint a is about him.
    expect(week.staff.map((s) => s.name)).toEqual(['张敏', '周经理', '李娜', '陈师傅']);
    const row = (who: Who) => week.staff.find((s) => s.staffId === d.idOf(who));
    expect(row('cs_lead')).toMatchObject({
      assigned: 2,
      resolved: 2,
      medianResolveMinutes: 180,
      p90ResolveMinutes: 240,
      ratingCount: 2,
      averageRating: 4,
      lowRatings: 0,
      complaintsAbout: 0,
      attitudeComplaints: 0,
      breaches: 0,
    });
    expect(row('counter')).toMatchObject({
      assigned: 1,
      resolved: 1,
      medianResolveMinutes: 60,
      ratingCount: 1,
      averageRating: 5,
      lowRatings: 0,
      // The service-attitude complaint she handled is not counted against her.
      complaintsAbout: 0,
      attitudeComplaints: 0,
    });
    expect(row('manager')).toMatchObject({ assigned: 1, resolved: 1, ratingCount: 1, lowRatings: 1 });
    expect(row('technician')).toMatchObject({
      assigned: 0,
      resolved: 0,
      ratingCount: 0,
      complaintsAbout: 1,
      attitudeComplaints: 1,
    });
    // Only 张敏 has the two ratings the star needs.
    expect(week.starStaffId).toBe(d.idOf('cs_lead'));
    // On Monday alone nobody has two ratings: no star.
    const monday = await d.ok('manager', 'tickets.staffReport', { from: '2026-11-23', to: '2026-11-23' });
    expect(monday.starStaffId).toBeNull();
  });
});

describe('the service star rule', () => {
  const person = (
    staffId: string,
    averageRating: number | null,
    ratingCount: number,
    resolved: number,
  ): StaffPerformanceRow => ({
    staffId,
    name: staffId,
    assigned: resolved,
    resolved,
    medianResolveMinutes: null,
    p90ResolveMinutes: null,
    ratingCount,
    averageRating,
    lowRatings: 0,
    complaintsAbout: 0,
    attitudeComplaints: 0,
    breaches: 0,
  });

  it('breaks a tie on the average by more resolved, then more ratings; a full tie names nobody', () => {
    expect(serviceStar([person('a', 4.5, 2, 3), person('b', 4.5, 2, 5), person('c', 5, 1, 9)])).toBe('b');
    expect(serviceStar([person('a', 4.5, 4, 5), person('b', 4.5, 2, 5)])).toBe('a');
    expect(serviceStar([person('a', 4.5, 2, 5), person('b', 4.5, 2, 5)])).toBeNull();
    expect(serviceStar([person('a', null, 0, 8)])).toBeNull();
  });
});
