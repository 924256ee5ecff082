/** Handlers for products and their proof of purchase. */
import { DeskFailure, type Handler, type HandlerContext } from '../handler';
import { findStoreRow } from '../store/queries';
import {
  insertProduct,
  loadProduct,
  removeProduct,
  toProductDetail,
  UnknownCategoryError,
  updateProduct,
} from './products';
import { findCustomerRow, resolveCustomerId } from './queries';
import type { productCreateSchema, ProductDetail, productUpdateSchema } from './product-contract';
import type { idInput } from './contract';

async function guardCategory<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UnknownCategoryError) throw new DeskFailure('validation', 'unknown_category', 'category');
    throw error;
  }
}

/**
 * A purchase date is the store's local date, which runs up to 14 hours ahead of UTC (08:00 in
 * Shanghai is still yesterday in UTC), so "in the future" means after tomorrow's UTC date.
 */
function checkPurchaseDate(ctx: HandlerContext, date: string | null): void {
  const latest = new Date(Date.parse(ctx.nowIso) + 86_400_000).toISOString().slice(0, 10);
  if (date !== null && date > latest) throw new DeskFailure('validation', 'date_in_future', 'purchaseDate');
}

async function liveProduct(ctx: HandlerContext, id: string) {
  const row = await loadProduct(ctx.trx, id);
  if (!row || row.deletedAt !== null) throw new DeskFailure('not_found', 'not_found');
  return row;
}

export const customersAddProduct: Handler<typeof productCreateSchema, ProductDetail> = async (ctx, input) => {
  checkPurchaseDate(ctx, input.purchaseDate);
  const customerId = await resolveCustomerId(ctx.trx, input.customerId);
  if (!(await findCustomerRow(ctx.trx, customerId))) throw new DeskFailure('not_found', 'not_found', 'customerId');
  const store = await findStoreRow(ctx.trx);
  const row = await guardCategory(() => insertProduct(ctx, { ...input, customerId }, store?.id ?? null));
  return toProductDetail(row, ctx.nowIso);
};

export const customersUpdateProduct: Handler<typeof productUpdateSchema, ProductDetail> = async (ctx, input) => {
  checkPurchaseDate(ctx, input.purchaseDate);
  const before = await liveProduct(ctx, input.id);
  const { id: _id, ...fields } = input;
  const row = await guardCategory(() => updateProduct(ctx, before, fields));
  return toProductDetail(row, ctx.nowIso);
};

export const customersRemoveProduct: Handler<typeof idInput, null> = async (ctx, input) => {
  await removeProduct(ctx, await liveProduct(ctx, input.id));
  return null;
};
