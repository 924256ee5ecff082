/** Handlers for the customer file at the counter. */
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../handler';
import { roleCan } from '../staff/roles';
import { findStoreRow } from '../store/queries';
import type { CustomerDetail, Tier } from './contract';
import { loadHistory } from './history';
import { mergeCustomers } from './merge';
import { appendNote } from './notes';
import { normalisePhone } from './phone';
import { listCategories } from './products';
import { customersWithPhones, findCustomerRow, loadCustomerDetail, resolveCustomerId, UnknownChildError, insertCustomer, updateCustomer } from './queries';
import { counterSearch, withMaskedPhones } from './search';
import { listTiers } from './tiers';

function checkTierChange(ctx: HandlerContext, from: Tier, to: Tier): void {
  // Tier sets the service standard a customer gets, so counter staff cannot raise it themselves.
  if (from !== to && !roleCan(requireActor(ctx).role, 'customers.tier')) throw new DeskFailure('permission_denied', 'permission_denied', 'tier');
}

/** Full phones and addresses only for roles that serve customers (DOMAIN.md §9). */
export function showsContact(ctx: HandlerContext): boolean {
  return roleCan(requireActor(ctx).role, 'customers.personal');
}

async function detailOrFail(ctx: HandlerContext, id: string): Promise<CustomerDetail> {
  const detail = await loadCustomerDetail(ctx.trx, id, { showContact: showsContact(ctx) });
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

export const customersCreate: Handler<'customers.create'> = async (ctx, input) => {
  checkTierChange(ctx, 'regular', input.tier);
  if (input.tierRule === 'auto' && input.tier !== 'regular') throw new DeskFailure('validation', 'invalid_value', 'tier');
  if (!input.confirmDuplicate) {
    const index = await firstTakenPhone(ctx, input.phones.map((p) => p.number.digits));
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

export const customersUpdate: Handler<'customers.update'> = async (ctx, input) => {
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

export const customersGet: Handler<'customers.get'> = async (ctx, input) => detailOrFail(ctx, await resolveCustomerId(ctx.trx, input.id));

export const customersSearch: Handler<'customers.search'> = async (ctx, input) => counterSearch(ctx.trx, input.query, input.limit);

export const customersDuplicates: Handler<'customers.duplicates'> = async (ctx, input) => {
  const digits = input.phones.map((raw) => normalisePhone(raw)?.digits).filter((d): d is string => d !== undefined);
  const ids = await customersWithPhones(ctx.trx, digits);
  if (ids.length === 0) return [];
  const rows = await ctx.trx.selectFrom('customer').select(['id', 'name', 'tier', 'updatedAt']).where('id', 'in', ids).execute();
  return withMaskedPhones(ctx.trx, rows);
};

export const customersHistory: Handler<'customers.history'> = async (ctx, input) => {
  const id = await resolveCustomerId(ctx.trx, input.id);
  const history = await loadHistory(ctx.trx, id, { showContact: showsContact(ctx), todayIso: ctx.nowIso });
  if (!history) throw new DeskFailure('not_found', 'not_found');
  return history;
};

export const customersAddNote: Handler<'customers.addNote'> = async (ctx, input) => {
  const id = await resolveCustomerId(ctx.trx, input.customerId);
  if (!(await findCustomerRow(ctx.trx, id))) throw new DeskFailure('not_found', 'not_found');
  return appendNote(ctx, id, input.body);
};

export const customersMerge: Handler<'customers.merge'> = async (ctx, input) => {
  const from = await findCustomerRow(ctx.trx, input.fromId);
  const into = await findCustomerRow(ctx.trx, input.intoId);
  if (!from) throw new DeskFailure('not_found', 'merge_gone', 'fromId');
  if (!into) throw new DeskFailure('not_found', 'merge_gone', 'intoId');
  await mergeCustomers(ctx, from, into);
  return detailOrFail(ctx, into.id);
};

export const customersTiers: Handler<'customers.tiers'> = async (ctx) => listTiers(ctx.trx);

export const customersCategories: Handler<'customers.categories'> = async (ctx) => listCategories(ctx.trx);
