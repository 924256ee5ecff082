/**
 * The steps of a return to supplier (docs/architecture/supplier-returns.md): shipped (date, carrier,
 * waybill), credited (the supplier's credit note), or cancelled before shipping. No Node imports.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { dateSchema, fenSchema, idSchema, reasonSchema } from '../fields';

/** A shipped return whose credit note has not come after this many days stands out in the list. */
export const CREDIT_OVERDUE_DAYS = 30;

const shortText = (max: number) => textInput().trim().max(max, 'too_long');
const requiredText = (max: number, key: string) => textInput({ error: key }).trim().min(1, key).max(max, 'too_long');

export const supplierReturnGetSchema = z.object({ id: idSchema });

export const supplierReturnShipSchema = z.object({
  returnId: idSchema,
  shippedOn: dateSchema,
  carrier: requiredText(40, 'carrier_required'),
  waybillNo: shortText(40).default(''),
});
export type SupplierReturnShipInput = z.input<typeof supplierReturnShipSchema>;

export const supplierReturnCreditSchema = z.object({
  returnId: idSchema,
  creditNoteNo: requiredText(40, 'credit_note_required'),
  creditFen: fenSchema,
});
export type SupplierReturnCreditInput = z.input<typeof supplierReturnCreditSchema>;

export const supplierReturnCancelSchema = z.object({ returnId: idSchema, reason: reasonSchema });
export type SupplierReturnCancelInput = z.input<typeof supplierReturnCancelSchema>;
