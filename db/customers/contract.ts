/** The customers area of the desk API: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { normalisePhone } from './phone';
import type { ProductDetail } from './product-contract';

export const TIERS = ['regular', 'silver', 'gold', 'vip'] as const;
export type Tier = (typeof TIERS)[number];
export const CONTACT_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const TIER_RULES = ['manual', 'auto'] as const;

export const phoneNumberSchema = z
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
  });

export const phoneSchema = z.object({
  /** Present when editing an existing phone row, so its history is kept. */
  id: z.uuid({ error: 'invalid_value' }).optional(),
  number: phoneNumberSchema,
});

export const addressSchema = z.object({
  id: z.uuid({ error: 'invalid_value' }).optional(),
  label: textInput().trim().max(20, 'too_long').default(''),
  address: textInput({ error: 'required' }).trim().min(1, 'required').max(200, 'too_long'),
});

const customerFields = {
  name: textInput({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long'),
  phones: z.array(phoneSchema).min(1, 'phones_min_one').max(5, 'too_many'),
  tier: z.enum(TIERS, { error: 'invalid_value' }).default('regular'),
  /** A standing remark (偏好电话联系); the service notes are the append-only list (customers.addNote). */
  notes: textInput().trim().max(2000, 'too_long').default(''),
};

/** Left out of an update: unchanged (older callers send only the foundation's fields). */
const fileFields = {
  addresses: z.array(addressSchema).max(5, 'too_many'),
  preferredChannel: z.enum(CONTACT_CHANNELS, { error: 'invalid_value' }).nullable(),
  contactConsent: z.boolean(),
  doNotContact: z.boolean(),
  tierRule: z.enum(TIER_RULES, { error: 'invalid_value' }),
  /** The language the customer reads messages in; null: the store's (Chinese). */
  language: z.enum(['zh-CN', 'en'], { error: 'invalid_value' }).nullable(),
};

type PhonesOut = ReadonlyArray<{ number: { digits: string } }>;
function noRepeatedPhones(value: { phones: PhonesOut }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  value.phones.forEach((phone, index) => {
    if (seen.has(phone.number.digits))
      ctx.addIssue({ code: 'custom', message: 'phone_repeated', path: ['phones', index, 'number'] });
    seen.add(phone.number.digits);
  });
}

export const customerCreateSchema = z
  .object({
    ...customerFields,
    addresses: fileFields.addresses.default([]),
    preferredChannel: fileFields.preferredChannel.default(null),
    contactConsent: fileFields.contactConsent.default(false),
    doNotContact: fileFields.doNotContact.default(false),
    tierRule: fileFields.tierRule.default('manual'),
    language: fileFields.language.default(null),
    /** The counter saw the existing customer with this phone and still wants a new record (e.g. a shared landline). */
    confirmDuplicate: z.boolean().default(false),
  })
  .superRefine(noRepeatedPhones);
export const customerUpdateSchema = z
  .object({
    id: z.uuid({ error: 'invalid_value' }),
    ...customerFields,
    addresses: fileFields.addresses.optional(),
    preferredChannel: fileFields.preferredChannel.optional(),
    contactConsent: fileFields.contactConsent.optional(),
    doNotContact: fileFields.doNotContact.optional(),
    tierRule: fileFields.tierRule.optional(),
    language: fileFields.language.optional(),
  })
  .superRefine(noRepeatedPhones);
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;

export const customerSearchSchema = z.object({
  query: textInput().trim().min(1, 'required').max(40, 'too_long'),
  limit: z.number().int().min(1).max(100).default(20),
});

export const idInput = z.object({ id: z.uuid({ error: 'invalid_value' }) });

export type CustomerPhone = { id: string; kind: 'mobile' | 'landline'; number: string };
export type CustomerAddress = { id: string; label: string; address: string };
export type TierStandardView = Readonly<{
  tier: Tier;
  minSpendFen: number | null;
  minVisits: number | null;
  replyMinutes: number;
  resolveHours: number;
  serviceStandard: string;
}>;

export type CustomerDetail = Readonly<{
  id: string;
  name: string;
  tier: Tier;
  tierRule: 'manual' | 'auto';
  standard: TierStandardView | null;
  notes: string;
  /** Full numbers for roles that serve customers; masked (138****5678) for the others. */
  phones: ReadonlyArray<CustomerPhone>;
  /** Empty when `contactHidden`: the role does not see addresses (docs/DOMAIN.md §9). */
  addresses: ReadonlyArray<CustomerAddress>;
  contactHidden: boolean;
  preferredChannel: ContactChannel | null;
  contactConsent: boolean;
  doNotContact: boolean;
  /** The language messages to the customer are written in; null: Chinese. */
  language: 'zh-CN' | 'en' | null;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  createdStoreName: string | null;
  /** Duplicates merged into this record: their old ids still lead here. */
  mergedFrom: ReadonlyArray<string>;
}>;

/** A search hit: phones are masked, because a list is not "serving the customer" (docs/DOMAIN.md §9). */
export type CustomerSummary = Readonly<{
  id: string;
  name: string;
  tier: Tier;
  maskedPhones: ReadonlyArray<string>;
  updatedAt: string;
  /**
   * A phone search's hit: which of `maskedPhones` matched and where the typed digits sit in it
   * ([start, end) in characters), so the list can mark them. The masked digits stay masked.
   */
  phoneMatch?: Readonly<{ phone: number; start: number; end: number }>;
}>;

export type ProductHit = Readonly<{
  id: string;
  customerId: string;
  customerName: string;
  brand: string;
  model: string;
  serial: string | null;
  receiptNo: string | null;
  matched: 'serial' | 'receipt';
}>;
export type TicketHit = Readonly<{
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  type: string;
  status: string;
  createdAt: string;
}>;

/** Grouped by kind; `items` are the customers (the name kept from the foundation's search). */
export type CounterSearchResult = Readonly<{
  items: ReadonlyArray<CustomerSummary>;
  products: ReadonlyArray<ProductHit>;
  tickets: ReadonlyArray<TicketHit>;
  /** More matched than were returned: type more of the number or name. */
  more: boolean;
}>;

export type NoteEntry = Readonly<{ id: string; body: string; staffName: string | null; createdAt: string }>;
/** The latest follow-up call (回访) of a ticket, with the customer's satisfaction rating (1–5) when given. */
export type TicketFollowUp = Readonly<{ at: string; outcome: string; rating: number | null }>;
export type HistoryTicket = Readonly<{
  id: string;
  number: string;
  type: string;
  status: string;
  summary: string;
  productId: string | null;
  followUpDue: string | null;
  followUp: TicketFollowUp | null;
  createdAt: string;
}>;

export type CustomerHistory = Readonly<{
  customer: CustomerDetail;
  products: ReadonlyArray<ProductDetail>;
  tickets: ReadonlyArray<HistoryTicket>;
  notes: ReadonlyArray<NoteEntry>;
}>;

export const noteSchema = z.object({
  customerId: z.uuid({ error: 'invalid_value' }),
  body: textInput({ error: 'required' }).trim().min(1, 'required').max(2000, 'too_long'),
});
export const mergeSchema = z
  .object({ fromId: z.uuid({ error: 'invalid_value' }), intoId: z.uuid({ error: 'invalid_value' }) })
  .refine((value) => value.fromId !== value.intoId, { message: 'merge_same', path: ['intoId'] });
export const duplicatesSchema = z.object({
  phones: z.array(textInput().max(30, 'too_long')).min(1, 'phones_min_one').max(5, 'too_many'),
});
