/**
 * Merging a duplicate into the surviving record (docs/SYNC.md §2.5): products, phones and addresses move
 * to the survivor; notes (append-only) and tickets (owned by the store that opened them) stay where
 * they are and are read through the alias row `customer_merge(from_id → into_id)`, which the change
 * log carries to head office. The duplicate becomes a tombstone that still resolves to the survivor.
 */
import { changedFields, insertRecorded, recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { Tier } from './contract';
import { moveProduct } from './products';
import { reindexCustomer } from './search-index';
import type { CustomerFileRow } from './tables';
import { applyAutoTier } from './tiers';

const TIER_RANK: Record<Tier, number> = { regular: 0, silver: 1, gold: 2, vip: 3 };

export async function mergeCustomers(tx: TxContext, from: CustomerFileRow, into: CustomerFileRow): Promise<void> {
  const { trx } = tx;
  const products = await trx.selectFrom('product').select('id').where('customerId', '=', from.id).execute();
  for (const product of products) await moveProduct(tx, product.id, into.id);

  const intoPhones = await trx
    .selectFrom('customerPhone')
    .select(['digits', 'position'])
    .where('customerId', '=', into.id)
    .execute();
  const known = new Set(intoPhones.map((p) => p.digits));
  let phonePosition = intoPhones.length;
  for (const phone of await trx
    .selectFrom('customerPhone')
    .selectAll()
    .where('customerId', '=', from.id)
    .orderBy('position')
    .execute()) {
    const hlc = tx.stamp();
    if (known.has(phone.digits)) {
      await trx.deleteFrom('customerPhone').where('id', '=', phone.id).execute();
      await recordChange(tx, {
        entity: 'customer_phone',
        entityId: phone.id,
        op: 'delete',
        hlc,
        fields: { customerId: from.id },
      });
      continue;
    }
    known.add(phone.digits);
    const fields = { customerId: into.id, position: phonePosition++ };
    await trx
      .updateTable('customerPhone')
      .set({ ...fields, hlc })
      .where('id', '=', phone.id)
      .execute();
    await recordChange(tx, { entity: 'customer_phone', entityId: phone.id, op: 'update', hlc, fields });
  }

  const intoAddresses = await trx
    .selectFrom('customerAddress')
    .select('address')
    .where('customerId', '=', into.id)
    .execute();
  const places = new Set(intoAddresses.map((a) => a.address));
  let addressPosition = intoAddresses.length;
  for (const address of await trx
    .selectFrom('customerAddress')
    .selectAll()
    .where('customerId', '=', from.id)
    .orderBy('position')
    .execute()) {
    const hlc = tx.stamp();
    if (places.has(address.address)) {
      await trx.deleteFrom('customerAddress').where('id', '=', address.id).execute();
      await recordChange(tx, {
        entity: 'customer_address',
        entityId: address.id,
        op: 'delete',
        hlc,
        fields: { customerId: from.id },
      });
      continue;
    }
    places.add(address.address);
    const fields = { customerId: into.id, position: addressPosition++ };
    await trx
      .updateTable('customerAddress')
      .set({ ...fields, hlc })
      .where('id', '=', address.id)
      .execute();
    await recordChange(tx, { entity: 'customer_address', entityId: address.id, op: 'update', hlc, fields });
  }

  // The survivor keeps the safer and the better of the two: do-not-contact wins, the higher tier stays.
  const survivor = changedFields(into, {
    doNotContact: from.doNotContact === 1 ? 1 : into.doNotContact,
    tier: TIER_RANK[from.tier] > TIER_RANK[into.tier] ? from.tier : into.tier,
    notes:
      from.notes !== '' && !into.notes.includes(from.notes)
        ? [into.notes, from.notes].filter(Boolean).join('\n')
        : into.notes,
  });
  if (Object.keys(survivor).length > 0) {
    const hlc = tx.stamp();
    await trx
      .updateTable('customer')
      .set({ ...survivor, updatedAt: tx.nowIso, hlc })
      .where('id', '=', into.id)
      .execute();
    await recordChange(tx, {
      entity: 'customer',
      entityId: into.id,
      op: 'update',
      hlc,
      fields: { ...survivor, updatedAt: tx.nowIso },
    });
    await stampFields(tx, 'customer', into.id, Object.keys(survivor), hlc);
  }

  const aliasHlc = tx.stamp();
  const alias = { fromId: from.id, intoId: into.id, mergedAt: tx.nowIso, mergedBy: tx.staffId, hlc: aliasHlc };
  await insertRecorded(tx, 'customerMerge', 'customer_merge', alias, { key: 'fromId' });

  const tombstone = tx.stamp();
  await trx
    .updateTable('customer')
    .set({ deletedAt: tx.nowIso, updatedAt: tx.nowIso, hlc: tombstone })
    .where('id', '=', from.id)
    .execute();
  await recordChange(tx, {
    entity: 'customer',
    entityId: from.id,
    op: 'delete',
    hlc: tombstone,
    fields: { deletedAt: tx.nowIso, updatedAt: tx.nowIso, mergedInto: into.id },
  });

  await reindexCustomer(trx, from.id);
  await reindexCustomer(trx, into.id);
  await applyAutoTier(tx, into.id);
}
