/**
 * SLA targets as data and the breach report: targets are edited on the Service
 * standards page, open tickets follow the edit, bad rows are refused whole, and recorded breaches
 * count in the report by type, by clock and by the responsible person.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SlaTargetInput, TicketDetail } from '../../db/api';
import { changeLog, readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

async function afterSales(d: TicketDesk, tier: 'regular' | 'vip' = 'regular'): Promise<TicketDetail> {
  const customer = await d.customer('陈先生', tier);
  return d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: customer.id,
    channel: 'phone',
    receiptNo: 'R-88231',
    purchaseDate: '2026-09-01',
    model: 'BCD-470WDPG',
    fault: '冰箱冷藏室不制冷',
  });
}

async function complaint(d: TicketDesk): Promise<TicketDetail> {
  const customer = await d.customer('顾女士');
  return d.ok('counter', 'tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '上门安装师傅态度恶劣，未按约定时间到达',
    customerWants: '道歉并重新安排安装',
    serious: false,
  });
}

const vipAftersales = (replyMinutes: number, resolveMinutes: number): SlaTargetInput => ({
  ticketType: 'aftersales',
  priority: 'normal',
  tier: 'vip',
  replyMinutes,
  resolveMinutes,
});

function storedTarget(d: TicketDesk, id: string) {
  return readTable<{ reply_minutes: number; resolve_minutes: number }>(
    d.file,
    'SELECT reply_minutes, resolve_minutes FROM sla_target WHERE id = ?',
    id,
  )[0];
}

describe('SLA targets from the sla_target table', () => {
  it('a VIP ticket gets the tighter target after the manager edits it, and open tickets follow', async () => {
    const d = await openTicketDesk();
    const before = await afterSales(d, 'vip');
    expect(before.clocks.respond.targetMinutes).toBe(10);
    expect(before.clocks.resolve.targetMinutes).toBe(720);

    const saved = await d.ok('manager', 'tickets.saveSlaTargets', { targets: [vipAftersales(5, 480)] });
    expect(
      saved.find((t) => t.ticketType === 'aftersales' && t.priority === 'normal' && t.tier === 'vip'),
    ).toMatchObject({ replyMinutes: 5, resolveMinutes: 480 });
    expect(changeLog(d.file).filter((c) => c.entity === 'sla_target')).toEqual([
      expect.objectContaining({
        entityId: 'aftersales:normal:vip',
        op: 'update',
        fields: expect.objectContaining({ replyMinutes: 5, resolveMinutes: 480 }),
      }),
    ]);

    // A new VIP ticket is taken with the edited targets; a regular one keeps the regulation's.
    const after = await afterSales(d, 'vip');
    expect(after.clocks.respond.targetMinutes).toBe(5);
    expect(after.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-23 17:00')).toISOString());
    expect((await afterSales(d, 'regular')).clocks.respond.targetMinutes).toBe(15);

    // The ticket taken before the edit: the next list read recomputes its cached deadline.
    await d.ok('counter', 'tickets.queue', { queue: 'open' });
    const cached = readTable<{ respond_target_minutes: number; respond_due_at: string }>(
      d.file,
      'SELECT respond_target_minutes, respond_due_at FROM ticket_sla WHERE ticket_id = ?',
      before.id,
    )[0];
    expect(cached).toEqual({
      respond_target_minutes: 5,
      respond_due_at: new Date(sh('2026-11-23 09:05')).toISOString(),
    });
    expect((await d.ok('counter', 'tickets.get', { id: before.id })).clocks.respond.targetMinutes).toBe(5);
  });

  it('refuses bad rows whole: fractions, zero, reply not below resolve, repeats, and staff without the settings right', async () => {
    const d = await openTicketDesk();
    const good = {
      ticketType: 'complaint',
      priority: 'normal',
      tier: 'gold',
      replyMinutes: 8,
      resolveMinutes: 600,
    } as const;
    const cases: Array<[SlaTargetInput[], string]> = [
      [[good, vipAftersales(7.5, 600)], 'sla_minutes_whole'],
      [[good, vipAftersales(0, 600)], 'sla_minutes_positive'],
      [[good, vipAftersales(60, 60)], 'sla_reply_not_below_resolve'],
      [[good, vipAftersales(90, 30)], 'sla_reply_not_below_resolve'],
      [[good, vipAftersales(5, 30 * 24 * 60 + 1)], 'sla_minutes_too_long'],
      [[good, vipAftersales(5, 480), vipAftersales(6, 480)], 'sla_target_repeated'],
    ];
    for (const [targets, key] of cases) {
      expect(await d.refused('manager', 'tickets.saveSlaTargets', { targets })).toMatchObject({
        code: 'validation',
        key,
      });
    }
    expect(await d.refused('counter', 'tickets.saveSlaTargets', { targets: [good] })).toMatchObject({
      code: 'permission_denied',
    });
    // Nothing written, not even the good row that came first.
    expect(storedTarget(d, 'complaint:normal:gold')).toEqual({ reply_minutes: 10, resolve_minutes: 960 });
    expect(storedTarget(d, 'aftersales:normal:vip')).toEqual({ reply_minutes: 10, resolve_minutes: 720 });
    expect(changeLog(d.file).filter((c) => c.entity === 'sla_target')).toEqual([]);
  });
});

describe('the breach report', () => {
  it('counts recorded breaches by type, by clock and by responsible person, and the share of tickets breached', async () => {
    // Monday 09:00: two complaints and an after-sales request; targets 15 minutes / 24 working hours.
    const d = await openTicketDesk();
    const late = await complaint(d);
    const onTime = await complaint(d);
    let request = await afterSales(d);
    await d.ok('cs_lead', 'tickets.act', {
      ticketId: onTime.id,
      version: onTime.version,
      step: { action: 'assign', assigneeId: d.idOf('counter') },
    });
    request = await d.ok('cs_lead', 'tickets.act', {
      ticketId: request.id,
      version: request.version,
      step: { action: 'assign', assigneeId: d.idOf('manager') },
    });

    // 09:20: the late complaint is assigned and the request verified, five minutes past the reply target.
    d.setTime(sh('2026-11-23 09:20'));
    await d.ok('cs_lead', 'tickets.act', {
      ticketId: late.id,
      version: late.version,
      step: { action: 'assign', assigneeId: d.idOf('counter') },
    });
    await d.ok('manager', 'tickets.act', {
      ticketId: request.id,
      version: request.version,
      step: { action: 'verify', findings: '发票与型号一致，故障属实' },
    });

    // Wednesday 10:00: none of the three was resolved by Tuesday 21:00 (24 working hours).
    d.setTime(sh('2026-11-25 09:55'));
    await complaint(d);
    d.setTime(sh('2026-11-25 10:00'));
    expect(await d.ok('counter', 'tickets.recordBreaches', {})).toEqual({ recorded: 3 });

    const week = await d.ok('counter', 'tickets.breachReport', { from: '2026-11-23', to: '2026-11-29' });
    expect(week).toMatchObject({
      handled: 4,
      breachedTickets: 3,
      breachedShare: 0.75,
      breaches: 5,
      byKind: { respond: 2, resolve: 3 },
    });
    expect(week.byType).toEqual([
      { ticketType: 'complaint', respond: 1, resolve: 2 },
      { ticketType: 'aftersales', respond: 1, resolve: 1 },
    ]);
    expect(week.byStaff).toEqual([
      { staffId: d.idOf('counter'), name: '李娜', respond: 1, resolve: 2 },
      { staffId: d.idOf('manager'), name: '周经理', respond: 1, resolve: 1 },
    ]);

    // A breach counts on the local date its deadline passed: Monday the replies, Tuesday the resolutions.
    expect(await d.ok('counter', 'tickets.breachReport', { from: '2026-11-23', to: '2026-11-23' })).toMatchObject({
      handled: 3,
      breachedTickets: 3,
      breaches: 2,
      byKind: { respond: 2, resolve: 0 },
    });
    expect(await d.ok('counter', 'tickets.breachReport', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({
      handled: 0,
      breachedShare: 0,
      breaches: 3,
      byKind: { respond: 0, resolve: 3 },
    });
    expect(await d.refused('counter', 'tickets.breachReport', { from: '2026-11-24', to: '2026-11-23' })).toMatchObject({
      code: 'validation',
      key: 'report_range_reversed',
    });
  });
});

describe('who owns the service standards', () => {
  it('once the PC is enrolled with head office, the store can no longer edit the targets', async () => {
    const d = await openTicketDesk();
    // Enrolment writes device_id into sync_state (db/sync/enroll.ts); write it the same way here.
    const raw = new Database(d.file);
    raw.prepare(`INSERT INTO sync_state (key, value) VALUES ('device_id', 'dev-1')`).run();
    raw.close();
    const refused = await d.call('manager', 'tickets.saveSlaTargets', { targets: [vipAftersales(5, 480)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'permission_denied', key: 'standards_hq_owned' } });
    expect(storedTarget(d, 'aftersales:normal:vip')).toEqual({ reply_minutes: 10, resolve_minutes: 720 });
  });
});
