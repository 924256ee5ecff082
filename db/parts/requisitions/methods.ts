/** Handlers for the requisition form: request, sign (approve or reject), issue, return. */
import { chargePartsUsed } from '../../charges/part-lines';
import { landing, takeStep, type DocumentStep } from '../../document-machine';
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../../handler';
import { findPartRow } from '../catalogue/queries';
import { resolveLocation } from '../ledger/locations';
import { appendMovement, onHandAt } from '../ledger/movements';
import { nextNumber } from '../numbers';
import type { RequisitionLineRow, RequisitionRow, RequisitionStatus } from '../tables';
import type {
  RequisitionView,
  requisitionListSchema,
  RequisitionSummary,
  requisitionGetSchema,
  ticketLookupSchema,
  TicketRef,
  requisitionCreateSchema,
  requisitionApproveSchema,
  requisitionRejectSchema,
  requisitionCancelSchema,
  requisitionIssueSchema,
  IssueResult,
  requisitionReturnSchema,
  ticketPartsSchema,
  TicketParts,
} from './contract';
import { requisitionMachine, type RequisitionAction } from './machine';
import {
  appendRequisitionEvent,
  findRequisitionRow,
  insertRequisition,
  issueStatus,
  lineFigures,
  listRequisitions,
  loadRequisitionView,
  loadTicketParts,
  requisitionLineRows,
  signLine,
  type LineSignature,
  updateRequisition,
} from './queries';
import { assertTicketTakesParts, findTicketRef, findTicketRefByNumber } from './tickets';

async function viewOrFail(ctx: HandlerContext, id: string): Promise<RequisitionView> {
  const view = await loadRequisitionView(ctx.trx, id);
  if (!view) throw new DeskFailure('not_found', 'not_found');
  return view;
}

async function requisitionOrFail(ctx: HandlerContext, id: string): Promise<RequisitionRow> {
  const row = await findRequisitionRow(ctx.trx, id);
  if (!row) throw new DeskFailure('not_found', 'not_found', 'requisitionId');
  return row;
}

/** The form's lines named by the input, in input order; an id not on this form is an error. */
function linesNamed(
  all: ReadonlyArray<RequisitionLineRow>,
  wanted: ReadonlyArray<{ lineId: string }>,
): RequisitionLineRow[] {
  return wanted.map((want, index) => {
    const line = all.find((l) => l.id === want.lineId);
    if (!line) throw new DeskFailure('not_found', 'line_unknown', `lines.${index}.lineId`);
    return line;
  });
}

export const partsRequisitions: Handler<
  typeof requisitionListSchema,
  { items: ReadonlyArray<RequisitionSummary> }
> = async (ctx, input) => ({
  items: await listRequisitions(ctx.trx, {
    filter: input.filter,
    ticketId: input.ticketId,
    requestedBy: input.mine ? requireActor(ctx).staffId : undefined,
    limit: input.limit,
  }),
});

export const partsRequisition: Handler<typeof requisitionGetSchema, RequisitionView> = async (ctx, input) =>
  viewOrFail(ctx, input.id);

export const partsTicketLookup: Handler<typeof ticketLookupSchema, TicketRef> = async (ctx, input) => {
  const ticket = await findTicketRefByNumber(ctx.trx, input.number);
  if (!ticket) throw new DeskFailure('not_found', 'ticket_unknown', 'number');
  assertTicketTakesParts(ticket, 'number');
  return ticket;
};

export const partsRequisitionCreate: Handler<typeof requisitionCreateSchema, RequisitionView> = async (ctx, input) => {
  const ticket = await findTicketRef(ctx.trx, input.ticketId);
  if (!ticket) throw new DeskFailure('not_found', 'ticket_unknown', 'ticketId');
  assertTicketTakesParts(ticket);
  for (const [index, line] of input.lines.entries()) {
    const part = await findPartRow(ctx.trx, line.partId);
    if (!part) throw new DeskFailure('not_found', 'not_found', `lines.${index}.partId`);
    if (part.retiredAt !== null) throw new DeskFailure('validation', 'part_retired', `lines.${index}.partId`);
  }
  const location = await resolveLocation(ctx, input.locationId);
  const id = await insertRequisition(
    ctx,
    { number: await nextNumber(ctx, 'R'), ticketId: ticket.id, locationId: location.id, note: input.note },
    input.lines,
  );
  return viewOrFail(ctx, id);
};

