/**
 * Which stores a customer reaches (docs/SYNC.md §2.5): a store sees a customer once linked.
 * Linking sends the store the customer's file as it stands (admin/ops.ts
 * `linkCustomerInTransaction`, as `link-customer` does). Unlinking removes the link, and with it
 * everything that lets the customer reach the store: a pull reads customer rows through the link
 * at the time it reads (pull.ts `inScope`), so rows of the customer written before the unlink and
 * not yet pulled stop too; and a push from that store naming the customer is refused as
 * `customer_not_linked` (store-scope.ts), so the store cannot write the link back either. The
 * store's PCs keep what they already have. The store that created the customer reaches them by
 * ownership whatever the links say, so it cannot be unlinked.
 */
import type { Transaction } from 'kysely';
import { linkCustomerInTransaction } from '../../admin/ops';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import { lockFeed } from '../../feed';

async function storeNamed(trx: Transaction<HqDB>, storeCode: string) {
  const store = await trx
    .selectFrom('hqStore')
    .select(['id', 'code', 'status'])
    .where('code', '=', storeCode)
    .executeTakeFirst();
  if (!store) throw new HqError(404, 'no_store', `No store with code ${storeCode}`);
  return store;
}

async function liveCustomer(trx: Transaction<HqDB>, customerId: string) {
  const row = await trx
    .selectFrom('entityState')
    .select(['ownerStoreId', 'state'])
    .where('entity', '=', 'customer')
    .where('entityId', '=', customerId)
    .executeTakeFirst();
  if (!row) throw new HqError(404, 'no_customer', `No customer ${customerId} at head office`);
  if (row.state.deleted !== null)
    throw new HqError(409, 'customer_deleted', 'This customer was deleted or merged into another: open the survivor');
  return row;
}

/** Inside the caller's transaction (with its audit row). */
export async function linkStore(trx: Transaction<HqDB>, customerId: string, storeCode: string): Promise<void> {
  const store = await storeNamed(trx, storeCode);
  if (store.status === 'closed') throw new HqError(409, 'store_closed', `Store ${storeCode} is closed`);
  await liveCustomer(trx, customerId);
  await lockFeed(trx);
  if (!(await linkCustomerInTransaction(trx, customerId, store.id)))
    throw new HqError(409, 'already_linked', `Store ${storeCode} already reaches this customer`);
}

export async function unlinkStore(trx: Transaction<HqDB>, customerId: string, storeCode: string): Promise<void> {
  const store = await storeNamed(trx, storeCode);
  const customer = await liveCustomer(trx, customerId);
  if (customer.ownerStoreId === store.id)
    throw new HqError(
      409,
      'home_store',
      `Store ${storeCode} created this customer and always reaches them: it cannot be unlinked`,
    );
  // The feed lock orders the unlink with pushes: a push that read the link commits before it goes.
  await lockFeed(trx);
  const removed = await trx
    .deleteFrom('customerLink')
    .where('customerId', '=', customerId)
    .where('storeId', '=', store.id)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0)
    throw new HqError(404, 'not_linked', `Store ${storeCode} does not reach this customer`);
}
