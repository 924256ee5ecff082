/**
 * Taking a step: check it against the ticket's machine and the caller's role, check what it
 * carries (a real, active assignee; a promise in the future; a signature on the very form), append
 * the event, and re-derive the ticket. Any refusal throws before anything is written, and the
 * dispatcher's transaction makes the whole step one change either way.
 */
import { exhaustive } from '../assert';
import { messageOnStep } from '../messages/on-step';
import { DeskFailure, requireActor, type Actor, type HandlerContext } from '../handler';
import { roleCan } from '../staff/roles';
import type { StoreCalendar } from './calendar';
import { loadTicketDetail } from './detail';
import { isGatedStep, workGate } from './estimates/gate';
import { appendEvent, locationOf, refreshTicket, type TicketFold } from './events';
import { machineOf } from './machines/index';
import { checkPlanWindow } from './plan-window';
import { managerRoute, routesToManager } from './manager-route';
import { loadTicketSettings } from './settings';
import { requireFormAgreed } from './signature-check';
import { insertSignature, verifySignedForm, type SignedForm } from './signatures';
import type { StepParsed } from './step-input';
import { refuseStep, stepOf } from './steps';
import type { MachineAction } from './workflow';

/** A few minutes' grace: a time typed as "now" is already slightly past when it arrives. */
const PAST_GRACE_MS = 5 * 60_000;

export type StepContext = Readonly<{ ctx: HandlerContext; actor: Actor; cal: StoreCalendar; now: number }>;

