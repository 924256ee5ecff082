/**
 * Which ticket steps tell the customer something (called by db/tickets/act.ts after each step and
 * by the intake): the message is queued in the step's transaction, so a refused step queues nothing.
 *
 * - intake of a repair, after-sales request or complaint: ticket_received (a repair job opened from
 *   an after-sales request is not new to the customer);
 * - an appointment agreed (contact_customer): appointment_booked, or appointment_changed when one
 *   was set already; the earlier appointment's message is cancelled if still waiting;
 * - the work recorded on a repair done in store: ready_for_pickup (its completion is signed by the
 *   customer at the counter, so they are there already); a repair completed on site, or after-sales
 *   work done: job_done;
 * - entering the follow-up state: follow_up, going out on the day the follow-up is due;
 * - the follow-up recorded (by phone) or the ticket voided: what still waits for it is cancelled.
 */
import type { TxContext } from '../sync/change-log';
import type { TicketType } from '../tickets/workflow';
import { cancelWaiting } from './cancel';
import { enqueueTicketMessage } from './queue';

export type StepFacts = Readonly<{
  ticketId: string;
  type: TicketType;
  action: string;
  fromStatus: string;
  toStatus: string;
  /** What the step's event recorded (appointmentAt, location, followUpDue, …). */
  data: Readonly<Record<string, unknown>>;
  /** The repair's location (in store / on site); null for other types. */
  location: string | null;
  /** The machine's follow-up state, if it has one. */
  followUpState: string | null;
  nowMs: number;
}>;

const RECEIVED_TYPES: ReadonlyArray<TicketType> = ['repair', 'aftersales', 'complaint'];

export async function messageOnIntake(
  tx: TxContext,
  ticket: Readonly<{ id: string; type: TicketType; parentTicketId: string | null }>,
  nowMs: number,
): Promise<void> {
  if (!RECEIVED_TYPES.includes(ticket.type) || ticket.parentTicketId !== null) return;
  await enqueueTicketMessage(tx, { ticketId: ticket.id, event: 'ticket_received', nowMs });
}

export async function messageOnStep(tx: TxContext, step: StepFacts): Promise<void> {
  const { ticketId, nowMs, data } = step;
  if (step.action === 'void') {
    await cancelWaiting(tx, ticketId, 'ticket_voided');
    return;
  }
  if (step.action.startsWith('follow_up_') && step.action !== 'follow_up_unreached') {
    await cancelWaiting(tx, ticketId, 'follow_up_recorded', ['follow_up']);
  }
  if (step.action === 'contact_customer' && typeof data.appointmentAt === 'string') {
    const moved = step.fromStatus === 'appointment_set';
    const result = await enqueueTicketMessage(tx, {
      ticketId,
      event: moved ? 'appointment_changed' : 'appointment_booked',
      appointmentAt: data.appointmentAt,
      nowMs,
    });
    if (result.queued)
      await cancelWaiting(
        tx,
        ticketId,
        'appointment_moved',
        ['appointment_booked', 'appointment_changed'],
        result.messageId,
      );
  }
  if (step.action === 'record_work' && step.location === 'in_store')
    await enqueueTicketMessage(tx, { ticketId, event: 'ready_for_pickup', nowMs });
  if (step.action === 'complete' && step.location === 'on_site')
    await enqueueTicketMessage(tx, { ticketId, event: 'job_done', nowMs });
  if (step.action === 'mark_done') await enqueueTicketMessage(tx, { ticketId, event: 'job_done', nowMs });
  if (
    step.followUpState !== null &&
    step.toStatus === step.followUpState &&
    step.fromStatus !== step.toStatus &&
    typeof data.followUpDue === 'string'
  ) {
    await enqueueTicketMessage(tx, { ticketId, event: 'follow_up', dueDate: data.followUpDue, nowMs });
  }
}
