/**
 * The payment ledger: deposits, payments and refunds, append-only. Recorded, not processed: the
 * money changes hands at the counter (cash, a WeChat Pay or Alipay scan, a card terminal, the
 * customer's account) and this records what, how and by whom.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { newId } from '../ids';
import type { DB } from '../schema';
import { appendRecorded, type TxContext } from '../sync/change-log';
import { requireStore } from '../tickets/settings';
import { MAX_PAYMENTS_PER_TICKET } from './contract';
import type { PaymentKind, PaymentMethod, PaymentRow } from './tables';

export type NewPayment = Readonly<{
  ticketId: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountFen: number;
  refundOf?: string | null;
  reason: string;
}>;

/** This PC as its payments name it: the store code and counter number, as in its ticket numbers. */
export async function thisDevice(db: Kysely<DB>): Promise<string> {
  const store = await requireStore(db);
  return `${store.code}-${store.counterNo}`;
}

export async function appendPayment(tx: TxContext, payment: NewPayment): Promise<PaymentRow> {
  const { count } = await tx.trx
    .selectFrom('payment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ticketId', '=', payment.ticketId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_PAYMENTS_PER_TICKET)
    throw new DeskFailure('conflict', 'charge_too_many_payments', 'ticketId');
  const row: PaymentRow = {
    id: newId(),
    ticketId: payment.ticketId,
    kind: payment.kind,
    method: payment.method,
    amountFen: payment.amountFen,
    refundOf: payment.refundOf ?? null,
    reason: payment.reason,
    takenBy: tx.staffId,
    deviceId: await thisDevice(tx.trx),
    takenAt: tx.nowIso,
    hlc: tx.stamp(),
  };
  await appendRecorded(tx, 'payment', 'payment', row);
  return row;
}

export async function findPayment(db: Kysely<DB>, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Σ of the refunds of one payment so far (every PC's, as far as this PC has seen them). */
export async function refundedFen(db: Kysely<DB>, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom('payment')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountFen'), eb.lit(0)).as('total'))
    .where('refundOf', '=', paymentId)
    .where('kind', '=', 'refund')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
