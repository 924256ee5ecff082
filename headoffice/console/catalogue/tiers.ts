/**
 * Customer tiers and their thresholds at head office. The counters are created with the same four
 * tiers (db/migrations/0002-customer-file.ts); until head office sets one, the console shows that
 * default, and head office's first write of it carries every field. The counter picks the highest
 * tier whose spend or purchase count a customer reaches, so thresholds must rise with the tier:
 * otherwise a higher tier would be reached first and a lower one never shown. `regular` is the
 * tier of everyone else and has none. The reply and resolve times a tier promises are service
 * standards (sla_target), edited with them, not here.
 */
import type { Transaction } from 'kysely';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type { HqDB } from '../../db/schema';
import { TIERS, type TierName, type TierUpdate, type TierView } from '../contract/tiers';
import type { CataloguePlan } from './commit';
import { loadRecords } from './records';

type Trx = Transaction<HqDB>;

/** The counter's seeded rows: min spend (fen), min purchases, reply minutes, resolve hours, standard. */
export const DEFAULT_TIERS: Readonly<
  Record<TierName, readonly [number | null, number | null, number, number, string]>
> = {
  regular: [null, null, 30, 48, ''],
  silver: [500_000, 5, 20, 36, ''],
  gold: [2_000_000, 10, 15, 24, '优先安排上门'],
  vip: [5_000_000, 20, 10, 12, '专属客服，优先上门，免费延保咨询'],
};

const orNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function listTiers(db: Pick<HqDatabase, 'selectFrom'>): Promise<TierView[]> {
  const set = new Map((await loadRecords(db, 'customer_tier')).map((r) => [r.id, r.fields]));
  return TIERS.map((tier, rank) => {
    const [minSpendFen, minVisits, , , serviceStandard] = DEFAULT_TIERS[tier];
    const f = set.get(tier);
    if (!f) return { tier, rank, minSpendFen, minVisits, serviceStandard, setByHeadOffice: false, updatedAt: null };
    return {
      tier,
      rank,
      minSpendFen: 'minSpendFen' in f ? orNull(f.minSpendFen) : minSpendFen,
      minVisits: 'minVisits' in f ? orNull(f.minVisits) : minVisits,
      serviceStandard: typeof f.serviceStandard === 'string' ? f.serviceStandard : serviceStandard,
      setByHeadOffice: true,
      updatedAt: typeof f.updatedAt === 'string' ? f.updatedAt : null,
    };
  });
}

/** Each threshold a tier has must be above the same threshold of every lower tier that has one. */
function assertRising(tiers: ReadonlyArray<TierView>): void {
  for (const field of ['minSpendFen', 'minVisits'] as const) {
    let lower: TierView | null = null;
    for (const t of tiers) {
      const value = t[field];
      if (value === null) continue;
      if (lower && value <= lower[field]!)
        throw new HqError(
          400,
          'tier_order',
          `${t.tier}'s ${field === 'minSpendFen' ? 'minimum spend' : 'minimum purchases'} must be above ${lower.tier}'s (${lower[field]})`,
          { tier: t.tier, field, lower: lower.tier, lowerValue: lower[field] },
        );
      lower = t;
    }
  }
}

export async function planUpdateTier(
  trx: Trx,
  tier: TierName,
  input: TierUpdate,
  nowIso: string,
): Promise<CataloguePlan<TierView>> {
  if (tier === 'regular' && (input.minSpendFen !== null || input.minVisits !== null))
    throw new HqError(400, 'tier_order', "regular is every other customer's tier and has no threshold");
  const tiers = await listTiers(trx);
  const before = tiers.find((t) => t.tier === tier)!;
  const result: TierView = { ...before, ...input, setByHeadOffice: true, updatedAt: nowIso };
  assertRising(tiers.map((t) => (t.tier === tier ? result : t)));
  const keys = (['minSpendFen', 'minVisits', 'serviceStandard'] as const).filter((k) => before[k] !== input[k]);
  if (keys.length === 0 && before.setByHeadOffice)
    return { writes: [], audit: { action: 'tier.update', target: tier, before: null, after: null }, result: before };
  const [, , replyMinutes, resolveHours] = DEFAULT_TIERS[tier];
  const fields = before.setByHeadOffice
    ? { ...Object.fromEntries(keys.map((k) => [k, input[k]])), updatedAt: nowIso }
    : { tier, rank: before.rank, ...input, replyMinutes, resolveHours, updatedAt: nowIso };
  return {
    writes: [{ entity: 'customer_tier', entityId: tier, op: before.setByHeadOffice ? 'update' : 'insert', fields }],
    audit: {
      action: 'tier.update',
      target: tier,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, input[k]])),
    },
    result,
  };
}
