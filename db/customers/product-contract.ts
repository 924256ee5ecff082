/** Products a customer owns and their proof of purchase (购买凭证): schemas and result types. No Node imports. */
import { z } from 'zod';
import { dateInRange, isCalendarDate, textInput } from '../fields';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .default('')
    .transform((value) => (value === '' ? null : value));

const purchaseDate = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || isCalendarDate(value), { message: 'date_format', abort: true })
  .refine((value) => value === '' || dateInRange(value), 'date_out_of_range')
  .transform((value) => (value === '' ? null : value));

export const productFields = {
  category: textInput({ error: 'required' }).trim().min(1, 'required').max(20, 'too_long'),
  brand: textInput({ error: 'required' }).trim().min(1, 'required').max(40, 'too_long'),
  model: textInput({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long'),
  serial: optionalText(40),
  purchaseDate,
  purchaseStore: optionalText(60),
  receiptNo: optionalText(40),
  /** Fen; the form takes yuan and converts. */
  priceFen: z
    .number({ error: 'invalid_value' })
    .int('invalid_value')
    .min(0, 'invalid_value')
    .max(100_000_000, 'invalid_value')
    .nullable()
    .default(null),
};

export const productCreateSchema = z.object({ customerId: z.uuid({ error: 'invalid_value' }), ...productFields });
export const productUpdateSchema = z.object({ id: z.uuid({ error: 'invalid_value' }), ...productFields });
export type ProductCreateInput = z.input<typeof productCreateSchema>;
export type ProductUpdateInput = z.input<typeof productUpdateSchema>;
export type ProductWrite = z.output<typeof productCreateSchema>;

export type ProductDetail = Readonly<{
  id: string;
  customerId: string;
  category: string;
  brand: string;
  model: string;
  serial: string | null;
  purchaseDate: string | null;
  purchaseStore: string | null;
  receiptNo: string | null;
  priceFen: number | null;
  warrantyEnd: string | null;
  underWarranty: boolean;
  createdAt: string;
}>;

export type ProductCategory = Readonly<{
  code: string;
  nameZh: string;
  nameEn: string;
  warrantyMonths: number;
  /** 三包 windows and the main components' warranty (docs/architecture/sanbao-rules.md). */
  returnDays: number;
  exchangeDays: number;
  mainPartsMonths: number;
}>;
/** A category as the picker offers it: with the pinyin of its Chinese name, to find it by typing `kt` for 空调. */
export type CategoryChoice = ProductCategory & Readonly<{ initials: string; pinyin: string }>;
