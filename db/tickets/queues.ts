/**
 * The work queues: mine, unassigned, due soon, breached, due today, waiting for parts or the
 * customer, awaiting follow-up, escalated; filtered by type, status, category, person, customer,
 * dates and text. Also a technician's day, the follow-up list and the counter's
 * due panel, which are fixed queries over the same rows.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { addDays, zonedInstant, type StoreCalendar } from './calendar';
import type { Queue, TicketQueueInput } from './contract';
import { REPAIR_BOARD_STATES } from './board';
import { byUrgency, listQuery, runList, type ListQuery } from './list';
import type { TicketListItem } from './views';

type Filters = Omit<TicketQueueInput, 'limit' | 'offset' | 'queue'> & { queue: Queue };

function likeContaining(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyQueue(
  query: ListQuery,
  queue: Queue,
  staffId: string | null,
  nowIso: string,
  endOfToday: string,
): ListQuery {
  switch (queue) {
    case 'all':
      return query;
    case 'open':
      return query.where('ticket.isOpen', '=', 1);
    case 'mine':
      return query.where('ticket.isOpen', '=', 1).where('ticket.assigneeId', '=', staffId ?? '');
    case 'unassigned':
      return query.where('ticket.isOpen', '=', 1).where('ticket.assigneeId', 'is', null);
    case 'due_soon':
      return query.where('ticketSla.warnAt', '<=', nowIso).where('ticketSla.nextDueAt', '>', nowIso);
    case 'breached':
      return query.where('ticketSla.nextDueAt', '<=', nowIso);
    case 'due_today':
      return query.where('ticketSla.nextDueAt', '>', nowIso).where('ticketSla.nextDueAt', '<', endOfToday);
    case 'waiting_parts':
      return query.where('ticket.pausedFor', '=', 'parts');
    case 'waiting_customer':
      return query.where('ticket.pausedFor', '=', 'customer');
    case 'follow_up':
      return query.where((eb) =>
        eb.or([
          eb('ticket.followUpDue', 'is not', null),
          eb.and([eb('ticket.type', '=', 'consultation'), eb('ticket.status', '=', 'awaiting_reply')]),
        ]),
      );
    case 'escalated':
      return query.where('ticket.isOpen', '=', 1).where('ticket.escalatedAt', 'is not', null);
    case 'for_manager':
      return query
        .where('ticket.isOpen', '=', 1)
        .where((eb) =>
          eb.or([
            eb('ticket.forRole', 'is not', null),
            eb.and([eb('ticket.type', '=', 'complaint'), eb('ticket.status', '=', 'reopened')]),
          ]),
        );
  }
}

function applyFilters(query: ListQuery, f: Filters, cal: StoreCalendar): ListQuery {
  let q = query;
  if (f.type) q = q.where('ticket.type', '=', f.type);
  if (f.status) q = q.where('ticket.status', '=', f.status);
  if (f.category) q = q.where('ticket.category', '=', f.category);
  if (f.assigneeId) q = q.where('ticket.assigneeId', '=', f.assigneeId);
  if (f.customerId) q = q.where('ticket.customerId', '=', f.customerId);
  const zone = cal.settings.timeZone;
  if (f.from) q = q.where('ticket.createdAt', '>=', new Date(zonedInstant(f.from, '00:00', zone)).toISOString());
  if (f.to) q = q.where('ticket.createdAt', '<', new Date(zonedInstant(addDays(f.to, 1), '00:00', zone)).toISOString());
  if (f.text) {
    const like = likeContaining(f.text);
    q = q.where((eb) =>
      eb.or([
        eb(sql`ticket.number`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`ticket.summary`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`customer.name`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    );
  }
  return q;
}

export async function ticketQueue(
  db: Kysely<DB>,
  input: Filters & { limit: number; offset: number },
  staffId: string | null,
  cal: StoreCalendar,
  now: number,
): Promise<{ items: TicketListItem[]; total: number }> {
  const nowIso = new Date(now).toISOString();
  const endOfToday = new Date(
    zonedInstant(addDays(cal.localDate(now), 1), '00:00', cal.settings.timeZone),
  ).toISOString();
  const filtered = applyFilters(applyQueue(listQuery(db), input.queue, staffId, nowIso, endOfToday), input, cal);
  const ordered = input.queue === 'all' ? filtered.orderBy('ticket.createdAt', 'desc') : byUrgency(filtered);
  const items = await runList(ordered.limit(input.limit).offset(input.offset), cal, now);
  const counted = await filtered
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { items, total: Number(counted?.n ?? 0) };
}

/** A job is on a day when its appointment falls on it, or (no appointment yet) it was planned for it. */
function onDay(job: TicketListItem, date: string, cal: StoreCalendar): boolean {
  if (job.appointmentAt !== null) return cal.localDate(Date.parse(job.appointmentAt)) === date;
  return job.plannedDate === date;
}

