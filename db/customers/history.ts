/** The customer's history on one screen: the file, products, tickets and notes, newest first. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { CustomerHistory } from './contract';
import { listNotes } from './notes';
import { listProducts, toProductDetail } from './products';
import { aliasesOf, loadCustomerDetail } from './queries';
import { ticketsForCustomers } from './ticket-links';

export async function loadHistory(
  db: Kysely<DB>,
  id: string,
  { showContact, todayIso }: { showContact: boolean; todayIso: string },
): Promise<CustomerHistory | undefined> {
  const customer = await loadCustomerDetail(db, id, { showContact });
  if (!customer) return undefined;
  const ids = await aliasesOf(db, id);
  const products = (await listProducts(db, ids)).map((row) => toProductDetail(row, todayIso));
  return { customer, products, tickets: await ticketsForCustomers(db, ids), notes: await listNotes(db, ids) };
}
