/**
 * What head office owns of a store's clocks (migration 0016): a standard counting calendar hours
 * runs around the clock, nights and holidays included, while a working-hours one is unchanged; the
 * calendar is head office's region days (the country's, then the province's) under the store's own
 * holiday rows, and SLA deadlines and follow-up dates both count in it.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

async function afterSales(d: TicketDesk): Promise<TicketDetail> {
  const customer = await d.customer('陈先生');
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

/** Rows as a pull from head office leaves them (region_holiday is head office's, never written here). */
function pulledRegionDays(
  d: TicketDesk,
  days: ReadonlyArray<[region: string, date: string, kind: string, name: string]>,
) {
  const raw = new Database(d.file);
  try {
    const insert = raw.prepare(
      `INSERT INTO region_holiday (id, region, date, kind, name, updated_at, hlc) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '1')`,
    );
    for (const [region, date, kind, name] of days) insert.run(`${region}:${date}`, region, date, kind, name);
  } finally {
    raw.close();
  }
}

const NATIONAL_DAY_2026: Array<[string, string, string, string]> = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((day): [string, string, string, string] => [
    'CN',
    `2026-10-${day}`,
    'closed',
    '国庆节',
  ]),
  ['CN', '2026-09-20', 'workday', '国庆节调休'],
  ['CN', '2026-10-10', 'workday', '国庆节调休'],
];

async function monToFriStore(d: TicketDesk): Promise<void> {
  const store = await d.ok('admin', 'store.get', {});
  await d.ok('admin', 'store.update', { ...store, workingDays: [1, 2, 3, 4, 5] });
}

