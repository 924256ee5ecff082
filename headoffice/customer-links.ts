/**
 * The privacy rule (SYNC.md §2.5): a customer reaches a store once linked to it. A new link sends
 * that store the customer's whole file as it stands (store-scoped feed rows), except records this
 * batch already sends. Also the duplicate-phone flags head office raises for review.
 */
import { sql, type Transaction } from 'kysely';
import type { HqDB } from './db/schema';
import { appendFeed, type FeedRow } from './feed';
import { textList } from './text-list';
import { stateKey, type Working } from './states';

/**
 * Links each customer to each store in `links`, after adding the links a merged-away customer
 * (`merges`: from → into) leaves to its survivor, and sends newly linked stores the older file.
 */
export async function linkCustomers(
  trx: Transaction<HqDB>,
  links: ReadonlyArray<[customer: string, store: string]>,
  merges: ReadonlyArray<[from: string, into: string]>,
  working: Map<string, Working>,
): Promise<void> {
  const all = [...links];
  if (merges.length > 0) {
    const inherited = await sql<{ storeId: string; intoId: string }>`
      SELECT l.store_id, m.into_id FROM customer_link l JOIN unnest(${merges.map((m) => m[0])}::text[], ${merges.map((m) => m[1])}::text[]) AS m(from_id, into_id)
      ON l.customer_id = m.from_id`.execute(trx);
    for (const row of inherited.rows) all.push([row.intoId, row.storeId]);
  }
  if (all.length > 0) await addLinks(trx, all, working);
}

async function addLinks(trx: Transaction<HqDB>, links: ReadonlyArray<[string, string]>, working: Map<string, Working>): Promise<void> {
  const unique = [...new Map(links.map(([c, s]) => [`${c} ${s}`, [c, s] as const])).values()];
  // A customer made in this batch has nothing older at head office to send (its phones, products
  // and tickets can only follow it): only new links to customers known before need their file, so
  // only those links are read back.
  const isNew = ([customer]: readonly [string, string]) => working.get(stateKey('customer', customer))?.known === false;
  const [, added] = await Promise.all([insertLinks(trx, unique.filter(isNew), false), insertLinks(trx, unique.filter((link) => !isNew(link)), true)]);
  const older = [...new Set(added.map((l) => l.customerId))];
  if (older.length === 0) return;
  // One query for every such link's customer file.
  const files = await trx
    .selectFrom('entityState')
    .select(['entity', 'entityId', 'state', 'customerRef'])
    .where(sql<boolean>`customer_ref = ANY(${older}::text[])`)
    .orderBy('entity')
    .orderBy('entityId')
    .execute();
  const rows: FeedRow[] = [];
  for (const link of added) {
    const txId = `link-${link.storeId}-${link.customerId}`;
    for (const record of files) {
      if (record.customerRef !== link.customerId || working.has(stateKey(record.entity, record.entityId))) continue;
      rows.push({ txId, originReplica: null, originSeq: null, entity: record.entity, entityId: record.entityId, state: record.state, scope: link.storeId, customerRef: null, altered: true, keep: null });
    }
  }
  await appendFeed(trx, rows);
}

/** Inserts the links not there yet; with `readBack`, returns those it added. */
async function insertLinks(trx: Transaction<HqDB>, links: ReadonlyArray<readonly [string, string]>, readBack: boolean): Promise<Array<{ customerId: string; storeId: string }>> {
  if (links.length === 0) return [];
  const values = sql`SELECT * FROM unnest(${textList(links.map(([c]) => c))}, ${textList(links.map(([, s]) => s))})`;
  if (!readBack) {
    await sql`INSERT INTO customer_link (customer_id, store_id) ${values} ON CONFLICT DO NOTHING`.execute(trx);
    return [];
  }
  const added = await sql<{ customerId: string; storeId: string }>`
    INSERT INTO customer_link (customer_id, store_id) ${values} ON CONFLICT DO NOTHING RETURNING customer_id, store_id`.execute(trx);
  return added.rows;
}

/** Another customer's live phone with the same digits: a likely duplicate, flagged for review. */
export async function flagDuplicatePhones(trx: Transaction<HqDB>, phones: Array<{ digits: string; customerId: string }>): Promise<void> {
  // The phones holding these digits, by the digits column's index (migration 0004); only those
  // states are read for their tombstone.
  const holders = await sql<{ digits: string; customerRef: string }>`
    SELECT s.phone_digits AS digits, s.customer_ref FROM entity_state s
    WHERE s.phone_digits = ANY(${[...new Set(phones.map((p) => p.digits))]}::text[])
      AND s.state->>'deleted' IS NULL AND s.customer_ref IS NOT NULL`.execute(trx);
  const byDigits = new Map<string, Set<string>>();
  for (const row of holders.rows) byDigits.set(row.digits, (byDigits.get(row.digits) ?? new Set()).add(row.customerRef));
  const pairs = new Map<string, [digits: string, a: string, b: string]>();
  for (const phone of phones) {
    for (const other of byDigits.get(phone.digits) ?? []) {
      if (other === phone.customerId) continue;
      const [a, b] = phone.customerId < other ? [phone.customerId, other] : [other, phone.customerId];
      pairs.set(`${a} ${b}`, [phone.digits, a, b]);
    }
  }
  if (pairs.size === 0) return;
  const list = [...pairs.values()];
  await sql`
    INSERT INTO duplicate_flag (digits, customer_a, customer_b)
    SELECT * FROM unnest(${list.map((p) => p[0])}::text[], ${list.map((p) => p[1])}::text[], ${list.map((p) => p[2])}::text[])
    ON CONFLICT DO NOTHING`.execute(trx);
}
