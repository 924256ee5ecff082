/** Handlers for the customer file at the counter. */
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../handler';
import { roleCan } from '../staff/roles';
import { findStoreRow } from '../store/queries';
import type { CustomerDetail, Tier } from './contract';
import { findCustomerRow, insertCustomer, loadCustomerDetail, searchCustomers, UnknownPhoneError, updateCustomer } from './queries';

function checkTierChange(ctx: HandlerContext, from: Tier, to: Tier): void {
  // Tier sets the service standard a customer gets, so counter staff cannot raise it themselves.
  if (from !== to && !roleCan(requireActor(ctx).role, 'customers.tier')) throw new DeskFailure('permission_denied', 'permission_denied', 'tier');
}

async function detailOrFail(ctx: HandlerContext, id: string): Promise<CustomerDetail> {
  const detail = await loadCustomerDetail(ctx.trx, id);
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

export const customersCreate: Handler<'customers.create'> = async (ctx, input) => {
  checkTierChange(ctx, 'regular', input.tier);
  const store = await findStoreRow(ctx.trx);
  const id = await insertCustomer(ctx, input, store?.id ?? null);
  return detailOrFail(ctx, id);
};

export const customersUpdate: Handler<'customers.update'> = async (ctx, input) => {
  const before = await findCustomerRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  checkTierChange(ctx, before.tier, input.tier);
  try {
    await updateCustomer(ctx, before, input);
  } catch (error) {
    if (error instanceof UnknownPhoneError) throw new DeskFailure('validation', 'invalid_value', `phones.${error.index}.number`);
    throw error;
  }
  return detailOrFail(ctx, input.id);
};

export const customersGet: Handler<'customers.get'> = async (ctx, input) => detailOrFail(ctx, input.id);

export const customersSearch: Handler<'customers.search'> = async (ctx, input) => ({ items: await searchCustomers(ctx.trx, input.query, input.limit) });
