/**
 * The repair board (docs/DOMAIN.md §5): the open repairs in the lead's order (urgency, then the
 * nearest deadline), each schedulable person's load, and the appointments of a week for the
 * calendar. Every read is one bounded query; the load is counted by the store, not from the
 * (bounded) job list, so a long board never under-counts a technician.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { addDays, isoWeekday, zonedInstant, type StoreCalendar } from './calendar';
import { listQuery, runList, urgencyFirst } from './list';
import type { BoardWeek, TechnicianLoad, TicketListItem } from './views';

/** The states a repair is on the board in: taken, scheduled, booked, being repaired, reopened. */
export const REPAIR_BOARD_STATES = ['received', 'scheduled', 'appointment_set', 'in_repair', 'reopened'];

/** The most jobs one board read returns; `total` says how many there are. */
export const BOARD_JOB_LIMIT = 300;

/** The most appointments one week of the calendar returns. */
export const WEEK_JOB_LIMIT = 500;

/**
 * Hours a job books on its day, by where it is done: a visit includes the journey. The store keeps
 * no duration per job, so the board's "hours booked" is this estimate, and says so.
 */
export const STANDARD_JOB_HOURS = { on_site: 2, in_store: 1 } as const;

/** The instants a store-local day starts and ends at, as ISO strings comparable with stored times. */
export function dayBounds(date: string, cal: StoreCalendar): { start: string; end: string } {
  const zone = cal.settings.timeZone;
  return {
    start: new Date(zonedInstant(date, '00:00', zone)).toISOString(),
    end: new Date(zonedInstant(addDays(date, 1), '00:00', zone)).toISOString(),
  };
}

/** The Monday of the local week a date falls in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The appointment falls in [start, end). Compared as instants, not text: an appointment may be
 * stored with the offset it was entered in (`…T10:00:00+08:00`), which sorts apart from `…Z`.
 */
export function appointmentWithin(start: string, end: string) {
  return sql<number>`(julianday(ticket.appointment_at) >= julianday(${start})
    AND julianday(ticket.appointment_at) < julianday(${end}))`;
}

function openRepairs(db: Kysely<DB>) {
  return listQuery(db).where('ticket.type', '=', 'repair').where('ticket.status', 'in', REPAIR_BOARD_STATES);
}

export async function repairBoard(
  db: Kysely<DB>,
  cal: StoreCalendar,
  now: number,
): Promise<{ jobs: TicketListItem[]; total: number; technicians: TechnicianLoad[]; today: string }> {
  const today = cal.localDate(now);
  const jobs = await runList(urgencyFirst(openRepairs(db)).limit(BOARD_JOB_LIMIT), cal, now);
  const counted = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'repair')
    .where('status', 'in', REPAIR_BOARD_STATES)
    .executeTakeFirst();
  return { today, jobs, total: Number(counted?.n ?? 0), technicians: await technicianLoads(db, today, cal) };
}

/**
 * Everyone a repair can be scheduled to (technicians and repair leads, as `tickets.act` accepts),
 * with their open jobs, today's jobs (an appointment today, or planned for today without one) and
 * the hours today's jobs book. One grouped query.
 */
export async function technicianLoads(db: Kysely<DB>, today: string, cal: StoreCalendar): Promise<TechnicianLoad[]> {
  const { start, end } = dayBounds(today, cal);
  const onToday = sql<number>`(${appointmentWithin(start, end)})
    OR (ticket.appointment_at IS NULL AND ticket.planned_date = ${today})`;
  const rows = await db
    .selectFrom('staff')
    .leftJoin('ticket', (join) =>
      join
        .onRef('ticket.assigneeId', '=', 'staff.id')
        .on('ticket.type', '=', 'repair')
        .on('ticket.status', 'in', REPAIR_BOARD_STATES),
    )
    .select([
      'staff.id',
      'staff.name',
      'staff.role',
      sql<number>`COUNT(ticket.id)`.as('open'),
      sql<number>`COALESCE(SUM(CASE WHEN ${onToday} THEN 1 ELSE 0 END), 0)`.as('today'),
      sql<number>`COALESCE(SUM(CASE WHEN ${onToday} THEN
        (CASE json_extract(ticket.form, '$.location') WHEN 'on_site' THEN ${STANDARD_JOB_HOURS.on_site}
         ELSE ${STANDARD_JOB_HOURS.in_store} END) ELSE 0 END), 0)`.as('hours'),
    ])
    .where('staff.active', '=', 1)
    .where('staff.role', 'in', ['technician', 'repair_lead'])
    .groupBy(['staff.id', 'staff.name', 'staff.role'])
    // Technicians' lanes first, then leads who also repair; by name within each.
    .orderBy(sql`CASE staff.role WHEN 'technician' THEN 0 ELSE 1 END`)
    .orderBy('staff.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role === 'repair_lead' ? 'repair_lead' : 'technician',
    open: Number(row.open),
    today: Number(row.today),
    hoursBooked: Number(row.hours),
  }));
}

/**
 * The week (Monday to Sunday, store-local) holding `date`: every open or finished repair with an
 * appointment in it, or planned for one of its days without an appointment, in time order.
 */
export async function boardWeek(db: Kysely<DB>, date: string, cal: StoreCalendar, now: number): Promise<BoardWeek> {
  const from = weekStart(date);
  const to = addDays(from, 6);
  const { start } = dayBounds(from, cal);
  const { end } = dayBounds(to, cal);
  const jobs = await runList(
    listQuery(db)
      .where('ticket.type', '=', 'repair')
      .where('ticket.status', '!=', 'voided')
      .where((eb) =>
        eb.or([
          eb(appointmentWithin(start, end), '=', 1),
          eb.and([
            eb('ticket.appointmentAt', 'is', null),
            eb('ticket.plannedDate', '>=', from),
            eb('ticket.plannedDate', '<=', to),
          ]),
        ]),
      )
      .orderBy(sql`COALESCE(julianday(ticket.appointment_at), julianday(ticket.planned_date || 'T23:59:59'))`)
      .orderBy('ticket.number')
      .limit(WEEK_JOB_LIMIT),
    cal,
    now,
  );
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return {
    from,
    days,
    today: cal.localDate(now),
    jobs: jobs.map((job) => ({
      ...job,
      day: job.appointmentAt !== null ? cal.localDate(Date.parse(job.appointmentAt)) : (job.plannedDate ?? from),
      time: job.appointmentAt !== null ? cal.localTime(Date.parse(job.appointmentAt)) : null,
    })),
    truncated: jobs.length === WEEK_JOB_LIMIT,
  };
}
