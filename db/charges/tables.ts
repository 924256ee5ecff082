/**
 * Table types of charges and payments (migration 0020), joined into `DB` in db/schema.ts.
 * Money is integer fen everywhere (docs/architecture/charges.md).
 */
import type { Selectable } from 'kysely';

export type ChargeLineKind = 'labour' | 'part' | 'discount';
export type PaymentKind = 'deposit' | 'payment' | 'refund';
export type PaymentMethod = 'cash' | 'wechat' | 'alipay' | 'card' | 'account';

export const CHARGE_LINE_KINDS: ReadonlyArray<ChargeLineKind> = ['labour', 'part', 'discount'];
export const PAYMENT_KINDS: ReadonlyArray<PaymentKind> = ['deposit', 'payment', 'refund'];
export const PAYMENT_METHODS: ReadonlyArray<PaymentMethod> = ['cash', 'wechat', 'alipay', 'card', 'account'];

export type ChargeLineTable = {
  id: string;
  ticketId: string;
  kind: ChargeLineKind;
  description: string;
  /** The part, for a `part` line; null otherwise. */
  partId: string | null;
  /** For a `part` line: the stock movement that issued it; null otherwise. */
  sourceId: string | null;
  quantity: number;
  unitPriceFen: number;
  /** 1: under warranty, zero to the customer. */
  covered: number;
  /** What the customer pays for this line: 0 when covered, negative for a discount. */
  amountFen: number;
  /** A discount's reason; '' otherwise. */
  reason: string;
  createdBy: string | null;
  createdAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string;
  hlc: string;
};

/** Append-only: one row per deposit, payment or refund taken at a counter. */
export type PaymentTable = {
  id: string;
  ticketId: string;
  kind: PaymentKind;
  method: PaymentMethod;
  /** Always > 0; a refund counts against what was paid. */
  amountFen: number;
  /** For a refund: the payment it refunds. */
  refundOf: string | null;
  reason: string;
  takenBy: string | null;
  /** The counter PC that took it: the store code and counter number, `S012-2`. */
  deviceId: string;
  takenAt: string;
  hlc: string;
};

export type ChargesTables = {
  chargeLine: ChargeLineTable;
  payment: PaymentTable;
};

export type ChargeLineRow = Selectable<ChargeLineTable>;
export type PaymentRow = Selectable<PaymentTable>;