async function requireWorker(sc: StepContext, staffId: string, field: string, technician: boolean): Promise<void> {
  const staff = await sc.ctx.trx
    .selectFrom('staff')
    .select(['role', 'active'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  const fits =
    staff !== undefined &&
    staff.active === 1 &&
    (technician ? staff.role === 'technician' || staff.role === 'repair_lead' : roleCan(staff.role, 'tickets.work'));
  if (!fits)
    throw new DeskFailure('validation', technician ? 'ticket_technician_invalid' : 'ticket_assignee_invalid', field);
}

function notPast(
  sc: StepContext,
  isoTime: string,
  key: 'promise_in_past' | 'appointment_in_past',
  field: string,
): void {
  if (Date.parse(isoTime) < sc.now - PAST_GRACE_MS) throw new DeskFailure('validation', key, field);
}

/** Check what the step carries, and return what its event records (the step's fields but the note). */
async function stepData(sc: StepContext, fold: TicketFold, step: StepParsed): Promise<Record<string, unknown>> {
  const { action: _action, note: _note, ...data } = step;
  switch (step.action) {
    case 'assign':
    case 'reassign':
      await requireWorker(sc, step.assigneeId, 'step.assigneeId', false);
      return data;
    case 'schedule':
    case 'reschedule':
      await requireWorker(sc, step.technicianId, 'step.technicianId', true);
      return data;
    case 'promise_reply':
      notPast(sc, step.promisedAt, 'promise_in_past', 'step.promisedAt');
      return data;
    case 'contact_customer':
      notPast(sc, step.appointmentAt, 'appointment_in_past', 'step.appointmentAt');
      return data;
    case 'start_work':
      // Where a repair job is done is the job's own (repair-job.ts): the visit address stays off the
      // request's timeline, which is shown to those who may not see it.
      return step.location ? { location: step.location } : {};
    case 'complete': {
      // The strokes go to the signature row; the event keeps what was signed and its hash.
      const { signature: _signature, ...rest } = data as typeof data & { signature: unknown };
      return rest;
    }
    case 'decide_plan': {
      // Refund and exchange have their 三包 windows: outside one, only a manager with a reason.
      const { overrideReason: _reason, ...rest } = data as typeof data & { overrideReason: unknown };
      return {
        ...rest,
        ...(await checkPlanWindow(sc.ctx.trx, fold.ticket.id, sc.actor, sc.cal, step)),
      };
    }
    // The schema checked all these carry: the event records it as given.
    case 'escalate':
    case 'wait_customer':
    case 'wait_parts':
    case 'resume':
    case 'void':
    case 'answer':
    case 'first_reply':
    case 'start_investigation':
    case 'propose_solution':
    case 'inform_customer':
    case 'customer_disagrees':
    case 'resolve':
    case 'archive':
    case 'verify':
    case 'decline':
    case 'customer_confirms':
    case 'customer_declines':
    case 'mark_done':
    case 'replan':
    case 'arrive':
    case 'record_work':
    case 'review':
    case 'close':
      return data;
    default:
      return exhaustive(step, 'step');
  }
}

type Signing = Readonly<{ step: Extract<StepParsed, { action: 'complete' }> }>;

/**
 * Apply one machine action to a folded ticket. `data` is what the event records; `fold` must be
 * the ticket as it stands in this transaction.
 */
export async function applyAction(
  sc: StepContext,
  fold: TicketFold,
  action: MachineAction,
  data: Record<string, unknown>,
  note: string,
  signing?: Signing,
): Promise<TicketFold> {
  const { ticket, derived } = fold;
  const machine = machineOf(ticket.type);
  const refusal = refuseStep(machine, { ...derived, location: locationOf(ticket) }, action, sc.actor);
  if (refusal) throw new DeskFailure(refusal.code, refusal.key);
  // Work that costs the customer money waits for their approval of its price (estimates/gate.ts).
  if (isGatedStep(ticket.type, action)) {
    const unpriced = await workGate(sc.ctx.trx, ticket, sc.cal, sc.cal.localDate(sc.now));
    if (unpriced) throw new DeskFailure('validation', unpriced);
  }
  const signed = signing ? await checkSignedForm(sc, fold, signing) : null;
  const step = stepOf(machine, derived.status, action)!;
  const to = step.to === 'same' ? derived.status : step.to;
  // A repair is closed on the form the customer signed: changed since, it needs a new signature
  // or a lead's recorded reason first (signature-check.ts).
  if (ticket.type === 'repair' && to === 'closed') await requireFormAgreed(sc.ctx.trx, ticket.id);
  const recorded = { ...data };
  if (machine.followUp !== null && to === machine.followUp && derived.status !== to) {
    const { followUpDays } = await loadTicketSettings(sc.ctx.trx, ticket.storeId);
    recorded.followUpDue = sc.cal.addWorkingDays(sc.now, followUpDays);
  }
  if (routesToManager(ticket.type, action)) recorded.route = await managerRoute(sc.ctx.trx);
  // Not reached: try again on the next working day.
  if (action === 'follow_up_unreached') recorded.followUpDue = sc.cal.addWorkingDays(sc.now, 1);
  const event = await appendEvent(sc.ctx, {
    ticketId: ticket.id,
    action,
    fromStatus: derived.status,
    toStatus: to,
    note,
    data: recorded,
  });
  if (signing && signed) {
    const id = await insertSignature(
      sc.ctx,
      ticket.id,
      event.id,
      signing.step.signerName,
      signing.step.signature,
      signed,
    );
    // Appended after the step, so the timeline shows the signature right under the completion.
    await appendEvent(sc.ctx, {
      ticketId: ticket.id,
      action: 'sign',
      fromStatus: null,
      toStatus: null,
      data: { signatureId: id, formHash: signed.hash, signerName: signing.step.signerName },
    });
  }
  const after = await refreshTicket(sc.ctx, ticket.id, sc.cal, sc.now);
  // A step answered ok must have done what its machine says. Events fold in stamp order, so one
  // stamped before an event already on the ticket (a step recorded on a PC whose clock ran ahead
  // of this one) would be skipped by the fold: refuse it, and the call's rollback writes nothing.
  if (after.derived.flagged.includes(event.id) || after.derived.status !== to)
    throw new DeskFailure('conflict', 'ticket_step_behind_clock');
  await messageOnStep(sc.ctx, {
    ticketId: ticket.id,
    type: ticket.type,
    action,
    fromStatus: derived.status,
    toStatus: to,
    data: recorded,
    location: locationOf(ticket),
    followUpState: machine.followUp,
    nowMs: sc.now,
  });
  return after;
}

/** The service form rebuilt from the ticket as it stands, as the customer saw it when signing. */
async function checkSignedForm(sc: StepContext, fold: TicketFold, { step }: Signing): Promise<SignedForm> {
  const detail = await loadTicketDetail(sc.ctx.trx, fold.ticket.id, sc.actor, sc.cal, sc.now);
  if (!detail?.serviceFormSource) throw new DeskFailure('validation', 'ticket_step_invalid');
  return verifySignedForm(
    detail.serviceFormSource,
    { workDone: step.workDone, result: step.result, signerName: step.signerName },
    step.formHash,
  );
}

export async function takeStep(sc: StepContext, fold: TicketFold, step: StepParsed): Promise<TicketFold> {
  const data = await stepData(sc, fold, step);
  return applyAction(sc, fold, step.action, data, step.note, step.action === 'complete' ? { step } : undefined);
}

export function stepContext(ctx: HandlerContext, cal: StoreCalendar, now: number): StepContext {
  return { ctx, actor: requireActor(ctx), cal, now };
}
