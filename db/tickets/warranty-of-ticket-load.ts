/** One ticket's 三包 status read from the store, as its page and the queues show it (warranty-of-ticket.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import { listQuery } from './list';
import { loadCalendar } from './settings';
import type { WarrantyView } from './warranty-status';
import { warrantyOfTicket } from './warranty-of-ticket';

/**
 * The status the page, the queues, the charges and the estimate gate all use: the category's
 * windows, the store's holidays, a request's status carried into its repair job.
 */
export async function loadTicketWarranty(
  db: Kysely<DB>,
  ticketId: string,
  cal?: StoreCalendar,
): Promise<WarrantyView | null> {
  const row = await listQuery(db).where('ticket.id', '=', ticketId).executeTakeFirst();
  return row ? warrantyOfTicket(row, cal ?? (await loadCalendar(db))) : null;
}
