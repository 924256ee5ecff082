/**
 * The ticket a charge belongs to: only repairs and after-sales requests carry money, and whether
 * the job is under warranty (三包) decides whether parts and labour are covered.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { loadTicketWarranty } from '../tickets/warranty-of-ticket-load';
import type { WarrantyStatus } from '../tickets/warranty-status';

export type ChargedTicket = Readonly<{ id: string; number: string; underWarranty: boolean }>;

/** Free repair, exchange or return: the customer pays nothing for the work or the parts. */
const COVERED: ReadonlyArray<WarrantyStatus> = ['return_window', 'exchange_window', 'in_warranty'];

export async function chargedTicketOrFail(
  db: Kysely<DB>,
  ticketId: string,
  field = 'ticketId',
): Promise<ChargedTicket> {
  const ticket = await db
    .selectFrom('ticket')
    .select(['ticket.id', 'ticket.number', 'ticket.type'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) throw new DeskFailure('not_found', 'not_found', field);
  if (ticket.type !== 'repair' && ticket.type !== 'aftersales')
    throw new DeskFailure('validation', 'charge_ticket_type', field);
  return { id: ticket.id, number: ticket.number, underWarranty: COVERED.includes(await judged(db, ticket.id)) };
}

/** As the ticket's page shows it (db/tickets/detail.ts): a job opened from a request keeps the request's status. */
async function judged(db: Kysely<DB>, ticketId: string): Promise<WarrantyStatus> {
  return (await loadTicketWarranty(db, ticketId))?.status ?? 'unknown';
}
