/**
 * Customer tiers and the thresholds a counter uses to set an automatic tier: the highest tier whose
 * spend (fen, the sum of the customer's registered products' prices) or purchase count (registered
 * products) is reached (db/customers/tiers.ts `tierFor`). The four tiers are fixed; `regular` is
 * what everyone else is and has no threshold. Pure: zod and types.
 */
import { z } from 'zod';
import { MAX_FEN, text } from './catalogue';

export const TIERS = ['regular', 'silver', 'gold', 'vip'] as const;
export type TierName = (typeof TIERS)[number];

const threshold = (max: number, unit: string) =>
  z.number().int(`must be whole ${unit}`).min(1, 'must be at least 1').max(max, 'is too large').nullable();

export const tierUpdateSchema = z.object({
  /** Null: spend alone never reaches the tier. */
  minSpendFen: threshold(MAX_FEN * 10, 'fen'),
  /** Null: the purchase count alone never reaches the tier. */
  minVisits: threshold(10_000, 'purchases'),
  serviceStandard: text(200).default(''),
});
export type TierUpdate = z.output<typeof tierUpdateSchema>;
export type TierUpdateInput = z.input<typeof tierUpdateSchema>;
export const tierParamsSchema = z.object({ tier: z.enum(TIERS) });

export type TierView = TierUpdate & {
  tier: TierName;
  rank: number;
  setByHeadOffice: boolean;
  updatedAt: string | null;
};
