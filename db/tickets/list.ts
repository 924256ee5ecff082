/**
 * Ticket lists: the work queues with their filters, the repair board, the follow-up
 * list and the counter's due panel all read rows of this one shape. The SLA level is computed from
 * the cached deadlines (ticket_sla) and "now", so a list never re-folds a ticket's events.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import { clockCalendar, type SlaLevel } from './sla';
import type { SlaView, TicketListItem } from './views';
import { warrantyOfTicket } from './warranty-of-ticket';

/** The rows every list starts from; callers add their where and order clauses. */
export function listQuery(db: Kysely<DB>) {
  return db
    .selectFrom('ticket')
    .innerJoin('customer', 'customer.id', 'ticket.customerId')
    .leftJoin('staff as assignee', 'assignee.id', 'ticket.assigneeId')
    .leftJoin('ticketSla', 'ticketSla.ticketId', 'ticket.id')
    .leftJoin('product', 'product.id', 'ticket.productId')
    .leftJoin('productCategory', 'productCategory.code', 'product.category')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.type',
      'ticket.status',
      'ticket.priority',
      'ticket.channel',
      'ticket.category',
      'ticket.summary',
      'ticket.customerId',
      'customer.name as customerName',
      'customer.tier as customerTier',
      'ticket.assigneeId',
      'assignee.name as assigneeName',
      'ticket.escalatedAt',
      'ticket.pausedFor',
      sql<string | null>`json_extract(ticket.form, '$.location')`.as('location'),
      'ticket.createdAt',
      'ticket.followUpDue',
      'ticket.appointmentAt',
      'ticket.plannedDate',
      'ticket.promisedReplyAt',
      'ticket.forRole',
      'ticketSla.nextDueAt',
      'ticketSla.warnAt',
      'ticketSla.respondDueAt',
      'ticketSla.respondBreachedAt',
      'ticketSla.resolveDueAt',
      'ticketSla.resolveBreachedAt',
      'ticketSla.clockCounts',
      // What the 三包 status is judged from (warranty-of-ticket.ts).
      'product.purchaseDate as productPurchaseDate',
      'product.warrantyEnd as productWarrantyEnd',
      'productCategory.returnDays',
      'productCategory.exchangeDays',
      'productCategory.warrantyMonths',
      sql<string | null>`json_extract(ticket.form, '$.purchaseDate')`.as('formPurchaseDate'),
      sql<string | null>`json_extract(ticket.form, '$.warranty')`.as('carriedWarranty'),
    ]);
}

export type ListQuery = ReturnType<typeof listQuery>;
type ListRow = Awaited<ReturnType<ListQuery['executeTakeFirstOrThrow']>>;

/** Soonest deadline first, then urgency, then the oldest. */
export function byUrgency(query: ListQuery): ListQuery {
  return query
    .orderBy(sql`ticket_sla.next_due_at IS NULL`)
    .orderBy('ticketSla.nextDueAt')
    .orderBy(sql`CASE ticket.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END`)
    .orderBy('ticket.createdAt');
}

/**
 * The repair board's order (docs/DOMAIN.md §5: the lead schedules by urgency): urgency first, then
 * the nearest deadline, then the oldest. Deadline-first (`byUrgency`) would drop an Urgent job
 * below Normal ones once scheduling answers its short reply clock and only the resolve clock is left.
 */
export function urgencyFirst(query: ListQuery): ListQuery {
  return query
    .orderBy(sql`CASE ticket.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END`)
    .orderBy(sql`ticket_sla.next_due_at IS NULL`)
    .orderBy('ticketSla.nextDueAt')
    .orderBy('ticket.createdAt');
}

function signedWorkingMinutes(cal: StoreCalendar, now: number, due: number): number {
  return Math.round(due > now ? cal.workingMinutesBetween(now, due) : -cal.workingMinutesBetween(due, now));
}

export function slaView(
  row: Pick<
    ListRow,
    | 'pausedFor'
    | 'nextDueAt'
    | 'warnAt'
    | 'respondDueAt'
    | 'respondBreachedAt'
    | 'resolveDueAt'
    | 'resolveBreachedAt'
    | 'clockCounts'
  >,
  cal: StoreCalendar,
  now: number,
): SlaView {
  const past = (iso: string | null): boolean => iso !== null && Date.parse(iso) <= now;
  const clock = row.respondDueAt !== null ? 'respond' : 'resolve';
  const respondBreached = row.respondBreachedAt !== null || past(row.respondDueAt);
  const resolveBreached = row.resolveBreachedAt !== null || past(row.resolveDueAt);
  if (row.nextDueAt === null) {
    const level: SlaLevel = row.pausedFor !== null ? 'paused' : 'done';
    return { clock, level, dueAt: null, remainingMinutes: null, respondBreached, resolveBreached };
  }
  const due = Date.parse(row.nextDueAt);
  const level: SlaLevel = due <= now ? 'breached' : past(row.warnAt) ? 'near' : 'ok';
  return {
    clock,
    level,
    dueAt: row.nextDueAt,
    // Time left in the hours the deadline counts in (null before the first refresh: working hours).
    remainingMinutes: signedWorkingMinutes(clockCalendar(cal, row.clockCounts ?? 'working'), now, due),
    respondBreached,
    resolveBreached,
  };
}

export function toListItem(row: ListRow, cal: StoreCalendar, now: number): TicketListItem {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    category: row.category,
    summary: row.summary,
    customerId: row.customerId,
    customerName: row.customerName,
    customerTier: row.customerTier,
    assignee: row.assigneeId !== null ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    escalated: row.escalatedAt !== null,
    pausedFor: row.pausedFor,
    location: row.location === 'in_store' || row.location === 'on_site' ? row.location : null,
    createdAt: row.createdAt,
    followUpDue: row.followUpDue,
    appointmentAt: row.appointmentAt,
    plannedDate: row.plannedDate,
    promisedReplyAt: row.promisedReplyAt,
    forRole: row.forRole,
    sla: slaView(row, cal, now),
    sanbao: warrantyOfTicket(row, cal),
  };
}

export async function runList(query: ListQuery, cal: StoreCalendar, now: number): Promise<TicketListItem[]> {
  const rows = await query.execute();
  return rows.map((row) => toListItem(row, cal, now));
}
