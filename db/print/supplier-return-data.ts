/** The data of the return note (退货单): the return as the parts page shows it, with the supplier's contact. */
import { DeskFailure, type HandlerContext } from '../handler';
import { storeDate } from '../parts/numbers';
import { loadSupplierReturnView } from '../parts/receiving/returns';
import type { SupplierReturnPrintData } from './form-data';
import { loadStoreHeader } from './store-header';

export async function loadSupplierReturnPrint(ctx: HandlerContext, returnId: string): Promise<SupplierReturnPrintData> {
  const view = await loadSupplierReturnView(ctx.trx, returnId, await storeDate(ctx.trx, ctx.nowIso));
  if (!view) throw new DeskFailure('not_found', 'not_found', 'returnId');
  const supplier = await ctx.trx
    .selectFrom('supplierReturn as t')
    .innerJoin('supplier as s', 's.id', 't.supplierId')
    .select(['s.name', 's.contact', 's.phone'])
    .where('t.id', '=', returnId)
    .executeTakeFirstOrThrow();
  return { store: await loadStoreHeader(ctx.trx), supplier, supplierReturn: view };
}
