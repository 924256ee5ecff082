/** One ticket's 三包 status read from the store, as its page and the queues show it (warranty-of-ticket.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { listQuery } from './list';
import { loadCalendar } from './settings';
import type { WarrantyView } from './warranty-status';
import { warrantyOfTicket } from './warranty-of-ticket';

export async function loadTicketWarranty(db: Kysely<DB>, ticketId: string): Promise<WarrantyView | null> {
  const row = await listQuery(db).where('ticket.id', '=', ticketId).executeTakeFirst();
  return row ? warrantyOfTicket(row, await loadCalendar(db)) : null;
}
