/**
 * Customer merges at head office (docs/SYNC.md §2.5): a `customer_merge` record makes its customer
 * an alias of the one it was merged into. The stores that saw the merged-away customer keep
 * tickets that point at the alias, so they must reach the surviving customer too: its links are
 * inherited by the survivor (customer-links.ts writes them with the batch's other links).
 */
import { sql, type Transaction } from 'kysely';
import type { RecordState } from '../db/sync/protocol';
import type { HqDB } from './db/schema';

export type CustomerMerge = { fromId: string; intoId: string };

/** The merge a merged `customer_merge` record states, or null for any other record. */
export function mergeOf(entity: string, entityId: string, merged: RecordState): CustomerMerge | null {
  if (entity !== 'customer_merge' || typeof merged.fields.intoId !== 'string') return null;
  return { fromId: entityId, intoId: merged.fields.intoId };
}

/** The links (customer, store) the survivors inherit: one per store linked to a merged-away customer. */
export async function linksLeftByMerges(
  trx: Transaction<HqDB>,
  merges: ReadonlyArray<CustomerMerge>,
): Promise<Array<[customer: string, store: string]>> {
  if (merges.length === 0) return [];
  const inherited = await sql<{ storeId: string; intoId: string }>`
    SELECT l.store_id, m.into_id FROM customer_link l
    JOIN unnest(${merges.map((m) => m.fromId)}::text[], ${merges.map((m) => m.intoId)}::text[]) AS m(from_id, into_id) ON l.customer_id = m.from_id`.execute(
    trx,
  );
  return inherited.rows.map((row) => [row.intoId, row.storeId]);
}
