/**
 * Tiers and their service standards (DOMAIN.md §8, §9). The thresholds are settings rows owned by
 * head office (SYNC.md §2.5), so the store reads them and never edits them. A customer whose tier
 * rule is `auto` gets the highest tier whose spend or purchase-count threshold they reach; spend and
 * purchases are counted from the products registered to them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { Tier } from './contract';
import type { CustomerTierRow } from './tables';

export type TierStandard = Readonly<{ tier: Tier; minSpendFen: number | null; minVisits: number | null; replyMinutes: number; resolveHours: number; serviceStandard: string }>;

export async function listTiers(db: Kysely<DB>): Promise<TierStandard[]> {
  const rows = await db.selectFrom('customerTier').selectAll().orderBy('rank').execute();
  return rows.map(toStandard);
}

export async function tierStandard(db: Kysely<DB>, tier: Tier): Promise<TierStandard | undefined> {
  const row = await db.selectFrom('customerTier').selectAll().where('tier', '=', tier).executeTakeFirst();
  return row ? toStandard(row) : undefined;
}

function toStandard(row: CustomerTierRow): TierStandard {
  return { tier: row.tier, minSpendFen: row.minSpendFen, minVisits: row.minVisits, replyMinutes: row.replyMinutes, resolveHours: row.resolveHours, serviceStandard: row.serviceStandard };
}

export function tierFor(tiers: ReadonlyArray<TierStandard & { rank?: number }>, spendFen: number, purchases: number): Tier {
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
  const customer = await tx.trx.selectFrom('customer').select(['tier', 'tierRule']).where('id', '=', customerId).executeTakeFirst();
  if (!customer || customer.tierRule !== 'auto') return;
  const totals = await tx.trx
    .selectFrom('product')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('priceFen'), eb.lit(0)).as('spend'), eb.fn.countAll<number>().as('purchases')])
    .where('customerId', '=', customerId)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const tier = tierFor(await listTiers(tx.trx), Number(totals.spend), Number(totals.purchases));
  if (tier === customer.tier) return;
  const hlc = tx.stamp();
  await tx.trx.updateTable('customer').set({ tier, updatedAt: tx.nowIso, hlc }).where('id', '=', customerId).execute();
  await recordChange(tx, { entity: 'customer', entityId: customerId, op: 'update', hlc, fields: { tier, updatedAt: tx.nowIso } });
  await stampFields(tx, 'customer', customerId, ['tier'], hlc);
}
