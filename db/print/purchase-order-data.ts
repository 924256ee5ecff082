/** The data of the printed purchase order (采购单): the order as the Purchasing tab shows it, under the letterhead. */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { loadPurchaseOrderView } from '../parts/purchasing/queries';
import type { DB } from '../schema';
import type { PurchaseOrderPrintData } from './form-data';
import { loadStoreHeader } from './store-header';

export async function loadPurchaseOrderPrint(db: Kysely<DB>, purchaseOrderId: string): Promise<PurchaseOrderPrintData> {
  const order = await loadPurchaseOrderView(db, purchaseOrderId);
  if (!order) throw new DeskFailure('not_found', 'not_found', 'purchaseOrderId');
  return { store: await loadStoreHeader(db), order };
}
