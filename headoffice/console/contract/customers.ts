/**
 * Customers at head office in the console: look-up, the stores a customer reaches, linking and
 * unlinking stores, duplicates and merges. Pure (zod and types only), shared by the routes under
 * /console/api/customers and the console's customers page.
 */
import { z } from 'zod';
import { storeCodeSchema } from './stores';

export const customerIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a customer id')
  .transform((id) => id.toLowerCase());

export const customerSearchSchema = z.object({
  q: z.string().trim().min(1, 'type part of a phone number or a name').max(40),
});

export const customerViewSchema = z.object({ unmask: z.enum(['0', '1']).default('0') });

const reason = z.string().trim().min(2, 'say why (at least 2 characters)').max(200);

export const linkSchema = z.object({ storeCode: storeCodeSchema, reason });
export type LinkInput = z.infer<typeof linkSchema>;

export const mergeSchema = z
  .object({ fromId: customerIdSchema, intoId: customerIdSchema, reason })
  .refine((m) => m.fromId !== m.intoId, { message: 'a customer cannot be merged into itself', path: ['intoId'] });
export type MergeInput = z.input<typeof mergeSchema>;

export const duplicateQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const dismissSchema = z.object({ reason });

/** A customer in a list: name and phones masked unless the role may unmask and asked to. */
export type CustomerSummary = {
  id: string;
  name: string;
  phones: string[];
  /** Store codes the customer reaches (customer_link). */
  stores: string[];
};
export type CustomerPage = { customers: CustomerSummary[]; masked: boolean };

export type CustomerLink = { storeCode: string; storeName: string; linkedAt: string; home: boolean };

export type CustomerDetail = {
  id: string;
  name: string;
  phones: string[];
  addresses: string[];
  tier: string | null;
  doNotContact: boolean;
  /** The store that created the customer: it always reaches them, so it cannot be unlinked. */
  homeStore: string | null;
  deleted: boolean;
  /** Merged away into this customer (an alias that opens the survivor). */
  mergedInto: string | null;
  mergedFrom: string[];
  products: number;
  links: CustomerLink[];
  /** Open duplicate flags: another customer with a live phone of the same digits. */
  duplicates: Array<{ flagId: number; otherId: string }>;
  masked: boolean;
};

export type DuplicateRow = {
  flagId: number;
  digits: string;
  flaggedAt: string;
  a: CustomerSummary;
  b: CustomerSummary;
};
export type DuplicatePage = { rows: DuplicateRow[]; total: number; masked: boolean };

export type MergeResult = {
  fromId: string;
  intoId: string;
  moved: { products: number; phones: number; addresses: number };
};
