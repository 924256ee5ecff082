/** Handlers for the lists: queues, follow-ups, the counter's due panel (the board's are in methods-board.ts). */
import type { Handler, HandlerContext } from '../handler';
import { roleCan, type Role } from '../staff/roles';
import type { StoreCalendar } from './calendar';
import { refreshTicket } from './events';
import { deskNow } from './now';
import { duePanel, followUpList, ticketQueue } from './queues';
import { loadCalendar } from './settings';
import type { ticketQueueSchema } from './contract';
import { phonesByCustomer } from './visit-contact';
import type { FollowUpItem, TicketListItem, DuePanel } from './views';
import type { noInput } from '../fields';
import type { StaffSummary } from '../staff/contract';

/**
 * About 1.5 s for 3,000 open tickets on the test machine: a bounded share per read keeps the
 * counter responsive after a change of hours or holidays; the next reads do the rest.
 */
const FRESHEN_PER_READ = 500;

/**
 * The calendar, and SLA deadlines brought up to date with it: deadlines computed before the hours,
 * working days or holidays changed (or tickets synced in without a deadline yet) are recomputed
 * before a list shows them. Only the local cache is written; no event, nothing synced.
 */
export async function freshDeadlines(ctx: HandlerContext): Promise<{ cal: StoreCalendar; now: number }> {
  const cal = await loadCalendar(ctx.trx);
  const now = deskNow(ctx);
  const stale = await ctx.trx
    .selectFrom('ticket')
    .leftJoin('ticketSla', 'ticketSla.ticketId', 'ticket.id')
    .select('ticket.id')
    .where('ticket.isOpen', '=', 1)
    .where((eb) =>
      eb.or([eb('ticketSla.calendarKey', 'is', null), eb('ticketSla.calendarKey', '!=', cal.settings.key ?? '')]),
    )
    .limit(FRESHEN_PER_READ)
    .execute();
  for (const { id } of stale) await refreshTicket(ctx, id, cal, now, { recordBreaches: false });
  return { cal, now };
}

export const ticketsQueue: Handler<
  typeof ticketQueueSchema,
  { items: ReadonlyArray<TicketListItem>; total: number }
> = async (ctx, input) => {
  const { cal, now } = await freshDeadlines(ctx);
  return ticketQueue(ctx.trx, input, ctx.staffId, cal, now);
};

export const ticketsDuePanel: Handler<typeof noInput, DuePanel> = async (ctx) => {
  const { cal, now } = await freshDeadlines(ctx);
  return duePanel(ctx.trx, cal, now);
};

export const ticketsFollowUps: Handler<typeof noInput, { items: ReadonlyArray<FollowUpItem>; today: string }> = async (
  ctx,
) => {
  const { cal, now } = await freshDeadlines(ctx);
  const list = await followUpList(ctx.trx, cal, now);
  const full = ctx.actor !== null && roleCan(ctx.actor.role, 'customers.personal');
  const phones = await phonesByCustomer(
    ctx.trx,
    list.map((item) => item.customerId),
    full,
  );
  const items = list.map((item) => ({ ...item, phones: phones.get(item.customerId) ?? [] }));
  return { items, today: cal.localDate(now) };
};

export const ticketsStaff: Handler<typeof noInput, ReadonlyArray<StaffSummary>> = async (ctx) => {
  const rows = await ctx.trx
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
  // Staff roles are checked on write (staff.create/update), so a stored role is one of ROLES.
  return rows
    .filter((row) => roleCan(row.role, 'tickets.work'))
    .map((row) => ({ id: row.id, name: row.name, role: row.role as Role, active: true }));
};