/** The form's machine (machine.ts) says whether this person may take the action from its status now. */
function stepOn(
  ctx: HandlerContext,
  requisition: RequisitionRow,
  action: RequisitionAction,
): DocumentStep<RequisitionStatus> {
  return takeStep(
    requisitionMachine,
    { status: requisition.status, openedBy: requisition.requestedBy },
    action,
    ctx.actor,
  );
}

/** Each line's decision from the lead's input: left out is approved in full, fewer needs a reason. */
function decideLines(
  lines: ReadonlyArray<RequisitionLineRow>,
  input: ReadonlyArray<{ lineId: string; approvedQty: number; reason: string }>,
): Map<string, LineSignature> {
  const decided = new Map<string, LineSignature>(
    lines.map((line) => [line.id, { approvedQty: line.requestedQty, decision: 'approved', decisionReason: '' }]),
  );
  linesNamed(lines, input).forEach((line, index) => {
    const { approvedQty, reason } = input[index]!;
    if (approvedQty > line.requestedQty)
      throw new DeskFailure('validation', 'approve_over_request', `lines.${index}.approvedQty`);
    if (approvedQty === line.requestedQty) return;
    const decision = approvedQty === 0 ? 'rejected' : 'reduced';
    if (reason === '') throw new DeskFailure('validation', `line_${decision}_reason_required`, `lines.${index}.reason`);
    decided.set(line.id, { approvedQty, decision, decisionReason: reason });
  });
  return decided;
}

/** What the event log keeps of a signature: every line with what was asked and what the lead said. */
function signatureDetail(lines: ReadonlyArray<RequisitionLineRow>, decided: Map<string, LineSignature>) {
  return {
    lines: lines.map((line) => ({
      lineId: line.id,
      partId: line.partId,
      requestedQty: line.requestedQty,
      ...decided.get(line.id)!,
    })),
  };
}

async function sign(
  ctx: HandlerContext,
  requisition: RequisitionRow,
  step: DocumentStep<RequisitionStatus>,
  lines: ReadonlyArray<RequisitionLineRow>,
  decided: Map<string, LineSignature>,
): Promise<void> {
  for (const line of lines) await signLine(ctx, line, decided.get(line.id)!);
  const signatures = [...decided.values()];
  // Every line rejected rejects the form; any line approved, in full or reduced, approves it.
  const status = signatures.every((d) => d.decision === 'rejected') ? 'rejected' : 'approved';
  const reasons = [...new Set(signatures.map((d) => d.decisionReason).filter((r) => r !== ''))];
  await updateRequisition(ctx, requisition, {
    status: landing(step, requisition.status, status),
    decidedBy: ctx.staffId,
    decidedAt: ctx.nowIso,
    rejectReason: status === 'rejected' ? reasons.join('; ') : '',
  });
  const reason = status === 'rejected' ? reasons.join('; ') : '';
  await appendRequisitionEvent(ctx, requisition.id, status, reason, signatureDetail(lines, decided));
}

export const partsRequisitionApprove: Handler<typeof requisitionApproveSchema, RequisitionView> = async (
  ctx,
  input,
) => {
  const requisition = await requisitionOrFail(ctx, input.requisitionId);
  const step = stepOn(ctx, requisition, 'approve');
  const lines = await requisitionLineRows(ctx.trx, requisition.id);
  await sign(ctx, requisition, step, lines, decideLines(lines, input.lines));
  return viewOrFail(ctx, requisition.id);
};

/** The whole form refused: every line rejected with the one reason. */
export const partsRequisitionReject: Handler<typeof requisitionRejectSchema, RequisitionView> = async (ctx, input) => {
  const requisition = await requisitionOrFail(ctx, input.requisitionId);
  const step = stepOn(ctx, requisition, 'reject');
  const lines = await requisitionLineRows(ctx.trx, requisition.id);
  const decided = new Map<string, LineSignature>(
    lines.map((line) => [line.id, { approvedQty: 0, decision: 'rejected', decisionReason: input.reason }]),
  );
  await sign(ctx, requisition, step, lines, decided);
  return viewOrFail(ctx, requisition.id);
};

