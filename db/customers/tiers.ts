/**
 * Tiers and their service standards (docs/DOMAIN.md §8, §9). The thresholds are settings rows owned by
 * head office (docs/SYNC.md §2.5), so the store reads them and never edits them. A customer whose tier
 * rule is `auto` gets the highest tier whose spend or purchase-count threshold they reach; spend and
 * purchases are counted from the products registered to them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { Tier } from './contract';
import type { CustomerTierRow } from './tables';

export type TierStandard = Readonly<{
  tier: Tier;
  minSpendFen: number | null;
  minVisits: number | null;
  replyMinutes: number;
  resolveHours: number;
  serviceStandard: string;
}>;

export async function listTiers(db: Kysely<DB>): Promise<TierStandard[]> {
  const rows = await db.selectFrom('customerTier').selectAll().orderBy('rank').execute();
  const times = await tierTimes(db);
  return rows.map((row) => toStandard(row, times.get(row.tier)));
}

export async function tierStandard(db: Kysely<DB>, tier: Tier): Promise<TierStandard | undefined> {
  const row = await db.selectFrom('customerTier').selectAll().where('tier', '=', tier).executeTakeFirst();
  return row ? toStandard(row, (await tierTimes(db, tier)).get(tier)) : undefined;
}

type Times = { replyMinutes: number; resolveMinutes: number };

/**
 * The reply and resolve times a tier is promised are the SLA targets the tickets' clocks run on
 * (sla_target, normal priority, the tightest across service tickets), so the customer file never
 * shows a standard the clocks do not keep. Feedback has no service promise and is left out.
 */
async function tierTimes(db: Kysely<DB>, tier?: Tier): Promise<Map<Tier, Times>> {
  let query = db
    .selectFrom('slaTarget')
    .select((eb) => [
      'tier',
      eb.fn.min('replyMinutes').as('replyMinutes'),
      eb.fn.min('resolveMinutes').as('resolveMinutes'),
    ])
    .where('priority', '=', 'normal')
    .where('ticketType', '!=', 'feedback')
    .groupBy('tier');
  if (tier) query = query.where('tier', '=', tier);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [r.tier, { replyMinutes: Number(r.replyMinutes), resolveMinutes: Number(r.resolveMinutes) }]),
  );
}

function toStandard(row: CustomerTierRow, times: Times | undefined): TierStandard {
  return {
    tier: row.tier,
    minSpendFen: row.minSpendFen,
    minVisits: row.minVisits,
    replyMinutes: times?.replyMinutes ?? row.replyMinutes,
    resolveHours: times ? Math.round((times.resolveMinutes / 60) * 10) / 10 : row.resolveHours,
    serviceStandard: row.serviceStandard,
  };
}

export function tierFor(
  tiers: ReadonlyArray<TierStandard & { rank?: number }>,
  spendFen: number,
  purchases: number,
): Tier {
  let best: Tier = 'regular';
  for (const t of tiers) {
    const bySpend = t.minSpendFen !== null && spendFen >= t.minSpendFen;
    const byVisits = t.minVisits !== null && purchases >= t.minVisits;
    if (bySpend || byVisits) best = t.tier;
  }
  return best;
}

/** Recompute an auto-tier customer's tier after their products changed; manual tiers are left alone. */
export async function applyAutoTier(tx: TxContext, customerId: string): Promise<void> {
  const customer = await tx.trx
    .selectFrom('customer')
    .select(['tier', 'tierRule'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer || customer.tierRule !== 'auto') return;
  const totals = await tx.trx
    .selectFrom('product')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('priceFen'), eb.lit(0)).as('spend'),
      eb.fn.countAll<number>().as('purchases'),
    ])
    .where('customerId', '=', customerId)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const tier = tierFor(await listTiers(tx.trx), Number(totals.spend), Number(totals.purchases));
  if (tier === customer.tier) return;
  const hlc = tx.stamp();
  await tx.trx.updateTable('customer').set({ tier, updatedAt: tx.nowIso, hlc }).where('id', '=', customerId).execute();
  await recordChange(tx, {
    entity: 'customer',
    entityId: customerId,
    op: 'update',
    hlc,
    fields: { tier, updatedAt: tx.nowIso },
  });
  await stampFields(tx, 'customer', customerId, ['tier'], hlc);
}
