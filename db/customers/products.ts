/**
 * Products and their proof of purchase. `loadProduct` is the read other areas (service tickets) use.
 * Every write logs its change, refreshes the owner's search terms and, for an auto-tier owner, the tier.
 */
import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { DB } from '../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../sync/change-log';
import type { ProductCategory, ProductDetail, ProductWrite } from './product-contract';
import { reindexCustomer } from './search-index';
import type { ProductRow } from './tables';
import { applyAutoTier } from './tiers';
import { underWarranty, warrantyEnd } from './warranty';

export class UnknownCategoryError extends Error {
  constructor(readonly category: string) {
    super(`unknown product category ${category}`);
  }
}

export function toProductDetail(row: ProductRow, todayIso: string): ProductDetail {
  return {
    id: row.id,
    customerId: row.customerId,
    category: row.category,
    brand: row.brand,
    model: row.model,
    serial: row.serial,
    purchaseDate: row.purchaseDate,
    purchaseStore: row.purchaseStore,
    receiptNo: row.receiptNo,
    priceFen: row.priceFen,
    warrantyEnd: row.warrantyEnd,
    underWarranty: underWarranty(row.warrantyEnd, todayIso),
    createdAt: row.createdAt,
  };
}

/** One product, removed ones included (an old ticket still shows what it was about); undefined if unknown. */
export async function loadProduct(db: Kysely<DB>, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listProducts(db: Kysely<DB>, customerIds: ReadonlyArray<string>): Promise<ProductRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('product')
    .selectAll()
    .where('customerId', 'in', customerIds)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function listCategories(db: Kysely<DB>): Promise<ProductCategory[]> {
  return db
    .selectFrom('productCategory')
    .select(['code', 'nameZh', 'nameEn', 'warrantyMonths', 'returnDays', 'exchangeDays', 'mainPartsMonths'])
    .orderBy('position')
    .execute();
}

async function warrantyFor(db: Kysely<DB>, category: string, purchaseDate: string | null): Promise<string | null> {
  const found = await db
    .selectFrom('productCategory')
    .select('warrantyMonths')
    .where('code', '=', category)
    .executeTakeFirst();
  if (!found) throw new UnknownCategoryError(category);
  return purchaseDate === null ? null : warrantyEnd(purchaseDate, found.warrantyMonths);
}

export async function insertProduct(
  tx: TxContext,
  input: ProductWrite,
  createdStoreId: string | null,
): Promise<ProductRow> {
  const hlc = tx.stamp();
  const row: ProductRow = {
    id: newId(),
    customerId: input.customerId,
    category: input.category,
    brand: input.brand,
    model: input.model,
    serial: input.serial,
    purchaseDate: input.purchaseDate,
    purchaseStore: input.purchaseStore,
    receiptNo: input.receiptNo,
    priceFen: input.priceFen,
    warrantyEnd: await warrantyFor(tx.trx, input.category, input.purchaseDate),
    createdStoreId,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    deletedAt: null,
    hlc,
  };
  await insertRecorded(tx, 'product', 'product', row);
  await afterProductChange(tx, row.customerId);
  return row;
}

export async function updateProduct(
  tx: TxContext,
  before: ProductRow,
  input: Omit<ProductWrite, 'customerId'>,
): Promise<ProductRow> {
  const next = { ...input, warrantyEnd: await warrantyFor(tx.trx, input.category, input.purchaseDate) };
  const changed = changedFields(before, next);
  // changedFields skips undefined only; a field cleared to null is a change and must be written.
  if (Object.keys(changed).length === 0) return before;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('product')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'product',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
  await afterProductChange(tx, before.customerId);
  return { ...before, ...changed, updatedAt: tx.nowIso, hlc };
}

/** Soft delete: tickets that point at the product keep resolving it. */
export async function removeProduct(tx: TxContext, before: ProductRow): Promise<void> {
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('product')
    .set({ deletedAt: tx.nowIso, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'product',
    entityId: before.id,
    op: 'delete',
    hlc,
    fields: { deletedAt: tx.nowIso, updatedAt: tx.nowIso },
  });
  await afterProductChange(tx, before.customerId);
}

/** Move a product to another customer (merge). */
export async function moveProduct(tx: TxContext, productId: string, customerId: string): Promise<void> {
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('product')
    .set({ customerId, updatedAt: tx.nowIso, hlc })
    .where('id', '=', productId)
    .execute();
  await recordChange(tx, {
    entity: 'product',
    entityId: productId,
    op: 'update',
    hlc,
    fields: { customerId, updatedAt: tx.nowIso },
  });
}

async function afterProductChange(tx: TxContext, customerId: string): Promise<void> {
  await reindexCustomer(tx.trx, customerId);
  await applyAutoTier(tx, customerId);
}
