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

/**
 * The counter's seeded categories (position is the index): code, 中文, English, whole-unit warranty
 * months (db/migrations/0002-customer-file.ts) and main-parts months (0023, from the national 三包
 * rules: 3 years for compressors and motors, 2 for a computer's main parts, 1 for a phone).
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ['tv', '电视', 'TV', 12, 36],
  ['fridge', '冰箱', 'Fridge', 12, 36],
  ['washer', '洗衣机', 'Washing machine', 12, 36],
  ['aircon', '空调', 'Air conditioner', 12, 36],
  ['kitchen', '厨房电器', 'Kitchen appliance', 12, 36],
  ['small', '小家电', 'Small appliance', 12, 12],
  ['phone', '手机', 'Phone', 12, 12],
  ['computer', '电脑', 'Computer', 12, 24],
  ['furniture', '家具', 'Furniture', 24, 24],
  ['mattress', '床垫', 'Mattress', 36, 36],
  ['other', '其他', 'Other', 12, 12],
];
/** 《部分商品修理更换退货责任规定》 articles 8–9: return within 7 days of the purchase, exchange within 15. */
export const DEFAULT_RETURN_DAYS = 7;
export const DEFAULT_EXCHANGE_DAYS = 15;

export async function listCategories(db: Pick<HqDatabase, 'selectFrom'>): Promise<CategoryView[]> {
  const set = new Map((await loadRecords(db, 'product_category')).map((r) => [r.id, r.fields]));
  const views = new Map<string, CategoryView>();
  DEFAULT_CATEGORIES.forEach(([code, nameZh, nameEn, warrantyMonths, mainPartsMonths], position) =>
    views.set(code, {
      code,
      nameZh,
      nameEn,
      warrantyMonths,
      mainPartsMonths,
      returnDays: DEFAULT_RETURN_DAYS,
      exchangeDays: DEFAULT_EXCHANGE_DAYS,
      position,
      setByHeadOffice: false,
      updatedAt: null,
    }),
  );
  for (const [code, f] of set) {
    const base = views.get(code);
    views.set(code, {
      code,
      nameZh: String(f.nameZh ?? base?.nameZh ?? code),
      nameEn: String(f.nameEn ?? base?.nameEn ?? code),
      warrantyMonths: Number(f.warrantyMonths ?? base?.warrantyMonths ?? 0),
      // Set before head office kept these: the counters hold their migration's values, the defaults.
      mainPartsMonths: Number(f.mainPartsMonths ?? base?.mainPartsMonths ?? f.warrantyMonths ?? 0),
      returnDays: Number(f.returnDays ?? DEFAULT_RETURN_DAYS),
      exchangeDays: Number(f.exchangeDays ?? DEFAULT_EXCHANGE_DAYS),
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
  mainPartsMonths: v.mainPartsMonths,
  returnDays: v.returnDays,
  exchangeDays: v.exchangeDays,
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
