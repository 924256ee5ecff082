/**
 * The customers area's desk methods (`customersMethods` at the end, one line per method) and the
 * handlers of the customer record itself; products and import/export have their own files.
 */
import { DeskFailure, requireActor, type Handler, type HandlerContext, areaMethods, method } from '../handler';
import { customersCategoryTerms, customersSaveCategory } from './categories';
import { categorySaveSchema } from './category-contract';
import { roleCan } from '../staff/roles';
import { findStoreRow } from '../store/queries';
import {
  type CustomerDetail,
  type Tier,
  customerCreateSchema,
  customerUpdateSchema,
  idInput,
  customerSearchSchema,
  type CounterSearchResult,
  duplicatesSchema,
  type CustomerSummary,
  type CustomerHistory,
  noteSchema,
  type NoteEntry,
  mergeSchema,
  type TierStandardView,
} from './contract';
import { loadHistory } from './history';
import { mergeCustomers } from './merge';
import { appendNote } from './notes';
import { normalisePhone } from './phone';
import { listCategories } from './products';
import {
  customersWithPhones,
  findCustomerRow,
  loadCustomerDetail,
  resolveCustomerId,
  UnknownChildError,
  insertCustomer,
  updateCustomer,
} from './queries';
import { counterSearch, withMaskedPhones } from './search';
import { listTiers } from './tiers';
import { noInput } from '../fields';
import { type CategoryChoice, productCreateSchema, productUpdateSchema } from './product-contract';
import { namePinyin } from './search-terms';
import { customersAddProduct, customersUpdateProduct, customersRemoveProduct } from './product-methods';
import { importBeginSchema, importCheckSchema, importBatchSchema, exportSchema } from './exchange-contract';
import {
  customersImportBegin,
  customersImportCheck,
  customersImportCommit,
  customersImportCancel,
  customersExport,
} from './exchange-methods';

function checkTierChange(ctx: HandlerContext, from: Tier, to: Tier): void {
  // Tier sets the service standard a customer gets, so counter staff cannot raise it themselves.
  if (from !== to && !roleCan(requireActor(ctx).role, 'customers.tier'))
    throw new DeskFailure('permission_denied', 'permission_denied', 'tier');
}

/** Full phones and addresses only for roles that serve customers (docs/DOMAIN.md §9). */
export function showsContact(ctx: HandlerContext): boolean {
  return roleCan(requireActor(ctx).role, 'customers.personal');
}

