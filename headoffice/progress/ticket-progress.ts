/**
 * What the progress page says about one ticket, read from its merged states: the status, whether
 * it waits for parts or for the customer, the appointment or planned day of a repair, and the
 * balance due. Pure, so it is tested without a database.
 *
 * Head office does not fold a ticket's workflow (the machines stay on the counter): like the chain
 * reports (headoffice/reports/ticket-facts.ts) it reads what each event says, in HLC order, which
 * is the order the counter folds them in (db/tickets/derive.ts). The balance is computed the way
 * the counter's `loadChargeSummary` does (db/charges/summary.ts): lines not voided, after
 * discounts, covered lines at zero; deposits and payments less refunds.
 */
import type { RecordState } from '../../db/sync/protocol';
import { eventOf, RESOLVED_STATUSES } from '../reports/ticket-facts';

export type TicketProgress = Readonly<{
  type: string;
  status: string;
  /** Paused: waiting for parts or for the customer (not once the work is done). */
  waitingFor: 'parts' | 'customer' | null;
  /** The repair's appointment (an instant), shown while the visit is still ahead. */
  appointmentAt: string | null;
  /** The repair's planned local day (YYYY-MM-DD) when no appointment is made yet. */
  plannedDate: string | null;
  /** What the customer still owes in fen (negative: the store owes them); null with no charge or payment. */
  balanceFen: number | null;
}>;

type Fields = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** An event's `data`, pushed as JSON text. */
function dataOf(raw: unknown): Fields {
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Fields) : {};
  } catch {
    return {};
  }
}

/** The states in which a repair's visit or work is still ahead, so its appointment means something. */
const BEFORE_THE_WORK: ReadonlySet<string> = new Set(['scheduled', 'appointment_set']);

export function ticketProgress(
  ticket: Fields,
  events: ReadonlyArray<RecordState>,
  charges: ReadonlyArray<RecordState>,
  payments: ReadonlyArray<RecordState>,
): TicketProgress {
  const type = text(ticket.type) ?? '';
  let status = '';
  let waitingFor: 'parts' | 'customer' | null = null;
  let appointmentAt: string | null = null;
  let plannedDate: string | null = null;
  const ordered = events
    .filter((state) => state.deleted === null)
    .map(eventOf)
    .sort((a, b) => ((a.hlc as string) < (b.hlc as string) ? -1 : (a.hlc as string) > (b.hlc as string) ? 1 : 0));
  for (const event of ordered) {
    const action = text(event.action);
    const to = text(event.toStatus);
    if (action === 'create' && status === '') status = to ?? status;
    else if (to !== null) status = to;
    const data = dataOf(event.data);
    if (action === 'wait_parts') waitingFor = 'parts';
    else if (action === 'wait_customer') waitingFor = 'customer';
    else if (action === 'resume') waitingFor = null;
    if (action === 'schedule' || action === 'reschedule') {
      plannedDate = text(data.plannedDate);
      appointmentAt = null;
    } else if (action === 'contact_customer') appointmentAt = text(data.appointmentAt);
  }
  const finished = RESOLVED_STATUSES.has(status) || status === 'voided';
  const ahead = type === 'repair' && BEFORE_THE_WORK.has(status);
  return {
    type,
    status,
    waitingFor: finished ? null : waitingFor,
    appointmentAt: ahead ? appointmentAt : null,
    plannedDate: ahead && appointmentAt === null ? plannedDate : null,
    balanceFen: balanceFen(charges, payments),
  };
}

const fen = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

/** Σ charges − (deposits + payments − refunds), or null when the ticket has neither. */
export function balanceFen(charges: ReadonlyArray<RecordState>, payments: ReadonlyArray<RecordState>): number | null {
  const lines = charges.filter((line) => line.deleted === null && !line.fields.voidedAt);
  const paid = payments.filter((payment) => payment.deleted === null);
  if (lines.length === 0 && paid.length === 0) return null;
  const charged = lines.reduce((sum, line) => sum + fen(line.fields.amountFen), 0);
  const received = paid.reduce(
    (sum, payment) => sum + (payment.fields.kind === 'refund' ? -1 : 1) * fen(payment.fields.amountFen),
    0,
  );
  return charged - received;
}