export const partsRequisitionCancel: Handler<typeof requisitionCancelSchema, RequisitionView> = async (ctx, input) => {
  requireActor(ctx);
  const requisition = await requisitionOrFail(ctx, input.requisitionId);
  const step = stepOn(ctx, requisition, 'cancel');
  // Once anything left the shelf the form stays open for returns against it (the ledger needs the
  // document), even when the status, merged from another PC, still says approved.
  const figures = await lineFigures(ctx.trx, requisition.id);
  if ([...figures.values()].some((f) => f.issued > 0))
    throw new DeskFailure('conflict', 'requisition_cancel_issued', 'requisitionId');
  await updateRequisition(ctx, requisition, { status: landing(step, requisition.status) });
  await appendRequisitionEvent(ctx, requisition.id, 'cancelled', input.reason, { from: requisition.status });
  return viewOrFail(ctx, requisition.id);
};

export const partsRequisitionIssue: Handler<typeof requisitionIssueSchema, IssueResult> = async (ctx, input) => {
  const requisition = await requisitionOrFail(ctx, input.requisitionId);
  const step = stepOn(ctx, requisition, 'issue');
  const lines = await requisitionLineRows(ctx.trx, requisition.id);
  const figures = await lineFigures(ctx.trx, requisition.id);
  const named = linesNamed(lines, input.lines);
  named.forEach((line, index) => {
    const outstanding = (line.approvedQty ?? 0) - (figures.get(line.id)?.issued ?? 0);
    if (input.lines[index]!.qty > outstanding) throw new DeskFailure('validation', 'over_issue', `lines.${index}.qty`);
  });
  const wentNegative: Array<{ partNo: string; onHand: number }> = [];
  for (const [index, line] of named.entries()) {
    const qty = input.lines[index]!.qty;
    const part = await findPartRow(ctx.trx, line.partId);
    const before = await onHandAt(ctx.trx, line.partId, requisition.locationId);
    await appendMovement(ctx, {
      partId: line.partId,
      locationId: requisition.locationId,
      kind: 'issue',
      qty: -qty,
      unitCostFen: part?.costFen ?? null,
      reason: requisition.number,
      docType: 'requisition',
      docId: requisition.id,
      docLineId: line.id,
    });
    // Two PCs may issue the last unit offline: the counter is never blocked, the lead is told.
    if (before - qty < 0) wentNegative.push({ partNo: part?.partNo ?? line.partId, onHand: before - qty });
  }
  await updateRequisition(ctx, requisition, {
    status: landing(step, requisition.status, issueStatus(lines, await lineFigures(ctx.trx, requisition.id))),
  });
  // The parts go on the ticket's charges at today's price, in the same transaction (db/charges/part-lines.ts).
  await chargePartsUsed(ctx, requisition.ticketId, requisition.number);
  await appendRequisitionEvent(ctx, requisition.id, 'issued', '', { lines: input.lines });
  return { requisition: await viewOrFail(ctx, requisition.id), wentNegative };
};

export const partsRequisitionReturn: Handler<typeof requisitionReturnSchema, RequisitionView> = async (ctx, input) => {
  const requisition = await requisitionOrFail(ctx, input.requisitionId);
  const lines = await requisitionLineRows(ctx.trx, requisition.id);
  const figures = await lineFigures(ctx.trx, requisition.id);
  const named = linesNamed(lines, input.lines);
  named.forEach((line, index) => {
    const held = (figures.get(line.id)?.issued ?? 0) - (figures.get(line.id)?.returned ?? 0);
    if (input.lines[index]!.qty > held) throw new DeskFailure('validation', 'over_return', `lines.${index}.qty`);
  });
  for (const [index, line] of named.entries()) {
    const part = await findPartRow(ctx.trx, line.partId);
    await appendMovement(ctx, {
      partId: line.partId,
      locationId: requisition.locationId,
      kind: 'return_from_job',
      qty: input.lines[index]!.qty,
      unitCostFen: part?.costFen ?? null,
      reason: input.reason,
      docType: 'requisition',
      docId: requisition.id,
      docLineId: line.id,
    });
  }
  await chargePartsUsed(ctx, requisition.ticketId, input.reason);
  await appendRequisitionEvent(ctx, requisition.id, 'returned', input.reason, { lines: input.lines });
  return viewOrFail(ctx, requisition.id);
};

export const partsForTicket: Handler<typeof ticketPartsSchema, TicketParts> = async (ctx, input) =>
  loadTicketParts(ctx.trx, input.ticketId);
