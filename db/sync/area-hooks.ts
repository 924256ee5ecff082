/**
 * The areas' derived data, rebuilt for records a pull applied (see hooks.ts): a customer's search
 * terms, a ticket's status and SLA folded from its events, and stock on hand from the ledger.
 * Imported once by pull.ts so the hooks are registered wherever sync runs on a counter PC.
 */
import type Database from 'better-sqlite3';
import { customerTerms } from '../customers/search-terms';
import { newId } from '../ids';
import { addToOnHand } from '../parts/ledger/movements';
import { refreshTicket } from '../tickets/events';
import { loadCalendar } from '../tickets/settings';
import { onApplied } from './hooks';
import { statement } from './statements';

const customerOf = (r: { entityId: string; state: { fields: Record<string, unknown> } }) => (typeof r.state.fields.customerId === 'string' ? r.state.fields.customerId : null);

/**
 * The counter search index for customers a pull wrote: the same terms as the customers area's
 * reindexCustomer (customerTerms), on prepared statements, because an initial sync brings
 * hundreds of thousands of customers and the Kysely path costs a statement preparation per query.
 */
function reindex(sqlite: Database.Database, customerIds: ReadonlySet<string>): void {
  if (customerIds.size === 0) return;
  // One query per table for the whole chunk, not three per customer.
  const list = JSON.stringify([...customerIds]);
  const customers = new Map(
    (statement(sqlite, 'SELECT id, name FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(list) as Array<{ id: string; name: string }>).map((c) => [c.id, c.name]),
  );
  const phones = new Map<string, string[]>();
  for (const p of statement(sqlite, 'SELECT customer_id, digits FROM customer_phone WHERE customer_id IN (SELECT value FROM json_each(?))').all(list) as Array<{ customer_id: string; digits: string }>) {
    const own = phones.get(p.customer_id);
    if (own) own.push(p.digits);
    else phones.set(p.customer_id, [p.digits]);
  }
  const products = new Map<string, Array<{ serial: string | null; receiptNo: string | null }>>();
  const productRows = statement(sqlite, 'SELECT customer_id, serial, receipt_no FROM product WHERE customer_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(list) as Array<{ customer_id: string; serial: string | null; receipt_no: string | null }>;
  for (const p of productRows) {
    const own = products.get(p.customer_id);
    const product = { serial: p.serial, receiptNo: p.receipt_no };
    if (own) own.push(product);
    else products.set(p.customer_id, [product]);
  }
  statement(sqlite, 'DELETE FROM search_term WHERE customer_id IN (SELECT value FROM json_each(?))').run(list);
  const insert = statement(sqlite, 'INSERT OR IGNORE INTO search_term (term, customer_id) VALUES (?, ?)');
  for (const customerId of customerIds) {
    const name = customers.get(customerId);
    if (name === undefined) continue;
    for (const t of customerTerms({ name, phoneDigits: phones.get(customerId) ?? [], products: products.get(customerId) ?? [] })) insert.run(t, customerId);
  }
}

let sqliteOf: (trx: unknown) => Database.Database = () => {
  throw new Error('sync hooks need the store connection');
};
/** pull.ts hands the connection over before running hooks (the transaction is on it). */
export function useConnection(sqlite: Database.Database): void {
  sqliteOf = () => sqlite;
}

onApplied('customer', async (trx, records) => reindex(sqliteOf(trx), new Set(records.map((r) => r.entityId))));
for (const entity of ['customer_phone', 'product']) {
  onApplied(entity, async (trx, records) => reindex(sqliteOf(trx), new Set(records.map(customerOf).filter((id): id is string => id !== null))));
}

/** A pulled movement is new here (the ledger is insert-only): the parts area adds it to the on-hand cache. */
onApplied('stock_movement', async (trx, records) => {
  for (const { state } of records) {
    const f = state.fields as { partId?: string; locationId?: string; qty?: number; createdAt?: string };
    if (!f.partId || !f.locationId || typeof f.qty !== 'number') continue;
    await addToOnHand(trx, { partId: f.partId, locationId: f.locationId, qty: f.qty, createdAt: f.createdAt ?? '' });
  }
});

/** Re-fold the tickets whose header or events arrived; breaches are not recorded here (no local change). */
async function refreshTickets(trx: Parameters<Parameters<typeof onApplied>[1]>[0], ticketIds: ReadonlySet<string>): Promise<void> {
  if (ticketIds.size === 0) return;
  const present = await trx.selectFrom('ticket').select('id').where('id', 'in', [...ticketIds]).execute();
  if (present.length === 0) return;
  const store = await trx.selectFrom('store').select('id').limit(1).executeTakeFirst();
  if (!store) return;
  const cal = await loadCalendar(trx);
  const now = Date.now();
  const tx = { trx, txId: newId(), staffId: null, nowIso: new Date(now).toISOString(), stamp: () => { throw new Error('a synced ticket refresh records no change'); } };
  for (const { id } of present) await refreshTicket(tx, id, cal, now, { recordBreaches: false });
}
onApplied('ticket', (trx, records) => refreshTickets(trx, new Set(records.map((r) => r.entityId))));
onApplied('ticket_event', (trx, records) => refreshTickets(trx, new Set(records.map((r) => r.state.fields.ticketId).filter((id): id is string => typeof id === 'string'))));
