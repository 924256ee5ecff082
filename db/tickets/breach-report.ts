/**
 * The SLA breach report: recorded `sla_breach` events whose deadline fell in a
 * period of local dates, counted by ticket type, by clock (reply / resolve) and by the ticket's
 * responsible person, with the share of the period's tickets that breached at least once.
 * Counts what was recorded (events), not what the clocks would say now: a report must not change
 * when someone later edits the targets.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import type { BreachKind, BreachReport } from './contract-targets';
import { toFoldEvent } from './events';
import { TICKET_TYPES, type TicketType } from './workflow';

const DAY = 24 * 60 * 60 * 1000;

/** A UTC window certainly containing the local dates from..to, in any time zone; cut exactly with the calendar. */
function roughWindow(from: string, to: string): [string, string] {
  return [
    new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString(),
    new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY).toISOString(),
  ];
}

export async function breachReport(
  db: Kysely<DB>,
  cal: StoreCalendar,
  from: string,
  to: string,
): Promise<BreachReport> {
  const [low, high] = roughWindow(from, to);
  const inPeriod = (ms: number): boolean => {
    const date = cal.localDate(ms);
    return date >= from && date <= to;
  };

  const events = await db
    .selectFrom('ticketEvent as e')
    .innerJoin('ticket as t', 't.id', 'e.ticketId')
    .leftJoin('staff as s', 's.id', 't.assigneeId')
    // Breaches are recorded after their deadline, possibly days later: select by the event time from
    // the start of the window on, then keep those whose deadline (data.dueAt) is in the period.
    .select([
      'e.id',
      'e.action',
      'e.at',
      'e.hlc',
      'e.data',
      'e.ticketId',
      't.type',
      't.assigneeId',
      's.name as assigneeName',
    ])
    .where('e.action', '=', 'sla_breach')
    .where('e.at', '>=', low)
    .execute();

  const byType = new Map<TicketType, Record<BreachKind, number>>(
    TICKET_TYPES.map((type) => [type, { respond: 0, resolve: 0 }]),
  );
  const byStaff = new Map<string, { staffId: string | null; name: string | null; respond: number; resolve: number }>();
  const byKind: Record<BreachKind, number> = { respond: 0, resolve: 0 };
  let breaches = 0;
  for (const row of events) {
    const { data, at } = toFoldEvent(row);
    const kind = data.clock;
    if (kind !== 'respond' && kind !== 'resolve') continue;
    const dueAt = typeof data.dueAt === 'string' && !Number.isNaN(Date.parse(data.dueAt)) ? Date.parse(data.dueAt) : at;
    if (!inPeriod(dueAt)) continue;
    breaches += 1;
    byKind[kind] += 1;
    byType.get(row.type)![kind] += 1;
    const staffKey = row.assigneeId ?? '';
    const staff = byStaff.get(staffKey) ?? {
      staffId: row.assigneeId,
      name: row.assigneeName ?? null,
      respond: 0,
      resolve: 0,
    };
    staff[kind] += 1;
    byStaff.set(staffKey, staff);
  }

  const created = await db
    .selectFrom('ticket as t')
    .select(['t.id', 't.createdAt'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('ticketEvent as b')
            .select('b.id')
            .whereRef('b.ticketId', '=', 't.id')
            .where('b.action', '=', 'sla_breach'),
        )
        .as('breached'),
    )
    .where('t.createdAt', '>=', low)
    .where('t.createdAt', '<', high)
    .execute();
  const handled = created.filter((t) => inPeriod(Date.parse(t.createdAt)));
  const breachedTickets = handled.filter((t) => Boolean(t.breached)).length;

  return {
    from,
    to,
    handled: handled.length,
    breachedTickets,
    breachedShare: handled.length === 0 ? 0 : breachedTickets / handled.length,
    breaches,
    byKind,
    byType: [...byType.entries()]
      .filter(([, c]) => c.respond + c.resolve > 0)
      .map(([ticketType, c]) => ({ ticketType, ...c })),
    byStaff: [...byStaff.values()].sort(
      (a, b) => b.respond + b.resolve - (a.respond + a.resolve) || (a.name ?? '').localeCompare(b.name ?? ''),
    ),
  };
}
