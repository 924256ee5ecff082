/**
 * The charges area of the desk API: what a ticket is charged, what was paid, and the day's takings.
 * Money is integer fen; a typed amount in yuan becomes fen in the form, never a float in storage.
 * Messages are keys from db/charges/messages.ts. No Node imports: the renderer imports it through db/api.ts.
 */
import { z } from 'zod';
import { calendarDate, textInput } from '../fields';
import type { ChargeSummary } from './summary';
import { PAYMENT_METHODS, type ChargeLineKind, type PaymentKind, type PaymentMethod } from './tables';

export { PAYMENT_METHODS };
export type { ChargeLineKind, PaymentKind, PaymentMethod };

/** ¥10,000,000.00: no single line or payment at a service counter comes near it; extra zeros are caught. */
export const MAX_CHARGE_FEN = 1_000_000_000;
/** Hours or units of labour on one line. */
export const MAX_LABOUR_QTY = 999;
/** A ticket's lines and payments each: a service job has a handful; the cap keeps every read bounded. */
export const MAX_LINES_PER_TICKET = 200;
export const MAX_PAYMENTS_PER_TICKET = 200;

const idSchema = z.uuid({ error: 'invalid_value' });

/** Whole fen from 1 fen up to the cap: a float (12.5 fen) or a negative amount is refused by name. */
const positiveFen = z
  .number({ error: 'charge_amount_invalid' })
  .int('charge_amount_invalid')
  .min(1, 'charge_amount_positive')
  .max(MAX_CHARGE_FEN, 'charge_amount_too_large');

const priceFen = z
  .number({ error: 'charge_amount_invalid' })
  .int('charge_amount_invalid')
  .min(0, 'charge_amount_invalid')
  .max(MAX_CHARGE_FEN, 'charge_amount_too_large');

const reasonSchema = textInput({ error: 'charge_reason_required' })
  .trim()
  .min(1, 'charge_reason_required')
  .max(200, 'too_long');

export const ticketChargesSchema = z.object({ ticketId: idSchema });

export const addLabourSchema = z.object({
  ticketId: idSchema,
  description: textInput({ error: 'charge_description_required' })
    .trim()
    .min(1, 'charge_description_required')
    .max(200, 'too_long'),
  quantity: z
    .number({ error: 'charge_qty_invalid' })
    .int('charge_qty_invalid')
    .min(1, 'charge_qty_invalid')
    .max(MAX_LABOUR_QTY, 'charge_qty_invalid'),
  unitPriceFen: priceFen,
  /** Under warranty: shown at its price, charged at zero. */
  covered: z.boolean().default(false),
});
export type AddLabourInput = z.input<typeof addLabourSchema>;

export const addDiscountSchema = z.object({ ticketId: idSchema, amountFen: positiveFen, reason: reasonSchema });
export type AddDiscountInput = z.input<typeof addDiscountSchema>;

export const voidLineSchema = z.object({ lineId: idSchema, reason: reasonSchema });
export type VoidLineInput = z.input<typeof voidLineSchema>;

export const takePaymentSchema = z.object({
  ticketId: idSchema,
  kind: z.enum(['deposit', 'payment'], { error: 'invalid_value' }),
  method: z.enum(PAYMENT_METHODS, { error: 'charge_method_invalid' }),
  amountFen: positiveFen,
  note: textInput().trim().max(200, 'too_long').default(''),
});
export type TakePaymentInput = z.input<typeof takePaymentSchema>;

export const refundSchema = z.object({ paymentId: idSchema, amountFen: positiveFen, reason: reasonSchema });
export type RefundInput = z.input<typeof refundSchema>;

export const takingsSchema = z.object({ date: calendarDate('date_format') });
export type TakingsInput = z.input<typeof takingsSchema>;

/** A payment as the ticket's Charges panel lists it: who took it where, and what is still refundable. */
export type PaymentView = Readonly<{
  id: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountFen: number;
  refundOf: string | null;
  reason: string;
  takenAt: string;
  takenByName: string | null;
  deviceId: string;
  /** A deposit or payment less its refunds so far; 0 for a refund. */
  refundableFen: number;
}>;

export type ChargeLineView = Readonly<{
  id: string;
  kind: ChargeLineKind;
  description: string;
  quantity: number;
  unitPriceFen: number;
  covered: boolean;
  amountFen: number;
  reason: string;
  createdAt: string;
  createdByName: string | null;
}>;

/** `charges.summary`: the shared summary plus what the panel shows around it. */
export type TicketCharges = ChargeSummary &
  Readonly<{
    ticketId: string;
    ticketNumber: string;
    /** What the customer still owes; 0 when paid up or owed back. */
    balanceDueFen: number;
    /** Whether the job is under warranty (三包): new labour lines default to covered. */
    underWarranty: boolean;
    lineViews: ReadonlyArray<ChargeLineView>;
    paymentViews: ReadonlyArray<PaymentView>;
  }>;

export type TakingsByMethod = Readonly<Record<PaymentMethod, number>>;

/** Money in and out for one group (the store, a counter PC or a staff member). */
export type TakingsTotals = Readonly<{
  /** Deposits and payments per method, less refunds per method. */
  byMethod: TakingsByMethod;
  receivedFen: number;
  refundedFen: number;
  netFen: number;
  count: number;
}>;

export type TakingsPayment = Readonly<{
  id: string;
  takenAt: string;
  ticketNumber: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountFen: number;
  deviceId: string;
  takenByName: string | null;
}>;

/** `charges.takings`: one local day of the store, for the shift hand-over. */
export type Takings = Readonly<{
  date: string;
  timeZone: string;
  storeName: string;
  storeCode: string;
  /** This PC, as its payments name it (`S012-2`). */
  thisDevice: string;
  total: TakingsTotals;
  byDevice: ReadonlyArray<TakingsTotals & { deviceId: string }>;
  byStaff: ReadonlyArray<TakingsTotals & { staffId: string | null; name: string | null }>;
  /** The day's payments in time order, at most MAX_TAKINGS_LISTED (the totals count them all). */
  payments: ReadonlyArray<TakingsPayment>;
  more: boolean;
  printedAt: string;
}>;

export const MAX_TAKINGS_LISTED = 500;
