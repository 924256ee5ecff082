/**
 * Likely duplicates (duplicate-phones.ts flags two customers with a live phone of the same
 * digits): the open flags, both customers described (masked by role), and dismissing a flag that
 * is not a duplicate (a household sharing a landline). A flag whose customer was merged or
 * deleted since is no longer open: it is left out here and closed by the merge (merge.ts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import type { DuplicatePage } from '../contract/customers';
import { maskPhone } from '../masking';
import { describe } from './lookup';

const OPEN = sql<boolean>`f.resolved_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM entity_state c WHERE c.entity = 'customer' AND c.entity_id IN (f.customer_a, f.customer_b)
    AND c.state->>'deleted' IS NOT NULL)`;

export async function listDuplicates(
  db: Kysely<HqDB>,
  { page, pageSize }: { page: number; pageSize: number },
  unmask: boolean,
): Promise<DuplicatePage> {
  const [rows, total] = await Promise.all([
    sql<{ id: number; digits: string; customerA: string; customerB: string; flaggedAt: Date }>`
      SELECT f.id, f.digits, f.customer_a, f.customer_b, f.flagged_at FROM duplicate_flag f
      WHERE ${OPEN} ORDER BY f.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM duplicate_flag f WHERE ${OPEN}`.execute(db),
  ]);
  const described = await describe(db, [...new Set(rows.rows.flatMap((r) => [r.customerA, r.customerB]))], unmask);
  const missing = (id: string) => ({ id, name: '', phones: [], stores: [] });
  return {
    rows: rows.rows.map((r) => ({
      flagId: r.id,
      digits: unmask ? r.digits : maskPhone(r.digits),
      flaggedAt: r.flaggedAt.toISOString(),
      a: described.get(r.customerA) ?? missing(r.customerA),
      b: described.get(r.customerB) ?? missing(r.customerB),
    })),
    total: total.rows[0]?.n ?? 0,
    masked: !unmask,
  };
}

/** Closes a flag as "not the same person"; answers the pair for the audit log. */
export async function dismissDuplicate(trx: Transaction<HqDB>, flagId: number, nowMs: number) {
  const flag = await trx
    .updateTable('duplicateFlag')
    .set({ resolvedAt: new Date(nowMs) })
    .where('id', '=', flagId)
    .where('resolvedAt', 'is', null)
    .returning(['id', 'customerA', 'customerB'])
    .executeTakeFirst();
  if (!flag) throw new HqError(404, 'no_flag', `No open duplicate flag ${flagId}`);
  return flag;
}

/** After a merge: the flags between the two, and every flag of the merged-away customer, are closed. */
export async function closeFlagsOf(trx: Transaction<HqDB>, fromId: string, nowMs: number): Promise<void> {
  await trx
    .updateTable('duplicateFlag')
    .set({ resolvedAt: new Date(nowMs) })
    .where('resolvedAt', 'is', null)
    .where((eb) => eb.or([eb('customerA', '=', fromId), eb('customerB', '=', fromId)]))
    .execute();
}