describe('a standard counting calendar hours', () => {
  it('runs through the night and a holiday; a working-hours standard still skips them', async () => {
    // Wednesday 30 Sep 2026, 20:00, the eve of the National Day week.
    const d = await openTicketDesk(sh('2026-09-30 20:00'));
    await d.countWorkingHours();
    pulledRegionDays(d, NATIONAL_DAY_2026);
    const working = await afterSales(d);
    expect(working.clocks.resolve.targetMinutes).toBe(24 * 60);
    // 1 h on Wed 30 Sep, the holiday week closed, 12 h on Thu 8 Oct, 11 h on Fri 9 Oct → 20:00.
    expect(working.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-09 20:00')).toISOString());

    await d.ok('manager', 'tickets.saveSlaTargets', {
      targets: [
        {
          ticketType: 'aftersales',
          priority: 'normal',
          tier: 'regular',
          replyMinutes: 15,
          resolveMinutes: 24 * 60,
          counts: 'calendar',
        },
      ],
    });
    const calendar = await afterSales(d);
    // 24 hours on the wall clock: through the night and into the first holiday.
    expect(calendar.clocks.respond.dueAt).toBe(new Date(sh('2026-09-30 20:15')).toISOString());
    expect(calendar.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-01 20:00')).toISOString());

    // The open working-hours ticket follows the edited standard at the next list read, and the list
    // shows the time left in calendar hours.
    d.setTime(sh('2026-10-01 08:00'));
    const queue = await d.ok('admin', 'tickets.queue', { queue: 'open' });
    const listed = queue.items.find((i) => i.id === working.id)!;
    expect(listed.sla).toMatchObject({ clock: 'respond', level: 'breached' });
    const resolving = readTable<{ resolve_due_at: string; clock_counts: string }>(
      d.file,
      'SELECT resolve_due_at, clock_counts FROM ticket_sla WHERE ticket_id = ?',
      calendar.id,
    )[0]!;
    expect(resolving).toEqual({
      resolve_due_at: new Date(sh('2026-10-01 20:00')).toISOString(),
      clock_counts: 'calendar',
    });
    const detail = await d.ok('admin', 'tickets.get', { id: calendar.id });
    expect(detail.clocks.resolve.elapsedMinutes).toBe(12 * 60);
  });

  it('is kept by a finished ticket: the event recorded the clock it was taken with', async () => {
    const d = await openTicketDesk(sh('2026-11-27 20:00'));
    await d.ok('manager', 'tickets.saveSlaTargets', {
      targets: [
        {
          ticketType: 'aftersales',
          priority: 'normal',
          tier: 'regular',
          replyMinutes: 30,
          resolveMinutes: 48 * 60,
          counts: 'calendar',
        },
      ],
    });
    const ticket = await afterSales(d);
    const created = readTable<{ data: string }>(
      d.file,
      "SELECT data FROM ticket_event WHERE ticket_id = ? AND action = 'create'",
      ticket.id,
    )[0]!;
    expect(JSON.parse(created.data)).toEqual({
      sla: { respondMinutes: 30, resolveMinutes: 48 * 60, counts: 'calendar' },
    });
    // Friday 20:00 + 48 calendar hours: Sunday 20:00, a day the store is closed.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-11-29 20:00')).toISOString());
  });
});

describe('the calendar from head office’s region days', () => {
  it('counts the 2026 National Day week as closed and its make-up Saturday as open', async () => {
    // A Mon–Fri store: Saturday 10 Oct is a working day only because it is a make-up day.
    const d = await openTicketDesk(sh('2026-09-30 15:00'));
    await d.countWorkingHours();
    await monToFriStore(d);
    pulledRegionDays(d, NATIONAL_DAY_2026);
    const ticket = await afterSales(d);
    // 6 h on Wed 30 Sep, closed 1–7 Oct, 12 h on Thu 8, 6 h on Fri 9 → 15:00.
    expect(ticket.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-09 15:00')).toISOString());

    d.setTime(sh('2026-10-09 20:00'));
    const late = await afterSales(d);
    // 1 h Friday evening, 12 h on the make-up Saturday, Sunday closed, 11 h Monday → Mon 12 Oct 20:00.
    expect(late.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-12 20:00')).toISOString());

    const listed = await d.ok('admin', 'tickets.holidays', { year: 2026 });
    expect(listed).toHaveLength(9);
    expect(listed.find((h) => h.date === '2026-10-10')).toEqual({
      date: '2026-10-10',
      kind: 'workday',
      name: '国庆节调休',
      region: 'CN',
    });
  });

  it('adds the province’s days for a store in that region, and the store’s own rows win', async () => {
    const d = await openTicketDesk(sh('2026-09-30 15:00'));
    await d.countWorkingHours();
    pulledRegionDays(d, [...NATIONAL_DAY_2026, ['CN-GD', '2026-10-08', 'closed', '广东地方假日']]);
    // The store opens on 7 Oct although it is a public holiday.
    await d.ok('admin', 'tickets.saveHoliday', { date: '2026-10-07', kind: 'workday', name: '门店照常营业' });
    const national = await afterSales(d);
    // 6 h Wed 30 Sep, 12 h on the store's own 7 Oct, 6 h Thu 8 → 15:00.
    expect(national.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-08 15:00')).toISOString());

    const settings = await d.ok('admin', 'tickets.settings', {});
    expect(settings.region).toBe('CN');
    await d.ok('admin', 'tickets.updateSettings', { ...settings, region: 'CN-GD' });
    const guangdong = await afterSales(d);
    // 8 Oct is closed in Guangdong: 6 h Wed 30 Sep, 12 h on 7 Oct, 6 h Fri 9 → 15:00.
    expect(guangdong.clocks.resolve.dueAt).toBe(new Date(sh('2026-10-09 15:00')).toISOString());
    // The open ticket taken before follows the region at the next list read.
    await d.ok('admin', 'tickets.queue', { queue: 'open' });
    expect((await d.ok('admin', 'tickets.get', { id: national.id })).clocks.resolve.dueAt).toBe(
      new Date(sh('2026-10-09 15:00')).toISOString(),
    );

    const listed = await d.ok('admin', 'tickets.holidays', { year: 2026 });
    expect(listed.filter((h) => h.date >= '2026-10-07' && h.date <= '2026-10-08')).toEqual([
      { date: '2026-10-07', kind: 'workday', name: '门店照常营业', region: null },
      { date: '2026-10-08', kind: 'closed', name: '广东地方假日', region: 'CN-GD' },
    ]);
    expect(await d.refused('admin', 'tickets.updateSettings', { ...settings, region: 'guangdong' })).toMatchObject({
      code: 'validation',
      key: 'invalid_value',
      field: 'region',
    });
  });

  it('moves follow-up dates past the holiday week', async () => {
    const d = await openTicketDesk(sh('2026-09-29 10:00'));
    await monToFriStore(d);
    pulledRegionDays(d, NATIONAL_DAY_2026);
    const customer = await d.customer('郑女士');
    let ticket = await d.ok('counter', 'tickets.create', {
      type: 'complaint',
      customerId: customer.id,
      channel: 'in_store',
      category: 'service_attitude',
      whatHappened: '安装师傅迟到两小时',
      customerWants: '道歉',
      serious: false,
    });
    const act = async (who: 'cs_lead' | 'counter', step: StepInput) => {
      ticket = await d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
    };
    d.setTime(sh('2026-09-30 10:00'));
    await act('cs_lead', { action: 'assign', assigneeId: d.idOf('counter'), note: '李娜负责跟进' });
    await act('counter', { action: 'start_investigation', note: '已致电顾客了解情况' });
    await act('counter', { action: 'propose_solution', findings: '迟到两小时', solution: '书面道歉' });
    await act('counter', { action: 'inform_customer', customerView: '顾客接受' });
    expect(ticket.status).toBe('follow_up');
    // Resolved on Wed 30 Sep: three working days later are Thu 8, Fri 9 and the make-up Sat 10.
    expect(ticket.followUpDue).toBe('2026-10-10');
  });
});