export async function technicianDay(
  db: Kysely<DB>,
  technicianId: string,
  date: string,
  cal: StoreCalendar,
  now: number,
): Promise<TicketListItem[]> {
  const jobs = await runList(
    listQuery(db)
      .where('ticket.type', '=', 'repair')
      .where('ticket.assigneeId', '=', technicianId)
      .where('ticket.status', 'in', [...REPAIR_BOARD_STATES, 'follow_up', 'closed']),
    cal,
    now,
  );
  const time = (job: TicketListItem): string =>
    job.appointmentAt ? cal.localTime(Date.parse(job.appointmentAt)) : '99:99';
  return jobs.filter((job) => onDay(job, date, cal)).sort((a, b) => time(a).localeCompare(time(b)));
}

/** Calls due (follow-ups after repairs, after-sales and complaints) and promised consultation replies. */
export async function followUpList(db: Kysely<DB>, cal: StoreCalendar, now: number): Promise<TicketListItem[]> {
  const items = await runList(applyQueue(listQuery(db), 'follow_up', null, new Date(now).toISOString(), ''), cal, now);
  const dueKey = (item: TicketListItem): string =>
    item.followUpDue ?? (item.promisedReplyAt ? cal.localDate(Date.parse(item.promisedReplyAt)) : '9999-12-31');
  return items.sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || a.number.localeCompare(b.number));
}

/** The counter's glance: breached now, and what falls due before the desk closes today. */
export async function duePanel(
  db: Kysely<DB>,
  cal: StoreCalendar,
  now: number,
): Promise<{ breached: TicketListItem[]; dueToday: TicketListItem[]; today: string }> {
  const today = cal.localDate(now);
  const nowIso = new Date(now).toISOString();
  const endOfDay = new Date(zonedInstant(addDays(today, 1), '00:00', cal.settings.timeZone)).toISOString();
  const breached = await runList(
    byUrgency(listQuery(db).where('ticketSla.nextDueAt', '<=', nowIso)).limit(50),
    cal,
    now,
  );
  const dueToday = await runList(
    byUrgency(
      listQuery(db).where((eb) =>
        eb.or([
          eb.and([eb('ticketSla.nextDueAt', '>', nowIso), eb('ticketSla.nextDueAt', '<', endOfDay)]),
          eb('ticket.followUpDue', '<=', today),
          eb.and([eb('ticket.status', '=', 'awaiting_reply'), eb('ticket.promisedReplyAt', '<', endOfDay)]),
          eb.and([
            eb('ticket.isOpen', '=', 1),
            eb('ticket.appointmentAt', '>=', nowIso),
            eb('ticket.appointmentAt', '<', endOfDay),
          ]),
        ]),
      ),
    ).limit(50),
    cal,
    now,
  );
  const breachedIds = new Set(breached.map((item) => item.id));
  return { today, breached, dueToday: dueToday.filter((item) => !breachedIds.has(item.id)) };
}
