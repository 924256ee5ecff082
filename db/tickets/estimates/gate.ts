/**
 * The gate on work that costs money: a repair or after-sales job does not start until the
 * customer has approved its price. Gated steps (GATED_STEPS): a repair's `start_work` (in store)
 * and `arrive` (on site: the visit is where the work starts), and an after-sales job's
 * `start_work` (carrying out the decided plan). A job passes when
 *   - its current estimate totals ¥0 to the customer (everything covered, or free), or
 *   - its current estimate was approved by the customer (approval is refused once the estimate has
 *     expired, so an approved estimate was accepted within its validity), or
 *   - it has no estimate and the warranty covers it (db/tickets/warranty-status.ts).
 * A repair job opened from an after-sales request is priced on the request when it has no
 * estimate of its own.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema';
import type { StoreCalendar } from '../calendar';
import type { TicketRow } from '../tables';
import { loadTicketWarranty } from '../warranty-of-ticket-load';
import type { WarrantyStatus } from '../warranty-status';
import type { MachineAction, TicketType } from '../workflow';
import { warrantyCovers, type WorkGateRefusal } from './contract';
import { loadDecisions, loadEstimateRows } from './store';

export const GATED_STEPS: Readonly<Partial<Record<TicketType, ReadonlyArray<MachineAction>>>> = {
  repair: ['start_work', 'arrive'],
  aftersales: ['start_work'],
};

export function isGatedStep(type: TicketType, action: MachineAction): boolean {
  return GATED_STEPS[type]?.includes(action) ?? false;
}

type GateTicket = Pick<TicketRow, 'id' | 'type' | 'form' | 'productId' | 'createdAt' | 'parentTicketId'>;

/**
 * The job's warranty status as its page shows it: carried over from the after-sales request for a
 * repair job opened from one, else judged on the day the ticket was taken.
 */
export async function jobWarranty(db: Kysely<DB>, ticket: GateTicket, cal: StoreCalendar): Promise<WarrantyStatus> {
  return (await loadTicketWarranty(db, ticket.id, cal))?.status ?? 'unknown';
}

/** Whether the priced work of this ticket may start now, and if not, why. */
export async function workGate(
  db: Kysely<DB>,
  ticket: GateTicket,
  cal: StoreCalendar,
  today: string,
): Promise<WorkGateRefusal | null> {
  let rows = await loadEstimateRows(db, ticket.id);
  let pricedOn = ticket.id;
  if (rows.length === 0 && ticket.parentTicketId !== null) {
    rows = await loadEstimateRows(db, ticket.parentTicketId);
    pricedOn = ticket.parentTicketId;
  }
  const current = rows[0];
  if (!current) return warrantyCovers(await jobWarranty(db, ticket, cal)) ? null : 'estimate_required';
  if (current.totalFen === 0) return null;
  const decision = (await loadDecisions(db, pricedOn)).get(current.id);
  if (decision?.decision === 'approved') return null;
  if (decision?.decision === 'declined') return 'estimate_declined';
  return current.validUntil < today ? 'estimate_expired' : 'estimate_not_approved';
}
