/**
 * One imported row, as mapped text, checked and turned into what the writers take. The first
 * problem of a row is its reason in the dry run's report (a message key and the column's field).
 */
import { z } from 'zod';
import { phoneNumberSchema, TIERS, type Tier } from './contract';
import type { ImportKind } from './exchange-contract';
import type { NormalisedPhone } from './phone';
import { productFields } from './product-contract';
import { dateInRange, isCalendarDate } from '../fields';

const TIER_WORDS: Record<string, Tier> = {
  普通: 'regular',
  普通会员: 'regular',
  银卡: 'silver',
  银卡会员: 'silver',
  金卡: 'gold',
  金卡会员: 'gold',
  贵宾: 'vip',
  钻石: 'vip',
};

const text = (max: number) => z.string().trim().max(max, 'too_long').default('');

const customerRow = z.object({
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long'),
  phone: phoneNumberSchema,
  phone2: z
    .string()
    .trim()
    .default('')
    .pipe(z.union([z.literal(''), phoneNumberSchema], { error: 'phone_invalid' })),
  address: text(200),
  tier: z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return 'regular' as Tier;
      const tier = (TIERS as ReadonlyArray<string>).includes(value.toLowerCase())
        ? (value.toLowerCase() as Tier)
        : TIER_WORDS[value];
      if (!tier) {
        ctx.addIssue({ code: 'custom', message: 'invalid_value' });
        return z.NEVER;
      }
      return tier;
    }),
  notes: text(2000),
});

/** Yuan as printed on a receipt ("1,299.00", "¥1299") to fen. */
const priceYuan = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) => {
    const plain = value.replace(/[¥￥,\s元]/g, '');
    if (plain === '') return null;
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(plain)) {
      ctx.addIssue({ code: 'custom', message: 'price_invalid' });
      return z.NEVER;
    }
    const [yuan, cents = ''] = plain.split('.');
    return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  });

/** Spreadsheets write dates as 2026/11/23 or 2026.11.23 as often as 2026-11-23. */
const looseDate = z
  .string()
  .trim()
  .default('')
  .transform((value) => {
    const m = /^(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?$/.exec(value);
    return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
  });

const productRow = z.object({
  phone: phoneNumberSchema,
  category: productFields.category,
  brand: productFields.brand,
  model: productFields.model,
  serial: productFields.serial,
  purchaseDate: looseDate
    .refine((value) => value === '' || isCalendarDate(value), { message: 'date_format', abort: true })
    .refine((value) => value === '' || dateInRange(value), 'date_out_of_range')
    .transform((value) => (value === '' ? null : value)),
  purchaseStore: productFields.purchaseStore,
  receiptNo: productFields.receiptNo,
  price: priceYuan,
});

export type CustomerImport = {
  name: string;
  phones: Array<{ number: NormalisedPhone }>;
  addresses: Array<{ label: string; address: string }>;
  tier: Tier;
  notes: string;
};
export type ProductImport = z.output<typeof productRow>;

export type RowCheck<T> = { ok: true; value: T } | { ok: false; key: string; field: string | null };

function firstProblem(error: z.ZodError): { ok: false; key: string; field: string | null } {
  const issue = error.issues[0]!;
  // A missing column arrives as undefined; zod's own type messages are not keys.
  const key = issue.message.includes(' ') ? 'required' : issue.message;
  return { ok: false, key, field: issue.path.length > 0 ? String(issue.path[0]) : null };
}

export function checkCustomerRow(values: Record<string, string>): RowCheck<CustomerImport> {
  const parsed = customerRow.safeParse(values);
  if (!parsed.success) return firstProblem(parsed.error);
  const row = parsed.data;
  const phones = [{ number: row.phone }];
  if (row.phone2 !== '') {
    if (row.phone2.digits === row.phone.digits) return { ok: false, key: 'phone_repeated', field: 'phone2' };
    phones.push({ number: row.phone2 });
  }
  return {
    ok: true,
    value: {
      name: row.name,
      phones,
      addresses: row.address ? [{ label: '', address: row.address }] : [],
      tier: row.tier,
      notes: row.notes,
    },
  };
}

export function checkProductRow(values: Record<string, string>): RowCheck<ProductImport> {
  const parsed = productRow.safeParse(values);
  return parsed.success ? { ok: true, value: parsed.data } : firstProblem(parsed.error);
}

export function checkRow(kind: ImportKind, values: Record<string, string>): RowCheck<CustomerImport | ProductImport> {
  return kind === 'customers' ? checkCustomerRow(values) : checkProductRow(values);
}
