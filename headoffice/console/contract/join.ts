/**
 * The join review (a standalone store's own parts, suppliers and standards offered when it joined):
 * requests and answers shared by the server's routes and the console page. Pure: zod and types.
 */
import { z } from 'zod';

export const JOIN_STATUSES = ['pending', 'accepted', 'mapped', 'dropped'] as const;
export type JoinStatus = (typeof JOIN_STATUSES)[number];
/** Head office's kinds of record a standalone store may offer. */
export const JOIN_ENTITIES = ['part', 'supplier', 'sla_target', 'customer_tier', 'product_category'] as const;
export type JoinEntity = (typeof JOIN_ENTITIES)[number];
/** Standards and settings: adopting one changes every store's, so it takes `standards.edit` as well. */
export const JOIN_STANDARD_ENTITIES: ReadonlyArray<JoinEntity> = ['sla_target', 'customer_tier', 'product_category'];

const id = z.string().trim().min(1).max(64);

export const joinOffersQuerySchema = z.object({
  storeId: id,
  status: z.enum(JOIN_STATUSES).optional(),
  entity: z.enum(JOIN_ENTITIES).optional(),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JoinOffersQuery = z.input<typeof joinOffersQuerySchema>;

export const joinOfferParamsSchema = z.object({ id });

export const joinDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({ decision: z.literal('map'), targetId: id }),
  z.object({ decision: z.literal('drop'), reason: z.string().trim().min(1, 'say why').max(200) }),
]);
export type JoinDecisionInput = z.infer<typeof joinDecisionSchema>;

export const joinTargetsQuerySchema = z.object({
  entity: z.enum(['part', 'supplier']),
  q: z.string().trim().min(1).max(40),
});

export type JoinStoreSummary = {
  storeId: string;
  storeCode: string;
  storeName: string;
  pending: number;
  decided: number;
};

/** Head office's record an offer most likely is. */
export type JoinSuggestion = { targetId: string; label: string; why: 'same_part_no' | 'same_name' | 'same_record' };

export type JoinOfferRow = {
  id: string;
  entity: string;
  entityId: string;
  label: string;
  /** What the store made, as it pushed it (a part's number, name, prices…). */
  fields: Record<string, unknown>;
  status: JoinStatus;
  mappedTo: string | null;
  /** Head office's record it was mapped onto, as people know it. */
  mappedLabel: string | null;
  reason: string;
  offeredAt: string;
  decidedAt: string | null;
  /** The staff member's display name. */
  decidedBy: string | null;
  suggestion: JoinSuggestion | null;
};

export type JoinOffersPage = { total: number; offers: JoinOfferRow[] };
export type JoinTarget = { id: string; label: string };
export type JoinDecisionResult = { status: Exclude<JoinStatus, 'pending'> };
