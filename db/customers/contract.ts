/** The customers area of the desk API: schemas, result types, access. No Node imports. */
import { z } from 'zod';
import { method } from '../contract';
import { normalisePhone } from './phone';

export const TIERS = ['regular', 'silver', 'gold', 'vip'] as const;
export type Tier = (typeof TIERS)[number];

export const phoneSchema = z.object({
  /** Present when editing an existing phone row, so its history is kept. */
  id: z.uuid({ error: 'invalid_value' }).optional(),
  number: z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .max(30, 'phone_invalid')
    .transform((value, ctx) => {
      const phone = normalisePhone(value);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
        return z.NEVER;
      }
      return phone;
    }),
});

const customerFields = {
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long'),
  phones: z.array(phoneSchema).min(1, 'phones_min_one').max(5, 'too_many'),
  tier: z.enum(TIERS, { error: 'invalid_value' }).default('regular'),
  notes: z.string().trim().max(2000, 'too_long').default(''),
};

type PhonesOut = ReadonlyArray<{ number: { digits: string } }>;
function noRepeatedPhones(value: { phones: PhonesOut }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  value.phones.forEach((phone, index) => {
    if (seen.has(phone.number.digits)) ctx.addIssue({ code: 'custom', message: 'phone_repeated', path: ['phones', index, 'number'] });
    seen.add(phone.number.digits);
  });
}

export const customerCreateSchema = z.object(customerFields).superRefine(noRepeatedPhones);
export const customerUpdateSchema = z.object({ id: z.uuid({ error: 'invalid_value' }), ...customerFields }).superRefine(noRepeatedPhones);
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;

export const customerSearchSchema = z.object({
  query: z.string().trim().min(1, 'required').max(40, 'too_long'),
  limit: z.number().int().min(1).max(100).default(20),
});

export type CustomerPhone = { id: string; kind: 'mobile' | 'landline'; number: string };

export type CustomerDetail = Readonly<{
  id: string;
  name: string;
  tier: Tier;
  notes: string;
  phones: ReadonlyArray<CustomerPhone>;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
}>;

/** A search hit: phones are masked, because a list is not "serving the customer" (DOMAIN.md §9). */
export type CustomerSummary = Readonly<{
  id: string;
  name: string;
  tier: Tier;
  maskedPhones: ReadonlyArray<string>;
  updatedAt: string;
}>;

export const customersContract = {
  /** Register a new customer at the counter. */
  'customers.create': method<CustomerDetail>()({ input: customerCreateSchema, access: 'customers.write', mutates: true }),
  /** Change a customer's name, phones, tier (needs customers.tier) or notes. */
  'customers.update': method<CustomerDetail>()({ input: customerUpdateSchema, access: 'customers.write', mutates: true }),
  /** Open one customer, with full phone numbers: the counter is serving them. */
  'customers.get': method<CustomerDetail>()({ input: z.object({ id: z.uuid({ error: 'invalid_value' }) }), access: 'customers.read', mutates: false }),
  /** Find customers by any part of a phone number or of the name. */
  'customers.search': method<{ items: ReadonlyArray<CustomerSummary> }>()({ input: customerSearchSchema, access: 'customers.read', mutates: false }),
};
