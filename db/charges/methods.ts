/**
 * Charges and payments' desk methods (`chargesMethods` at the end) and their handlers. Who may do
 * what is checked by the dispatcher from each line's `access`; the money rules (never below zero,
 * never refund more than was paid) are checked here, inside the call's transaction.
 */
import { DeskFailure, type Handler, areaMethods, method, requireActor } from '../handler';
import {
  addDiscountSchema,
  addLabourSchema,
  refundSchema,
  takePaymentSchema,
  takingsSchema,
  ticketChargesSchema,
  voidLineSchema,
  type Takings,
  type TicketCharges,
} from './contract';
import { findLine, insertLine, markVoided, standingChargesFen } from './lines';
import { appendPayment, findPayment, refundedFen } from './payments';
import { loadChargeSummary } from './summary';
import { loadTakings } from './takings';
import { chargedTicketOrFail } from './ticket';
import { loadTicketCharges } from './view';

export const chargesSummary: Handler<typeof ticketChargesSchema, TicketCharges> = async (ctx, input) =>
  loadTicketCharges(ctx.trx, await chargedTicketOrFail(ctx.trx, input.ticketId));

export const chargesAddLabour: Handler<typeof addLabourSchema, TicketCharges> = async (ctx, input) => {
  requireActor(ctx);
  const ticket = await chargedTicketOrFail(ctx.trx, input.ticketId);
  await insertLine(ctx, {
    ticketId: ticket.id,
    kind: 'labour',
    description: input.description,
    quantity: input.quantity,
    unitPriceFen: input.unitPriceFen,
    covered: input.covered,
  });
  return loadTicketCharges(ctx.trx, ticket);
};

export const chargesAddDiscount: Handler<typeof addDiscountSchema, TicketCharges> = async (ctx, input) => {
  requireActor(ctx);
  const ticket = await chargedTicketOrFail(ctx.trx, input.ticketId);
  if ((await standingChargesFen(ctx.trx, ticket.id)) - input.amountFen < 0)
    throw new DeskFailure('validation', 'charge_discount_below_zero', 'amountFen');
  await insertLine(ctx, {
    ticketId: ticket.id,
    kind: 'discount',
    description: input.reason,
    quantity: 1,
    unitPriceFen: input.amountFen,
    covered: false,
    reason: input.reason,
  });
  return loadTicketCharges(ctx.trx, ticket);
};

export const chargesVoidLine: Handler<typeof voidLineSchema, TicketCharges> = async (ctx, input) => {
  requireActor(ctx);
  const line = await findLine(ctx.trx, input.lineId);
  if (!line) throw new DeskFailure('not_found', 'not_found', 'lineId');
  const ticket = await chargedTicketOrFail(ctx.trx, line.ticketId, 'lineId');
  if (line.kind === 'part') throw new DeskFailure('conflict', 'charge_part_line', 'lineId');
  if (line.voidedAt !== null) throw new DeskFailure('conflict', 'charge_line_voided', 'lineId');
  if (line.amountFen > 0 && (await standingChargesFen(ctx.trx, ticket.id)) - line.amountFen < 0)
    throw new DeskFailure('conflict', 'charge_void_below_zero', 'lineId');
  await markVoided(ctx, line, input.reason);
  return loadTicketCharges(ctx.trx, ticket);
};

export const chargesTake: Handler<typeof takePaymentSchema, TicketCharges> = async (ctx, input) => {
  requireActor(ctx);
  const ticket = await chargedTicketOrFail(ctx.trx, input.ticketId);
  if (input.kind === 'payment') {
    // A payment settles what is due; money beyond it is a deposit, said as such.
    const { balanceFen } = await loadChargeSummary(ctx.trx, ticket.id);
    if (input.amountFen > balanceFen) throw new DeskFailure('validation', 'charge_payment_over_balance', 'amountFen');
  }
  await appendPayment(ctx, {
    ticketId: ticket.id,
    kind: input.kind,
    method: input.method,
    amountFen: input.amountFen,
    reason: input.note,
  });
  return loadTicketCharges(ctx.trx, ticket);
};

export const chargesRefund: Handler<typeof refundSchema, TicketCharges> = async (ctx, input) => {
  requireActor(ctx);
  const payment = await findPayment(ctx.trx, input.paymentId);
  if (!payment) throw new DeskFailure('not_found', 'not_found', 'paymentId');
  if (payment.kind === 'refund') throw new DeskFailure('validation', 'charge_refund_of_refund', 'paymentId');
  const ticket = await chargedTicketOrFail(ctx.trx, payment.ticketId, 'paymentId');
  if (input.amountFen > payment.amountFen - (await refundedFen(ctx.trx, payment.id)))
    throw new DeskFailure('validation', 'charge_refund_over_paid', 'amountFen');
  // Money goes back the way it came.
  await appendPayment(ctx, {
    ticketId: ticket.id,
    kind: 'refund',
    method: payment.method,
    amountFen: input.amountFen,
    refundOf: payment.id,
    reason: input.reason,
  });
  return loadTicketCharges(ctx.trx, ticket);
};

export const chargesTakings: Handler<typeof takingsSchema, Takings> = async (ctx, input) =>
  loadTakings(ctx.trx, input.date, ctx.nowIso);

/** Charges and payments on repair and after-sales tickets, and the day's takings. */
// prettier-ignore
export const chargesMethods = areaMethods('charges', {
  /** A ticket's charge lines, payments, totals and balance due. */
  'charges.summary': method(ticketChargesSchema, { access: 'tickets.read', mutates: false }, chargesSummary),
  /** Add a labour line (description, quantity, unit price; covered under warranty at zero). */
  'charges.addLabour': method(addLabourSchema, { access: 'charges.take', mutates: true }, chargesAddLabour),
  /** Give a discount with a reason: a negative line; the total never goes below zero. */
  'charges.addDiscount': method(addDiscountSchema, { access: 'charges.discount', mutates: true }, chargesAddDiscount),
  /** Void a labour or discount line with a reason (part lines follow the parts ledger). */
  'charges.voidLine': method(voidLineSchema, { access: 'charges.take', mutates: true }, chargesVoidLine),
  /** Record a deposit or a payment by method (recorded, not processed); a payment never exceeds the balance due. */
  'charges.take': method(takePaymentSchema, { access: 'charges.take', mutates: true }, chargesTake),
  /** Refund (part of) a payment with a reason, the same way it was paid; never more than is left of it. */
  'charges.refund': method(refundSchema, { access: 'charges.refund', mutates: true }, chargesRefund),
  /** One local day's takings per method, per counter PC and per staff member, for the shift hand-over. */
  'charges.takings': method(takingsSchema, { access: 'charges.take', mutates: false }, chargesTakings),
});
