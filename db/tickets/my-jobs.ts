/**
 * A technician's "my jobs today" (docs/DOMAIN.md §5): their open repairs at this store that are
 * overdue or on today (an appointment today, or planned for today or for no day), overdue first,
 * then in time order; the visit address on their own on-site jobs only (visit-contact.ts); and the
 * parts they are waiting for — requisitions for their open jobs that are requested or approved but
 * not yet fully issued. Always the signed-in person's own list: the caller passes the actor.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import { REPAIR_BOARD_STATES, appointmentWithin, dayBounds } from './board';
import type { StoreCalendar } from './calendar';
import { listQuery, runList } from './list';
import { isOwnVisit } from './visit-contact';
import type { MyJob, MyJobsToday, PartsWaiting } from './views';

/** Bounds the list; a technician with more open jobs than this sees the most pressing ones. */
export const MY_JOBS_LIMIT = 100;

const WAITING_REQUISITIONS = ['requested', 'approved', 'partly_issued'] as const;

export async function myJobsToday(
  db: Kysely<DB>,
  actor: Pick<Actor, 'staffId' | 'role'>,
  storeId: string,
  cal: StoreCalendar,
  now: number,
): Promise<MyJobsToday> {
  const today = cal.localDate(now);
  const nowIso = new Date(now).toISOString();
  const { start, end } = dayBounds(today, cal);
  const rows = await runList(
    listQuery(db)
      .where('ticket.type', '=', 'repair')
      .where('ticket.storeId', '=', storeId)
      .where('ticket.assigneeId', '=', actor.staffId)
      .where('ticket.status', 'in', REPAIR_BOARD_STATES)
      .where((eb) =>
        eb.or([
          eb('ticketSla.nextDueAt', '<=', nowIso),
          eb(appointmentWithin(start, end), '=', 1),
          // Planned for today or before, or for no day at all (goods at the counter, done when free).
          eb.and([
            eb('ticket.appointmentAt', 'is', null),
            eb.or([eb('ticket.plannedDate', 'is', null), eb('ticket.plannedDate', '<=', today)]),
          ]),
          eb(sql`julianday(ticket.appointment_at)`, '<', sql`julianday(${start})`),
        ]),
      )
      .orderBy(sql`ticket_sla.next_due_at IS NULL`)
      .orderBy('ticketSla.nextDueAt')
      .limit(MY_JOBS_LIMIT),
    cal,
    now,
  );
  const addresses = await db
    .selectFrom('ticket')
    .select(['id', 'assigneeId', 'type', sql<string>`ticket.form`.as('form')])
    .where('id', 'in', rows.length > 0 ? rows.map((r) => r.id) : [''])
    .execute();
  const addressOf = new Map<string, string | null>();
  for (const row of addresses) {
    const form = JSON.parse(row.form) as Record<string, unknown>;
    const own = isOwnVisit(actor, { type: row.type, assigneeId: row.assigneeId, form });
    addressOf.set(row.id, own && typeof form.address === 'string' && form.address !== '' ? form.address : null);
  }
  const jobs: MyJob[] = rows.map((item) => ({
    ...item,
    address: addressOf.get(item.id) ?? null,
    overdue: item.sla.level === 'breached' || isBefore(item, today, cal),
    time: item.appointmentAt !== null ? cal.localTime(Date.parse(item.appointmentAt)) : null,
  }));
  jobs.sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareText(sortKey(a), sortKey(b)));
  return { today, jobs, partsWaiting: await partsWaiting(db, actor.staffId, storeId) };
}

/** The appointment or the planned day is already past: the job should have been done. */
function isBefore(
  item: { appointmentAt: string | null; plannedDate: string | null },
  today: string,
  cal: StoreCalendar,
) {
  if (item.appointmentAt !== null) return cal.localDate(Date.parse(item.appointmentAt)) < today;
  return item.plannedDate !== null && item.plannedDate < today;
}

/** Code-point order: a locale's collation would put '~' before digits. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appointments by time; jobs without one (planned for the day) after them, then by number. */
function sortKey(job: MyJob): string {
  return `${job.appointmentAt !== null ? new Date(job.appointmentAt).toISOString() : '~'}|${job.number}`;
}

async function partsWaiting(db: Kysely<DB>, staffId: string, storeId: string): Promise<PartsWaiting[]> {
  const rows = await db
    .selectFrom('requisition')
    .innerJoin('ticket', 'ticket.id', 'requisition.ticketId')
    .select([
      'requisition.id',
      'requisition.number',
      'requisition.status',
      'requisition.requestedAt',
      'ticket.id as ticketId',
      'ticket.number as ticketNumber',
      sql<number>`(SELECT COUNT(*) FROM requisition_line l WHERE l.requisition_id = requisition.id)`.as('lines'),
    ])
    .where('ticket.assigneeId', '=', staffId)
    .where('ticket.storeId', '=', storeId)
    .where('ticket.isOpen', '=', 1)
    .where('requisition.status', 'in', WAITING_REQUISITIONS)
    .orderBy('requisition.requestedAt')
    .limit(MY_JOBS_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status as PartsWaiting['status'],
    requestedAt: row.requestedAt,
    ticketId: row.ticketId,
    ticketNumber: row.ticketNumber,
    lines: Number(row.lines),
  }));
}
