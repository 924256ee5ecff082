/**
 * What the parts desk needs to know of a service ticket (db/tickets owns them): which one, of
 * what type, in what state. Read straight from the ticket table; nothing here writes tickets.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../../handler';
import type { DB } from '../../schema';
import { machineOf } from '../../tickets/machines/index';
import type { TicketType } from '../../tickets/workflow';
import type { TicketRef } from './contract';

/** Parts are requisitioned for repairs (docs/DOMAIN.md §5: "parts needed on the job"). */
export const PARTS_TICKET_TYPES: ReadonlyArray<TicketType> = ['repair'];

function ticketQuery(db: Kysely<DB>) {
  return db
    .selectFrom('ticket as t')
    .leftJoin('customer as c', 'c.id', 't.customerId')
    .select(['t.id', 't.number', 't.type', 't.status', 't.summary', 'c.name as customerName']);
}

export async function findTicketRef(db: Kysely<DB>, id: string): Promise<TicketRef | undefined> {
  return ticketQuery(db).where('t.id', '=', id).executeTakeFirst();
}

export async function findTicketRefByNumber(db: Kysely<DB>, number: string): Promise<TicketRef | undefined> {
  return ticketQuery(db).where('t.number', '=', number.toUpperCase()).executeTakeFirst();
}

/** A ticket parts may still be requested for: a repair that is not closed or voided. */
export function assertTicketTakesParts(ticket: TicketRef, field = 'ticketId'): void {
  const type = ticket.type as TicketType;
  if (!PARTS_TICKET_TYPES.includes(type)) throw new DeskFailure('validation', 'ticket_not_repair', field);
  const final: ReadonlyArray<string> = machineOf(type).final;
  if (final.includes(ticket.status)) throw new DeskFailure('conflict', 'ticket_closed', field);
}
