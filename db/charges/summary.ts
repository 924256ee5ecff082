/**
 * A ticket's charges and payments folded into what the customer owes (docs/architecture/charges.md).
 * Money is integer fen everywhere: every sum here is of integers, so no rounding ever happens.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { ChargeLineKind, PaymentKind, PaymentMethod } from './tables';

export type { ChargeLineKind, PaymentKind, PaymentMethod } from './tables';

export type ChargeSummaryLine = Readonly<{
  id: string;
  kind: ChargeLineKind;
  description: string;
  partId: string | null;
  quantity: number;
  unitPriceFen: number;
  covered: boolean;
  amountFen: number;
  reason: string;
}>;

export type ChargeSummaryPayment = Readonly<{
  id: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountFen: number;
  refundOf: string | null;
  reason: string;
  takenAt: string;
}>;

export type ChargeSummary = Readonly<{
  /** Not voided, in created order. */
  lines: ReadonlyArray<ChargeSummaryLine>;
  /** In taken order. */
  payments: ReadonlyArray<ChargeSummaryPayment>;
  /** Σ amount of the lines: after discounts, covered lines at 0. */
  chargesFen: number;
  /** Σ quantity × unit price of the covered lines: what the warranty pays. */
  coveredFen: number;
  /** Σ deposits and payments − refunds. */
  paidFen: number;
  /** chargesFen − paidFen; negative: owed back to the customer. */
  balanceFen: number;
}>;

/** The fold itself, over rows already read: pure, so the arithmetic is tested on its own. */
export function summarizeCharges(
  lines: ReadonlyArray<ChargeSummaryLine>,
  payments: ReadonlyArray<ChargeSummaryPayment>,
): ChargeSummary {
  let chargesFen = 0;
  let coveredFen = 0;
  for (const line of lines) {
    chargesFen += line.amountFen;
    if (line.covered) coveredFen += line.quantity * line.unitPriceFen;
  }
  let paidFen = 0;
  for (const payment of payments) paidFen += payment.kind === 'refund' ? -payment.amountFen : payment.amountFen;
  return { lines, payments, chargesFen, coveredFen, paidFen, balanceFen: chargesFen - paidFen };
}

export async function loadChargeSummary(db: Kysely<DB>, ticketId: string): Promise<ChargeSummary> {
  const lineRows = await db
    .selectFrom('chargeLine')
    .select(['id', 'kind', 'description', 'partId', 'quantity', 'unitPriceFen', 'covered', 'amountFen', 'reason'])
    .where('ticketId', '=', ticketId)
    .where('voidedAt', 'is', null)
    // Two PCs may add lines in the same millisecond: the stamp settles the order the same way everywhere.
    .orderBy('createdAt')
    .orderBy('hlc')
    .execute();
  const paymentRows = await db
    .selectFrom('payment')
    .select(['id', 'kind', 'method', 'amountFen', 'refundOf', 'reason', 'takenAt'])
    .where('ticketId', '=', ticketId)
    .orderBy('takenAt')
    .orderBy('hlc')
    .execute();
  return summarizeCharges(
    lineRows.map((row) => ({ ...row, covered: row.covered === 1 })),
    paymentRows,
  );
}
