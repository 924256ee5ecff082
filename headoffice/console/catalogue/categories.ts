/**
 * Product categories at head office. Every counter is created with the same built-in categories
 * (db/migrations/0002-customer-file.ts); until head office sets one, the console shows that default,
 * and head office's first write of it is an insert with every field, which the counters merge over
 * their seeded row (head office's stamp is newer). There is no delete: counters' products refer to
 * a category by its code. A changed warranty term applies to products registered from then on (the
 * counter stores each product's warranty end when it is written).
 */
import type { Transaction } from 'kysely';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type { HqDB } from '../../db/schema';
import type { CategoryCreate, CategoryFields, CategoryView } from '../contract/categories';
import type { CataloguePlan } from './commit';
import { loadRecords } from './records';

type Trx = Transaction<HqDB>;

/** The counter's seeded categories: code, 中文, English, warranty months (position is the index). */
export const DEFAULT_CATEGORIES: ReadonlyArray<readonly [string, string, string, number]> = [
  ['tv', '电视', 'TV', 12],
  ['fridge', '冰箱', 'Fridge', 12],
  ['washer', '洗衣机', 'Washing machine', 12],
  ['aircon', '空调', 'Air conditioner', 12],
  ['kitchen', '厨房电器', 'Kitchen appliance', 12],
  ['small', '小家电', 'Small appliance', 12],
  ['phone', '手机', 'Phone', 12],
  ['computer', '电脑', 'Computer', 12],
  ['furniture', '家具', 'Furniture', 24],
  ['mattress', '床垫', 'Mattress', 36],
  ['other', '其他', 'Other', 12],
];

export async function listCategories(db: Pick<HqDatabase, 'selectFrom'>): Promise<CategoryView[]> {
  const set = new Map((await loadRecords(db, 'product_category')).map((r) => [r.id, r.fields]));
  const views = new Map<string, CategoryView>();
  DEFAULT_CATEGORIES.forEach(([code, nameZh, nameEn, warrantyMonths], position) =>
    views.set(code, { code, nameZh, nameEn, warrantyMonths, position, setByHeadOffice: false, updatedAt: null }),
  );
  for (const [code, f] of set) {
    const base = views.get(code);
    views.set(code, {
      code,
      nameZh: String(f.nameZh ?? base?.nameZh ?? code),
      nameEn: String(f.nameEn ?? base?.nameEn ?? code),
      warrantyMonths: Number(f.warrantyMonths ?? base?.warrantyMonths ?? 0),
      position: Number(f.position ?? base?.position ?? 0),
      setByHeadOffice: true,
      updatedAt: typeof f.updatedAt === 'string' ? f.updatedAt : null,
    });
  }
  return [...views.values()].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

const fieldsOf = (v: CategoryView): CategoryFields => ({
  nameZh: v.nameZh,
  nameEn: v.nameEn,
  warrantyMonths: v.warrantyMonths,
  position: v.position,
});

export async function planCreateCategory(
  trx: Trx,
  input: CategoryCreate,
  nowIso: string,
): Promise<CataloguePlan<CategoryView>> {
  if ((await listCategories(trx)).some((c) => c.code === input.code))
    throw new HqError(409, 'category_code_taken', `A category with code ${input.code} already exists`);
  return {
    writes: [
      { entity: 'product_category', entityId: input.code, op: 'insert', fields: { ...input, updatedAt: nowIso } },
    ],
    audit: { action: 'category.create', target: input.code, before: null, after: input },
    result: { ...input, setByHeadOffice: true, updatedAt: nowIso },
  };
}

export async function planUpdateCategory(
  trx: Trx,
  code: string,
  input: CategoryFields,
  nowIso: string,
): Promise<CataloguePlan<CategoryView>> {
  const before = (await listCategories(trx)).find((c) => c.code === code);
  if (!before) throw new HqError(404, 'not_found', `No product category ${code}`);
  const was = fieldsOf(before);
  const keys = (Object.keys(input) as Array<keyof CategoryFields>).filter((k) => was[k] !== input[k]);
  const result: CategoryView = { ...before, ...input, setByHeadOffice: true, updatedAt: nowIso };
  if (keys.length === 0 && before.setByHeadOffice)
    return {
      writes: [],
      audit: { action: 'category.update', target: code, before: null, after: null },
      result: before,
    };
  // The first write of a built-in category carries every field, so a counter gets the whole row.
  const fields = before.setByHeadOffice
    ? { ...Object.fromEntries(keys.map((k) => [k, input[k]])), updatedAt: nowIso }
    : { code, ...input, updatedAt: nowIso };
  return {
    writes: [{ entity: 'product_category', entityId: code, op: before.setByHeadOffice ? 'update' : 'insert', fields }],
    audit: {
      action: 'category.update',
      target: code,
      before: Object.fromEntries(keys.map((k) => [k, was[k]])),
      after: Object.fromEntries(keys.map((k) => [k, input[k]])),
    },
    result,
  };
}
