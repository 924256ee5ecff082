/**
 * What a repair's service form is built from, read from the ticket as it stands: the ticket and
 * its intake form, the customer's name, the product, the technician, the parts the stock ledger
 * has issued to the job, the charge lines and payments, and the terms in force. Read in full (the
 * visit address included), because a signature binds the whole form; the ticket page masks what
 * its reader may not see (detail.ts).
 */
import type { Kysely } from 'kysely';
import { loadChargeSummary } from '../charges/summary';
import { issuedToTicket, partDescription } from '../parts/requisitions/issued-to-ticket';
import type { DB } from '../schema';
import type { TicketForm } from './intake';
import type { ServiceFormSource } from './service-form';
import type { Completion } from './service-form-v1';
import { SERVICE_TERMS } from './service-terms';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Null for a ticket that is not a repair (only repairs have a service form to sign), or is not there. */
export async function loadServiceFormSource(db: Kysely<DB>, ticketId: string): Promise<ServiceFormSource | null> {
  const ticket = await db
    .selectFrom('ticket')
    .leftJoin('customer', 'customer.id', 'ticket.customerId')
    .leftJoin('staff', 'staff.id', 'ticket.assigneeId')
    .leftJoin('product', 'product.id', 'ticket.productId')
    .select([
      'ticket.number',
      'ticket.type',
      'ticket.form',
      'customer.name as customerName',
      'staff.name as technicianName',
      'product.brand',
      'product.model',
    ])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket || ticket.type !== 'repair') return null;
  const form = JSON.parse(ticket.form) as TicketForm;
  const productLabel =
    ticket.brand !== null || ticket.model !== null
      ? `${ticket.brand ?? ''} ${ticket.model ?? ''}`.trim()
      : [text(form.model), text(form.serial)].filter(Boolean).join(' ');
  const parts = await issuedToTicket(db, ticketId);
  return {
    number: ticket.number,
    customerName: ticket.customerName ?? '',
    productLabel,
    technicianName: ticket.technicianName ?? '',
    form,
    parts: parts.map((part) => ({
      partNo: part.partNo,
      description: partDescription(part),
      qty: part.qty,
      unit: part.unit,
      unitFen: part.priceFen,
    })),
    charges: await loadChargeSummary(db, ticketId),
    terms: SERVICE_TERMS,
  };
}

type WorkEvent = Readonly<{ action: string; data: string }>;

/**
 * The completion text as the ticket now says it: the work done by the last `complete` or
 * `record_work` (work recorded after a completion changes the form), the result by the last
 * `complete`. Events in fold order (HLC).
 */
export function currentCompletion(events: ReadonlyArray<WorkEvent>, signerName: string): Completion {
  let workDone = '';
  let result = '';
  for (const event of events) {
    if (event.action !== 'complete' && event.action !== 'record_work') continue;
    const data = JSON.parse(event.data) as Record<string, unknown>;
    workDone = text(data.workDone);
    if (event.action === 'complete') result = text(data.result);
  }
  return { workDone, result, signerName };
}
