/**
 * The privacy rule (docs/SYNC.md §2.5): a customer reaches a store once linked to it. A store's push
 * links the store to the customers its records name; a new link sends that store the customer's
 * whole file as it stands (store-scoped feed rows), except records this batch already sends.
 */
import { sql, type Transaction } from 'kysely';
import { type ApplyContext, type BatchFollowUp, type Working } from './batch-types';
import { recordKey } from '../db/sync/protocol';
import { linksLeftByMerges, mergeOf, type CustomerMerge } from './customer-merge';
import type { HqDB } from './db/schema';
import { appendFeed, type FeedRow } from './feed';
import { textList } from './text-list';

/**
 * Gathers the links a batch makes: from a store's push, the customer a customer-scoped record
 * belongs to and the customer a record links (a ticket's), to the pushing store; from any batch,
 * the links a merged-away customer leaves to its survivor. Written before the batch's states.
 */
export function customerLinking(ctx: ApplyContext, working: Map<string, Working>): BatchFollowUp {
  const links: Array<[customer: string, store: string]> = [];
  const merges: CustomerMerge[] = [];
  return {
    merged({ change, rule, record, merged }) {
      if (ctx.storeId !== null) {
        // A customer this store created was linked to it by the push that created it, and links are
        // never removed: its later edits need no link (nor the insert that would find it there).
        const ownCustomer = change.entity === 'customer' && record.known && record.ownerStoreId === ctx.storeId;
        const customer =
          rule.scope === 'customer' && !ownCustomer ? rule.customerOf?.(change.entityId, merged.fields) : null;
        if (customer) links.push([customer, ctx.storeId]);
        const linked = rule.linksCustomer?.(merged.fields);
        if (linked) links.push([linked, ctx.storeId]);
      }
      const merge = mergeOf(change.entity, change.entityId, merged);
      if (merge) merges.push(merge);
    },
    beforeStates(trx) {
      if (merges.length === 0) return links.length > 0 ? addLinks(trx, links, working) : Promise.resolve();
      return linksLeftByMerges(trx, merges).then((inherited) => {
        const all = [...links, ...inherited];
        return all.length > 0 ? addLinks(trx, all, working) : undefined;
      });
    },
  };
}

async function addLinks(
  trx: Transaction<HqDB>,
  links: ReadonlyArray<[string, string]>,
  working: Map<string, Working>,
): Promise<void> {
  const unique = [...new Map(links.map(([c, s]) => [`${c} ${s}`, [c, s] as const])).values()];
  // A customer made in this batch has nothing older at head office to send (its phones, products
  // and tickets can only follow it): only new links to customers known before need their file, so
  // only those links are read back.
  const isNew = ([customer]: readonly [string, string]) =>
    working.get(recordKey('customer', customer))?.known === false;
  const [, added] = await Promise.all([
    insertLinks(trx, unique.filter(isNew), false),
    insertLinks(
      trx,
      unique.filter((link) => !isNew(link)),
      true,
    ),
  ]);
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
      if (record.customerRef !== link.customerId || working.has(recordKey(record.entity, record.entityId))) continue;
      rows.push({
        txId,
        originReplica: null,
        originSeq: null,
        entity: record.entity,
        entityId: record.entityId,
        state: record.state,
        scope: link.storeId,
        customerRef: null,
        altered: true,
        keep: null,
      });
    }
  }
  await appendFeed(trx, rows);
}

/**
 * Inserts the links not there yet; with `readBack`, returns those it added. The same statement
 * adds each new link's customer's earlier feed rows to `customer_feed` (migration 0010), so the
 * store's pulls find them by store: rows written after the link are added as they are written
 * (feed.ts `fanOutCustomerRows`). Every writer of customer_link goes through here (the admin's
 * link-customer too) and holds the feed lock, so no row is written between the two.
 */
export async function insertLinks(
  trx: Transaction<HqDB>,
  links: ReadonlyArray<readonly [customer: string, store: string]>,
  readBack: boolean,
): Promise<Array<{ customerId: string; storeId: string }>> {
  if (links.length === 0) return [];
  const values = sql`SELECT * FROM unnest(${textList(links.map(([c]) => c))}, ${textList(links.map(([, s]) => s))})`;
  // One index probe per link (LATERAL): the inserted rows have no statistics to plan a join by.
  const added = await sql<{ customerId: string; storeId: string }>`
    WITH added AS (
      INSERT INTO customer_link (customer_id, store_id) ${values} ON CONFLICT DO NOTHING RETURNING customer_id, store_id
    ), filled AS (
      INSERT INTO customer_feed (store_id, server_seq, customer_id)
      SELECT a.store_id, f.server_seq, a.customer_id FROM added a
      CROSS JOIN LATERAL (SELECT server_seq FROM change_feed WHERE customer_ref = a.customer_id AND scope = 'customer') f
      -- A link removed and made again finds its earlier rows there already.
      ON CONFLICT DO NOTHING
    )
    SELECT customer_id, store_id FROM added WHERE ${readBack}`.execute(trx);
  return added.rows;
}
