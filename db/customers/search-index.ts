/** Keeps `search_term` in step with the rows it is built from, inside the writer's transaction. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { customerTerms } from './search-terms';

/** Rebuild one customer's terms: delete the stale ones, insert the new ones, leave the rest. */
export async function reindexCustomer(db: Kysely<DB>, customerId: string): Promise<void> {
  const customer = await db
    .selectFrom('customer')
    .select(['name', 'deletedAt'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  const wanted = new Set<string>();
  if (customer && customer.deletedAt === null) {
    const phones = await db.selectFrom('customerPhone').select('digits').where('customerId', '=', customerId).execute();
    const products = await db
      .selectFrom('product')
      .select(['serial', 'receiptNo'])
      .where('customerId', '=', customerId)
      .where('deletedAt', 'is', null)
      .execute();
    for (const t of customerTerms({ name: customer.name, phoneDigits: phones.map((p) => p.digits), products }))
      wanted.add(t);
  }
  const existing = await db.selectFrom('searchTerm').select('term').where('customerId', '=', customerId).execute();
  const have = new Set(existing.map((row) => row.term));
  const stale = [...have].filter((t) => !wanted.has(t));
  const fresh = [...wanted].filter((t) => !have.has(t));
  if (stale.length > 0)
    await db.deleteFrom('searchTerm').where('customerId', '=', customerId).where('term', 'in', stale).execute();
  if (fresh.length > 0)
    await db
      .insertInto('searchTerm')
      .values(fresh.map((t) => ({ term: t, customerId })))
      .execute();
  // Built in full just now: the background build after an initial sync need not do it again.
  await db.deleteFrom('searchBacklog').where('customerId', '=', customerId).execute();
}
