/**
 * A store's product categories and their 三包 terms (docs/architecture/category-terms.md). Head
 * office owns the rows once the store is enrolled (db/parts/ownership.ts decides, for the
 * catalogue and for these alike); a standalone store has nobody to receive them from, so its
 * admin keeps them here. Each save is one recorded change of product_category, so an edit made
 * before enrolment is in the log like any other.
 */
import { DeskFailure, type Handler, type HandlerContext } from '../handler';
import type { noInput } from '../fields';
import { catalogueOwner } from '../parts/ownership';
import { changedFields, insertRecorded, recordChange } from '../sync/change-log';
import type { CategorySave, categorySaveSchema, CategoryTermsView } from './category-contract';
import { listCategories } from './products';

export const customersCategoryTerms: Handler<typeof noInput, CategoryTermsView> = async (ctx) => ({
  owner: await catalogueOwner(ctx.trx),
  categories: await listCategories(ctx.trx),
});

async function saveCategory(ctx: HandlerContext, input: CategorySave): Promise<void> {
  const before = await ctx.trx
    .selectFrom('productCategory')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  const { code, ...fields } = input;
  if (!before) {
    const last = await ctx.trx
      .selectFrom('productCategory')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    const row = { code, ...fields, position: (last?.position ?? 0) + 1, updatedAt: ctx.nowIso, hlc: ctx.stamp() };
    await insertRecorded(ctx, 'productCategory', 'product_category', row, { key: 'code' });
    return;
  }
  const changed = changedFields(before, fields);
  if (Object.keys(changed).length === 0) return;
  const hlc = ctx.stamp();
  await ctx.trx
    .updateTable('productCategory')
    .set({ ...changed, updatedAt: ctx.nowIso, hlc })
    .where('code', '=', code)
    .execute();
  await recordChange(ctx, {
    entity: 'product_category',
    entityId: code,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: ctx.nowIso },
  });
}

/** Refused once head office owns the categories: its next sync would overwrite the edit anyway. */
export const customersSaveCategory: Handler<typeof categorySaveSchema, CategoryTermsView> = async (ctx, input) => {
  if ((await catalogueOwner(ctx.trx)) === 'head_office')
    throw new DeskFailure('permission_denied', 'categories_hq_owned');
  await saveCategory(ctx, input);
  return customersCategoryTerms(ctx, {});
};
