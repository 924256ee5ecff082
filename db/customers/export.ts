/**
 * Export of personal data (docs/DOMAIN.md §9): only for roles with customers.export, full contact
 * details, and every export is logged (customer_export, sent to head office as an append).
 */
import { newId } from '../ids';
import { appendRecorded, type TxContext } from '../sync/change-log';
import { EXPORT_MAX_ROWS, type ExportResult, type ExportRow } from './exchange-contract';
import { counterSearch } from './search';

export async function exportCustomers(tx: TxContext, query: string, format: 'xlsx' | 'csv'): Promise<ExportResult> {
  const { trx } = tx;
  let ids: string[];
  let truncated: boolean;
  if (query === '') {
    const rows = await trx
      .selectFrom('customer')
      .select('id')
      .where('deletedAt', 'is', null)
      .orderBy('createdAt')
      .limit(EXPORT_MAX_ROWS + 1)
      .execute();
    truncated = rows.length > EXPORT_MAX_ROWS;
    ids = rows.slice(0, EXPORT_MAX_ROWS).map((r) => r.id);
  } else {
    const found = await counterSearch(trx, query, 100);
    ids = [
      ...new Set([
        ...found.items.map((c) => c.id),
        ...found.products.map((p) => p.customerId),
        ...found.tickets.map((t) => t.customerId),
      ]),
    ];
    truncated = found.more;
  }
  const rows: ExportRow[] = [];
  // In slices: SQLite caps the number of bound parameters in one statement.
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await exportSlice(tx, ids.slice(i, i + 500))));

  const hlc = tx.stamp();
  const log = {
    id: newId(),
    staffId: tx.staffId,
    createdAt: tx.nowIso,
    scope: query === '' ? 'list' : 'search',
    query,
    format,
    rowCount: rows.length,
    hlc,
  };
  await appendRecorded(tx, 'customerExport', 'customer_export', log);
  return { rows, truncated };
}

async function exportSlice(tx: TxContext, ids: string[]): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const { trx } = tx;
  const customers = await trx
    .selectFrom('customer')
    .select(['id', 'name', 'tier', 'createdAt'])
    .where('id', 'in', ids)
    .where('deletedAt', 'is', null)
    .execute();
  const phones = await trx
    .selectFrom('customerPhone')
    .select(['customerId', 'number'])
    .where('customerId', 'in', ids)
    .orderBy('position')
    .execute();
  const addresses = await trx
    .selectFrom('customerAddress')
    .select(['customerId', 'address'])
    .where('customerId', 'in', ids)
    .orderBy('position')
    .execute();
  const products = await trx
    .selectFrom('product')
    .select((eb) => ['customerId', eb.fn.countAll<number>().as('n')])
    .where('customerId', 'in', ids)
    .where('deletedAt', 'is', null)
    .groupBy('customerId')
    .execute();
  const byOrder = new Map(ids.map((id, i) => [id, i]));
  return customers
    .sort((a, b) => byOrder.get(a.id)! - byOrder.get(b.id)!)
    .map((c) => ({
      name: c.name,
      phones: phones
        .filter((p) => p.customerId === c.id)
        .map((p) => p.number)
        .join('; '),
      tier: c.tier,
      addresses: addresses
        .filter((a) => a.customerId === c.id)
        .map((a) => a.address)
        .join('; '),
      products: Number(products.find((p) => p.customerId === c.id)?.n ?? 0),
      createdAt: c.createdAt,
    }));
}