async function detailOrFail(ctx: HandlerContext, id: string): Promise<CustomerDetail> {
  const detail = await loadCustomerDetail(ctx.trx, id, { showContact: showsContact(ctx) });
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

export const customersCreate: Handler<typeof customerCreateSchema, CustomerDetail> = async (ctx, input) => {
  checkTierChange(ctx, 'regular', input.tier);
  if (input.tierRule === 'auto' && input.tier !== 'regular')
    throw new DeskFailure('validation', 'invalid_value', 'tier');
  if (!input.confirmDuplicate) {
    const index = await firstTakenPhone(
      ctx,
      input.phones.map((p) => p.number.digits),
    );
    if (index !== -1) throw new DeskFailure('conflict', 'phone_taken', `phones.${index}.number`);
  }
  const store = await findStoreRow(ctx.trx);
  const id = await insertCustomer(ctx, input, store?.id ?? null);
  return detailOrFail(ctx, id);
};

async function firstTakenPhone(ctx: HandlerContext, digits: ReadonlyArray<string>): Promise<number> {
  for (const [index, d] of digits.entries()) if ((await customersWithPhones(ctx.trx, [d])).length > 0) return index;
  return -1;
}

export const customersUpdate: Handler<typeof customerUpdateSchema, CustomerDetail> = async (ctx, input) => {
  const before = await findCustomerRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  checkTierChange(ctx, before.tier, input.tier);
  if (input.tierRule !== undefined && input.tierRule !== before.tierRule) checkTierChange(ctx, 'regular', 'vip');
  try {
    await updateCustomer(ctx, before, input);
  } catch (error) {
    if (error instanceof UnknownChildError) throw new DeskFailure('validation', 'invalid_value', error.field);
    throw error;
  }
  return detailOrFail(ctx, input.id);
};

export const customersGet: Handler<typeof idInput, CustomerDetail> = async (ctx, input) =>
  detailOrFail(ctx, await resolveCustomerId(ctx.trx, input.id));

export const customersSearch: Handler<typeof customerSearchSchema, CounterSearchResult> = async (ctx, input) =>
  counterSearch(ctx.trx, input.query, input.limit);

export const customersDuplicates: Handler<typeof duplicatesSchema, ReadonlyArray<CustomerSummary>> = async (
  ctx,
  input,
) => {
  const digits = input.phones.map((raw) => normalisePhone(raw)?.digits).filter((d): d is string => d !== undefined);
  const ids = await customersWithPhones(ctx.trx, digits);
  if (ids.length === 0) return [];
  const rows = await ctx.trx
    .selectFrom('customer')
    .select(['id', 'name', 'tier', 'updatedAt'])
    .where('id', 'in', ids)
    .execute();
  return withMaskedPhones(ctx.trx, rows);
};

export const customersHistory: Handler<typeof idInput, CustomerHistory> = async (ctx, input) => {
  const id = await resolveCustomerId(ctx.trx, input.id);
  const history = await loadHistory(ctx.trx, id, { showContact: showsContact(ctx), todayIso: ctx.nowIso });
  if (!history) throw new DeskFailure('not_found', 'not_found');
  return history;
};

export const customersAddNote: Handler<typeof noteSchema, NoteEntry> = async (ctx, input) => {
  const id = await resolveCustomerId(ctx.trx, input.customerId);
  if (!(await findCustomerRow(ctx.trx, id))) throw new DeskFailure('not_found', 'not_found');
  return appendNote(ctx, id, input.body);
};

export const customersMerge: Handler<typeof mergeSchema, CustomerDetail> = async (ctx, input) => {
  const from = await findCustomerRow(ctx.trx, input.fromId);
  const into = await findCustomerRow(ctx.trx, input.intoId);
  if (!from) throw new DeskFailure('not_found', 'merge_gone', 'fromId');
  if (!into) throw new DeskFailure('not_found', 'merge_gone', 'intoId');
  await mergeCustomers(ctx, from, into);
  return detailOrFail(ctx, into.id);
};

export const customersTiers: Handler<typeof noInput, ReadonlyArray<TierStandardView>> = async (ctx) =>
  listTiers(ctx.trx);

export const customersCategories: Handler<typeof noInput, ReadonlyArray<CategoryChoice>> = async (ctx) =>
  (await listCategories(ctx.trx)).map((category) => {
    const spelled = namePinyin(category.nameZh);
    return { ...category, initials: spelled?.initials ?? '', pinyin: spelled?.full ?? '' };
  });

/** The customer file: records, products, notes, merge, import and export. */
// prettier-ignore
export const customersMethods = areaMethods('customers', {
  /** Register a new customer at the counter. Refused with `phone_taken` when a phone is already on file, unless confirmed. */
  'customers.create': method(customerCreateSchema, { access: 'customers.write', mutates: true }, customersCreate),
  /** Change a customer's name, phones, addresses, preferences, tier (needs customers.tier) or remark. */
  'customers.update': method(customerUpdateSchema, { access: 'customers.write', mutates: true }, customersUpdate),
  /** Open one customer (a merged id leads to the surviving record), full contact only for roles that serve customers. */
  'customers.get': method(idInput, { access: 'customers.read', mutates: false }, customersGet),
  /** The one counter search box: phone fragment, name, pinyin initials, ticket number, serial, receipt number. */
  'customers.search': method(customerSearchSchema, { access: 'customers.read', mutates: false }, customersSearch),
  /** Customers already on file with any of these phones (exact number), masked. */
  'customers.duplicates': method(duplicatesSchema, { access: 'customers.read', mutates: false }, customersDuplicates),
  /** The customer's history on one screen: products, tickets, notes, newest first. */
  'customers.history': method(idInput, { access: 'customers.read', mutates: false }, customersHistory),
  /** Append a service note (服务记录); notes are never edited or removed. */
  'customers.addNote': method(noteSchema, { access: 'customers.write', mutates: true }, customersAddNote),
  /** Merge a duplicate into the surviving record: products, notes, phones and addresses move; the old id becomes an alias. */
  'customers.merge': method(mergeSchema, { access: 'customers.merge', mutates: true }, customersMerge),
  /** Tiers and their service standards (set by head office). */
  'customers.tiers': method(noInput, { access: 'customers.read', mutates: false }, customersTiers),
  /** Product categories and their warranty periods. */
  'customers.categories': method(noInput, { access: 'customers.read', mutates: false }, customersCategories),
  /** The categories' 三包 terms and who edits them: the store until enrolled, head office after. */
  'customers.categoryTerms': method(noInput, { access: 'store.manage', mutates: false }, customersCategoryTerms),
  /** A standalone store adds a category or changes its terms; refused once head office owns them. */
  'customers.saveCategory': method(categorySaveSchema, { access: 'store.manage', mutates: true }, customersSaveCategory),
  /** Register a product the customer owns, with its proof of purchase. */
  'customers.addProduct': method(productCreateSchema, { access: 'customers.write', mutates: true }, customersAddProduct),
  'customers.updateProduct': method(productUpdateSchema, { access: 'customers.write', mutates: true }, customersUpdateProduct),
  /** Remove a product registered by mistake (kept for the tickets that point at it). */
  'customers.removeProduct': method(idInput, { access: 'customers.write', mutates: true }, customersRemoveProduct),
  /** Start an import of customers or products; returns the batch the checked rows are staged in. */
  'customers.importBegin': method(importBeginSchema, { access: 'customers.import', mutates: false }, customersImportBegin),
  /**
   * Check a chunk of mapped rows (the dry run) and stage the good ones. Writes only the staging
   * tables, never customer data, so it announces nothing.
   */
  'customers.importCheck': method(importCheckSchema, { access: 'customers.import', mutates: false }, customersImportCheck),
  /** Write every staged good row in one transaction, then drop the staging. */
  'customers.importCommit': method(importBatchSchema, { access: 'customers.import', mutates: true }, customersImportCommit),
  /** Drop a staged import: nothing of it was written. */
  'customers.importCancel': method(importBatchSchema, { access: 'customers.import', mutates: false }, customersImportCancel),
  /** The current search or the whole list with full contact details, for a spreadsheet. Logged. */
  'customers.export': method(exportSchema, { access: 'customers.export', mutates: true }, customersExport),
});
