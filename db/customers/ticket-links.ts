/**
 * What the customer file reads of the service tickets (db/tickets, migration 0003): the counter
 * search by ticket number and the ticket list of a customer's history. Tickets are never rewritten
 * here: a merged duplicate's tickets are found by reading through its alias (docs/SYNC.md §2.5).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { HistoryTicket, TicketHit } from './contract';
import { FOLLOW_UP_ACTIONS } from '../tickets/workflow';
import { prefixBounds } from './search-terms';

/** Ticket numbers starting with what was typed: one range of the number's unique index. */
export async function searchTickets(db: Kysely<DB>, prefix: string, limit: number): Promise<TicketHit[]> {
  const [low, high] = prefixBounds(prefix);
  return db
    .selectFrom('ticket')
    .innerJoin('customer', 'customer.id', 'ticket.customerId')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.customerId',
      'customer.name as customerName',
      'ticket.type',
      'ticket.status',
      'ticket.createdAt',
    ])
    .where('ticket.number', '>=', low)
    .where('ticket.number', '<', high)
    .orderBy('ticket.number', 'desc')
    .limit(limit)
    .execute();
}

/** Every ticket of these customers (the record and its aliases), newest first, with its latest follow-up call. */
export async function ticketsForCustomers(
  db: Kysely<DB>,
  customerIds: ReadonlyArray<string>,
  limit = 200,
): Promise<HistoryTicket[]> {
  if (customerIds.length === 0) return [];
  const tickets = await db
    .selectFrom('ticket')
    .select(['id', 'number', 'type', 'status', 'summary', 'productId', 'followUpDue', 'createdAt'])
    .where('customerId', 'in', customerIds)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
  if (tickets.length === 0) return [];
  const calls = await db
    .selectFrom('ticketEvent')
    .select(['ticketId', 'action', 'at', 'data'])
    .where(
      'ticketId',
      'in',
      tickets.map((t) => t.id),
    )
    .where('action', 'in', FOLLOW_UP_ACTIONS)
    .orderBy('hlc')
    .execute();
  const latest = new Map(calls.map((c) => [c.ticketId, c]));
  return tickets.map((ticket) => {
    const call = latest.get(ticket.id);
    return { ...ticket, followUp: call ? { at: call.at, outcome: call.action, rating: ratingOf(call.data) } : null };
  });
}

function ratingOf(data: string): number | null {
  try {
    const rating = (JSON.parse(data) as { rating?: unknown }).rating;
    return typeof rating === 'number' ? rating : null;
  } catch {
    return null;
  }
}
