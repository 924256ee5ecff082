/**
 * The after-sales manager's day at a glance: open tickets, breached now, falling due before the
 * end of today, waiting for the manager (reopened complaints), and this week's satisfaction from the follow-up calls (docs/DOMAIN.md §6, §8).
 * Each figure is one aggregate query, and each number counts exactly what its queue lists
 * (`tickets.queue` with `open`, `breached`, `due_today`, `for_manager`), so the page's link shows the same tickets.
 * Days and weeks are the store's: its time zone, weeks from Monday.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { addDays } from './calendar';
import type { StoreCalendar } from './calendar';
import { dayBounds, weekStart } from './board';
import { LOW_RATING } from './step-input';
import { FOLLOW_UP_ACTIONS } from './workflow';
import type { TodayFigures } from './views';

export async function todayFigures(db: Kysely<DB>, cal: StoreCalendar, now: number): Promise<TodayFigures> {
  const today = cal.localDate(now);
  const nowIso = new Date(now).toISOString();
  const { end: endOfToday } = dayBounds(today, cal);
  const clocks = await db
    .selectFrom('ticket')
    .leftJoin('ticketSla', 'ticketSla.ticketId', 'ticket.id')
    .select([
      sql<number>`COALESCE(SUM(ticket.is_open = 1), 0)`.as('open'),
      sql<number>`COALESCE(SUM(ticket_sla.next_due_at <= ${nowIso}), 0)`.as('breached'),
      sql<number>`COALESCE(SUM(ticket_sla.next_due_at > ${nowIso} AND ticket_sla.next_due_at < ${endOfToday}), 0)`.as(
        'dueToday',
      ),
      // The for_manager queue's condition (queues.ts).
      sql<number>`COALESCE(SUM(ticket.is_open = 1 AND (ticket.for_role IS NOT NULL OR (ticket.type = 'complaint' AND ticket.status = 'reopened'))), 0)`.as(
        'forManager',
      ),
    ])
    .executeTakeFirstOrThrow();

  const from = weekStart(today);
  const weekFrom = dayBounds(from, cal).start;
  const weekTo = dayBounds(addDays(from, 6), cal).end;
  const rating = sql<number | null>`CAST(json_extract(ticket_event.data, '$.rating') AS INTEGER)`;
  const ratings = await db
    .selectFrom('ticketEvent')
    .select([
      sql<number>`COUNT(${rating})`.as('count'),
      sql<number | null>`AVG(${rating})`.as('average'),
      sql<number>`COALESCE(SUM(${rating} <= ${LOW_RATING}), 0)`.as('low'),
    ])
    .where('action', 'in', FOLLOW_UP_ACTIONS)
    .where(sql<boolean>`julianday(ticket_event.at) >= julianday(${weekFrom})`)
    .where(sql<boolean>`julianday(ticket_event.at) < julianday(${weekTo})`)
    .executeTakeFirstOrThrow();
  const count = Number(ratings.count);
  return {
    today,
    open: Number(clocks.open),
    breached: Number(clocks.breached),
    dueToday: Number(clocks.dueToday),
    forManager: Number(clocks.forManager),
    satisfaction: {
      weekFrom: from,
      weekTo: addDays(from, 6),
      ratings: count,
      average: count === 0 || ratings.average === null ? null : Math.round(Number(ratings.average) * 100) / 100,
      low: Number(ratings.low),
    },
  };
}
