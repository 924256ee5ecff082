/**
 * The counter search index for many customers at once, on prepared statements: what a pull wrote
 * (sync's apply hooks) and the backlog an initial sync leaves. The terms are the same as
 * reindexCustomer's (customerTerms); this path exists because a new PC receives hundreds of
 * thousands of customers and the Kysely path costs a statement preparation per query.
 *
 * Writing terms is the most expensive part of receiving a customer: they land at scattered keys of
 * one large b-tree, so every short transaction dirties pages all over it. During an initial
 * snapshot the customers are therefore only listed in search_backlog, and the sync engine builds
 * their terms afterwards in short background transactions (`buildSearchBacklog`), while the PC is
 * already usable; until then the status bar says how many customers search cannot find yet.
 */
import type { StatementCache } from '../statement-cache';
import { customerTerms } from './search-terms';

/** Rebuilds the terms of these customers from their current rows, in the caller's transaction. */
export function reindexCustomers({ statement }: StatementCache, customerIds: ReadonlySet<string>): void {
  if (customerIds.size === 0) return;
  // One query per table for the whole set, not three per customer.
  const list = JSON.stringify([...customerIds]);
  const customers = new Map(
    (
      statement(
        'SELECT id, name FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
      ).all(list) as Array<{ id: string; name: string }>
    ).map((c) => [c.id, c.name]),
  );
  const phones = new Map<string, string[]>();
  for (const p of statement(
    'SELECT customer_id, digits FROM customer_phone WHERE customer_id IN (SELECT value FROM json_each(?))',
  ).all(list) as Array<{ customer_id: string; digits: string }>) {
    const own = phones.get(p.customer_id);
    if (own) own.push(p.digits);
    else phones.set(p.customer_id, [p.digits]);
  }
  const products = new Map<string, Array<{ serial: string | null; receiptNo: string | null }>>();
  const productRows = statement(
    'SELECT customer_id, serial, receipt_no FROM product WHERE customer_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
  ).all(list) as Array<{ customer_id: string; serial: string | null; receipt_no: string | null }>;
  for (const p of productRows) {
    const own = products.get(p.customer_id);
    const product = { serial: p.serial, receiptNo: p.receipt_no };
    if (own) own.push(product);
    else products.set(p.customer_id, [product]);
  }
  statement('DELETE FROM search_term WHERE customer_id IN (SELECT value FROM json_each(?))').run(list);
  // Sorted, so the inserts walk the index in order instead of jumping around it.
  const rows: Array<[string, string]> = [];
  for (const customerId of customerIds) {
    const name = customers.get(customerId);
    if (name === undefined) continue;
    for (const t of customerTerms({
      name,
      phoneDigits: phones.get(customerId) ?? [],
      products: products.get(customerId) ?? [],
    }))
      rows.push([t, customerId]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  const insert = statement('INSERT OR IGNORE INTO search_term (term, customer_id) VALUES (?, ?)');
  for (const [t, customerId] of rows) insert.run(t, customerId);
  // Whatever the backlog still listed for them is done now.
  statement('DELETE FROM search_backlog WHERE customer_id IN (SELECT value FROM json_each(?))').run(list);
}

/** Lists customers whose terms are to be built later (an initial snapshot), in the caller's transaction. */
export function deferReindex({ statement }: StatementCache, customerIds: ReadonlySet<string>): void {
  if (customerIds.size === 0) return;
  statement('INSERT OR IGNORE INTO search_backlog (customer_id) SELECT value FROM json_each(?)').run(
    JSON.stringify([...customerIds]),
  );
}

export function searchBacklogSize({ statement }: StatementCache): number {
  return (statement('SELECT count(*) AS n FROM search_backlog').get() as { n: number }).n;
}

/** The next customers to index, oldest key first. */
export function nextBacklog({ statement }: StatementCache, limit: number): Set<string> {
  return new Set(
    (
      statement('SELECT customer_id FROM search_backlog ORDER BY customer_id LIMIT ?').all(limit) as Array<{
        customer_id: string;
      }>
    ).map((r) => r.customer_id),
  );
}
