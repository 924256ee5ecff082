/** `charges.summary`: the shared summary of a ticket's money, with the names and limits the panel shows. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { staffNames } from '../print/store-header';
import type { ChargeLineView, PaymentView, TicketCharges } from './contract';
import { loadChargeSummary } from './summary';
import type { ChargedTicket } from './ticket';

export async function loadTicketCharges(db: Kysely<DB>, ticket: ChargedTicket): Promise<TicketCharges> {
  const summary = await loadChargeSummary(db, ticket.id);
  const lineRows = await db
    .selectFrom('chargeLine')
    .select(['id', 'createdAt', 'createdBy'])
    .where('ticketId', '=', ticket.id)
    .where('voidedAt', 'is', null)
    .execute();
  const paymentRows = await db
    .selectFrom('payment')
    .select(['id', 'takenBy', 'deviceId'])
    .where('ticketId', '=', ticket.id)
    .execute();
  const lineExtra = new Map(lineRows.map((row) => [row.id, row]));
  const paymentExtra = new Map(paymentRows.map((row) => [row.id, row]));
  const names = await staffNames(db, [...lineRows.map((r) => r.createdBy), ...paymentRows.map((r) => r.takenBy)]);
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);

  const refunded = new Map<string, number>();
  for (const p of summary.payments)
    if (p.kind === 'refund' && p.refundOf) refunded.set(p.refundOf, (refunded.get(p.refundOf) ?? 0) + p.amountFen);

  const lineViews: ChargeLineView[] = summary.lines.map((line) => ({
    id: line.id,
    kind: line.kind,
    description: line.description,
    quantity: line.quantity,
    unitPriceFen: line.unitPriceFen,
    covered: line.covered,
    amountFen: line.amountFen,
    reason: line.reason,
    createdAt: lineExtra.get(line.id)?.createdAt ?? '',
    createdByName: nameOf(lineExtra.get(line.id)?.createdBy),
  }));
  const paymentViews: PaymentView[] = summary.payments.map((p) => ({
    ...p,
    takenByName: nameOf(paymentExtra.get(p.id)?.takenBy),
    deviceId: paymentExtra.get(p.id)?.deviceId ?? '',
    // Two PCs may each refund the same payment offline: what is left never shows below zero.
    refundableFen: p.kind === 'refund' ? 0 : Math.max(0, p.amountFen - (refunded.get(p.id) ?? 0)),
  }));
  return {
    ...summary,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    balanceDueFen: Math.max(0, summary.balanceFen),
    underWarranty: ticket.underWarranty,
    lineViews,
    paymentViews,
  };
}
