/**
 * The customers' part of an assessment: the 1–5 ratings given at follow-up calls (docs/DOMAIN.md §6)
 * recorded on a local date of the period, counted for each person who handled the ticket. "Handled"
 * is the ticket's responsible person (its assignee: the technician of a repair, whoever worked the
 * complaint or request) and the staff member who took it at the counter (its creator): the customer
 * rates the service both gave. Someone who was both counts the rating once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { dayBounds } from '../tickets/board';
import { loadCalendar } from '../tickets/settings';
import { FOLLOW_UP_ACTIONS } from '../tickets/workflow';

export type RatingTally = { sum: number; count: number };

export async function customerRatings(
  db: Kysely<DB>,
  startsOn: string,
  endsOn: string,
): Promise<Map<string, RatingTally>> {
  const cal = await loadCalendar(db);
  const from = dayBounds(startsOn, cal).start;
  const to = dayBounds(endsOn, cal).end;
  const rating = sql<number | null>`CAST(json_extract(ticket_event.data, '$.rating') AS INTEGER)`;
  const rows = await db
    .selectFrom('ticketEvent')
    .innerJoin('ticket', 'ticket.id', 'ticketEvent.ticketId')
    .select(['ticket.assigneeId', 'ticket.createdBy', rating.as('rating')])
    .where('ticketEvent.action', 'in', FOLLOW_UP_ACTIONS)
    .where(sql<boolean>`${rating} BETWEEN 1 AND 5`)
    .where(sql<boolean>`julianday(ticket_event.at) >= julianday(${from})`)
    .where(sql<boolean>`julianday(ticket_event.at) < julianday(${to})`)
    .execute();
  const tally = new Map<string, RatingTally>();
  for (const row of rows) {
    for (const staffId of new Set([row.assigneeId, row.createdBy])) {
      if (staffId === null) continue;
      const t = tally.get(staffId) ?? { sum: 0, count: 0 };
      t.sum += Number(row.rating);
      t.count += 1;
      tally.set(staffId, t);
    }
  }
  return tally;
}
