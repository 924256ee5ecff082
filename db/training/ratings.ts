/**
 * The customers' part of an assessment: the 1–5 ratings given at follow-up calls (docs/DOMAIN.md §6)
 * recorded on a local date of the period, counted for each person who handled the ticket. "Handled"
 * is everyone the ticket was ever assigned to (an assign or reassign, the technician of a schedule or
 * reschedule, the manager a reopen was routed to: the same events db/tickets/derive.ts folds into
 * the assignee), the current assignee, and the staff member who took it at the counter (its creator):
 * a ticket handed from one person to another was served by both, and the customer rates that
 * service. Someone who was several of these counts the rating once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { dayBounds } from '../tickets/board';
import { loadCalendar } from '../tickets/settings';
import { FOLLOW_UP_ACTIONS, type MachineAction } from '../tickets/workflow';

export type RatingTally = { sum: number; count: number };

/** The events that hand a ticket to someone, and where each names that person. */
const ASSIGNING: ReadonlyArray<readonly [MachineAction, string]> = [
  ['assign', '$.assigneeId'],
  ['reassign', '$.assigneeId'],
  ['schedule', '$.technicianId'],
  ['reschedule', '$.technicianId'],
  ['follow_up_reopen', '$.route.managerId'],
  ['customer_disagrees', '$.route.managerId'],
];

const handedTo = sql.join(
  ASSIGNING.map(([action, path]) => sql`WHEN ${action} THEN json_extract(a.data, ${path})`),
  sql` `,
);

export async function customerRatings(
  db: Kysely<DB>,
  startsOn: string,
  endsOn: string,
): Promise<Map<string, RatingTally>> {
  const cal = await loadCalendar(db);
  const from = dayBounds(startsOn, cal).start;
  const to = dayBounds(endsOn, cal).end;
  const followUps = sql.join(FOLLOW_UP_ACTIONS.map((action) => sql`${action}`));
  const assigning = sql.join(ASSIGNING.map(([action]) => sql`${action}`));
  // UNION (not UNION ALL) keeps one row per rating and person, however often they were assigned.
  const result = await sql<{ ratingId: string; rating: number; staffId: string }>`
    WITH rated AS (
      SELECT e.id, e.ticket_id, CAST(json_extract(e.data, '$.rating') AS INTEGER) AS rating
      FROM ticket_event e
      WHERE e.action IN (${followUps})
        AND CAST(json_extract(e.data, '$.rating') AS INTEGER) BETWEEN 1 AND 5
        AND julianday(e.at) >= julianday(${from}) AND julianday(e.at) < julianday(${to})),
    handlers AS (
      SELECT t.id AS ticket_id, t.assignee_id AS staff_id FROM ticket t WHERE t.id IN (SELECT ticket_id FROM rated)
      UNION SELECT t.id, t.created_by FROM ticket t WHERE t.id IN (SELECT ticket_id FROM rated)
      UNION SELECT a.ticket_id, CASE a.action ${handedTo} END FROM ticket_event a
        WHERE a.ticket_id IN (SELECT ticket_id FROM rated) AND a.action IN (${assigning}))
    SELECT rated.id AS rating_id, rated.rating, h.staff_id
    FROM rated JOIN handlers h ON h.ticket_id = rated.ticket_id
    WHERE typeof(h.staff_id) = 'text'`.execute(db);
  const tally = new Map<string, RatingTally>();
  for (const row of result.rows) {
    const t = tally.get(row.staffId) ?? { sum: 0, count: 0 };
    t.sum += Number(row.rating);
    t.count += 1;
    tally.set(row.staffId, t);
  }
  return tally;
}
