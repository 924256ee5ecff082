/**
 * Handlers for the customer's signature after completion: the customer signs the service form as
 * the ticket now stands (after a part was returned, a payment taken…), or a lead records why a
 * changed form stands without one. Either lets the repair be closed again (signature-check.ts).
 */
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../handler';
import type { acceptFormChangeSchema, signAgainSchema } from './contract-signatures';
import { loadTicketDetail, ticketVersion } from './detail';
import { appendEvent, foldTicket, type TicketFold } from './events';
import { DESK, REPAIR_LEADS } from './machines/roles';
import { machineOf } from './machines/index';
import { deskNow } from './now';
import { currentCompletion } from './service-form-source';
import { loadCalendar } from './settings';
import { checkSignatures } from './signature-check';
import { insertSignature, verifySignedForm } from './signatures';
import { isFinal } from './steps';
import type { TicketDetail } from './views';

/** An open repair the caller saw at `version`. */
async function openRepair(ctx: HandlerContext, ticketId: string, version: string): Promise<TicketFold> {
  const fold = await foldTicket(ctx.trx, ticketId);
  if (!fold) throw new DeskFailure('not_found', 'not_found');
  if (ticketVersion(fold.ticket) !== version) throw new DeskFailure('conflict', 'ticket_stale');
  if (fold.ticket.type !== 'repair') throw new DeskFailure('validation', 'ticket_step_invalid');
  if (isFinal(machineOf('repair'), fold.derived.status)) throw new DeskFailure('validation', 'ticket_final');
  return fold;
}

async function detailOf(ctx: HandlerContext, ticketId: string): Promise<TicketDetail> {
  const cal = await loadCalendar(ctx.trx);
  const detail = await loadTicketDetail(ctx.trx, ticketId, requireActor(ctx), cal, deskNow(ctx));
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

export const ticketsSignAgain: Handler<typeof signAgainSchema, TicketDetail> = async (ctx, input) => {
  const actor = requireActor(ctx);
  const fold = await openRepair(ctx, input.ticketId, input.version);
  // Who completes a repair or closes it with the customer: the desk, the repair leads, its technician.
  const mayAsk = [...DESK, ...REPAIR_LEADS].includes(actor.role) || fold.derived.assigneeId === actor.staffId;
  if (!mayAsk) throw new DeskFailure('permission_denied', 'permission_denied');
  const completed = [...fold.events].reverse().find((event) => event.action === 'complete');
  if (!completed) throw new DeskFailure('validation', 'signed_form_none');
  // The form as this caller was shown it (the address only where they may see it), as on completion.
  const detail = await detailOf(ctx, input.ticketId);
  if (!detail.serviceFormSource) throw new DeskFailure('validation', 'ticket_step_invalid');
  const signed = verifySignedForm(
    detail.serviceFormSource,
    currentCompletion(fold.events, input.signerName),
    input.formHash,
  );
  const signatureId = await insertSignature(
    ctx,
    fold.ticket.id,
    completed.id,
    input.signerName,
    input.signature,
    signed,
  );
  await appendEvent(ctx, {
    ticketId: fold.ticket.id,
    action: 'sign',
    fromStatus: null,
    toStatus: null,
    data: { signatureId, formHash: signed.hash, signerName: input.signerName, again: true },
  });
  return detailOf(ctx, input.ticketId);
};

export const ticketsAcceptFormChange: Handler<typeof acceptFormChangeSchema, TicketDetail> = async (ctx, input) => {
  const fold = await openRepair(ctx, input.ticketId, input.version);
  const { agreement } = await checkSignatures(ctx.trx, fold.ticket.id);
  if (!agreement) throw new DeskFailure('validation', 'signed_form_none');
  if (agreement.state === 'matches') throw new DeskFailure('validation', 'signed_form_unchanged');
  // What the lead was shown is what they accept: changed again since, they must look again.
  if (agreement.currentHash !== input.currentHash) throw new DeskFailure('conflict', 'ticket_stale');
  await appendEvent(ctx, {
    ticketId: fold.ticket.id,
    action: 'accept_form_change',
    fromStatus: null,
    toStatus: null,
    note: input.reason,
    data: { signatureId: agreement.signatureId, currentHash: agreement.currentHash },
  });
  return detailOf(ctx, input.ticketId);
};
