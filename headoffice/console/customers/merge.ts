/**
 * Merging a duplicate at head office, as a counter merges (db/customers/merge.ts), written as head
 * office's own changes so they reach every store through the feed: the duplicate's products,
 * phones and addresses move to the survivor (a phone or address the survivor already has is
 * removed instead), the survivor keeps do-not-contact if either had it, the higher tier and both
 * notes, the `customer_merge` alias makes the old id open the survivor (tickets and notes stay
 * where they are and are read through it, docs/SYNC.md §2.5), and the duplicate becomes a
 * tombstone. The stores that reached the duplicate inherit a link to the survivor
 * (customer-merge.ts `linksLeftByMerges`), so both stores end up with the one customer.
 */
import { sql, type Kysely } from 'kysely';
import type { HqWrite } from '../../admin/ops';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import type { MergeResult } from '../contract/customers';

const TIER_RANK: Record<string, number> = { regular: 0, silver: 1, gold: 2, vip: 3 };

type Fields = Record<string, unknown>;

async function live(db: Kysely<HqDB>, id: string, role: 'merged' | 'surviving'): Promise<Fields> {
  const row = await db
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', 'customer')
    .where('entityId', '=', id)
    .executeTakeFirst();
  if (!row) throw new HqError(404, 'no_customer', `No customer ${id} at head office`);
  if (row.state.deleted !== null)
    throw new HqError(409, 'customer_deleted', `The ${role} customer ${id} was deleted or merged already`);
  return row.state.fields;
}

async function recordsOf(db: Kysely<HqDB>, entity: string, customerId: string) {
  const rows = await db
    .selectFrom('entityState')
    .select(['entityId', 'state'])
    .where('entity', '=', entity)
    .where('customerRef', '=', customerId)
    .where(sql<boolean>`state->>'deleted' IS NULL`)
    .execute();
  return rows
    .map((r) => ({ id: r.entityId, fields: r.state.fields }))
    .sort((a, b) => Number(a.fields.position ?? 0) - Number(b.fields.position ?? 0) || a.id.localeCompare(b.id));
}

export type MergePlan = {
  writes: HqWrite[];
  result: MergeResult;
  /** What the audit log keeps: ids and counts, never names or phones. */
  audit: { before: Record<string, unknown>; after: Record<string, unknown> };
};

/** The changes that merge `fromId` into `intoId`; refused when either is gone or the pair is not two customers. */
export async function planMerge(db: Kysely<HqDB>, fromId: string, intoId: string, nowIso: string): Promise<MergePlan> {
  if (fromId === intoId) throw new HqError(400, 'bad_request', 'A customer cannot be merged into itself');
  const [from, into] = await Promise.all([live(db, fromId, 'merged'), live(db, intoId, 'surviving')]);
  const [products, fromPhones, intoPhones, fromAddresses, intoAddresses] = await Promise.all([
    recordsOf(db, 'product', fromId),
    recordsOf(db, 'customer_phone', fromId),
    recordsOf(db, 'customer_phone', intoId),
    recordsOf(db, 'customer_address', fromId),
    recordsOf(db, 'customer_address', intoId),
  ]);
  const writes: HqWrite[] = products.map((p) => ({
    entity: 'product',
    entityId: p.id,
    op: 'update',
    fields: { customerId: intoId, updatedAt: nowIso },
  }));
  const moveOrDrop = (
    entity: string,
    key: string,
    mine: Array<{ id: string; fields: Fields }>,
    theirs: Array<{ id: string; fields: Fields }>,
  ) => {
    const known = new Set(theirs.map((r) => r.fields[key]));
    let position = theirs.length;
    let moved = 0;
    for (const record of mine) {
      if (known.has(record.fields[key])) {
        writes.push({ entity, entityId: record.id, op: 'delete', fields: { customerId: fromId } });
        continue;
      }
      known.add(record.fields[key]);
      writes.push({ entity, entityId: record.id, op: 'update', fields: { customerId: intoId, position: position++ } });
      moved += 1;
    }
    return moved;
  };
  const phones = moveOrDrop('customer_phone', 'digits', fromPhones, intoPhones);
  const addresses = moveOrDrop('customer_address', 'address', fromAddresses, intoAddresses);

  const survivor: Fields = {};
  if (from.doNotContact === 1 && into.doNotContact !== 1) survivor.doNotContact = 1;
  const fromTier = String(from.tier ?? 'regular');
  if ((TIER_RANK[fromTier] ?? 0) > (TIER_RANK[String(into.tier ?? 'regular')] ?? 0)) survivor.tier = fromTier;
  const [fromNotes, intoNotes] = [String(from.notes ?? ''), String(into.notes ?? '')];
  if (fromNotes !== '' && !intoNotes.includes(fromNotes))
    survivor.notes = [intoNotes, fromNotes].filter(Boolean).join('\n');
  if (Object.keys(survivor).length > 0)
    writes.push({ entity: 'customer', entityId: intoId, op: 'update', fields: { ...survivor, updatedAt: nowIso } });

  writes.push({
    entity: 'customer_merge',
    entityId: fromId,
    op: 'insert',
    fields: { intoId, mergedAt: nowIso, mergedBy: null },
  });
  writes.push({
    entity: 'customer',
    entityId: fromId,
    op: 'delete',
    fields: { deletedAt: nowIso, updatedAt: nowIso },
  });
  const moved = { products: products.length, phones, addresses };
  return {
    writes,
    result: { fromId, intoId, moved },
    audit: {
      before: { fromId, intoId },
      after: { fromId, intoId, moved, survivorChanged: Object.keys(survivor) },
    },
  };
}
