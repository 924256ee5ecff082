/**
 * What a pushing store may write (docs/SYNC.md §2.5): its own records, and customers linked to it. A
 * change is refused when the record it writes, as head office holds it or as the change would
 * leave it, names a customer not linked to the store (the customer itself, a phone, address,
 * note, product or merge alias of one, a ticket for one) or a record another store owns (another
 * store's ticket, requisition or stock location). Which fields name what comes from the sync
 * registry (`customerOf`, `linksCustomer`, `refersTo`), so a record added there is checked too.
 *
 * A customer head office has never seen is new: the store creating it gets the link, and records
 * naming it (its phones in the same batch, or a PC that made it offline) are the store's to write.
 * A merged-away customer counts as linked when the customer it was merged into is, since the
 * store sees and works on it through that survivor.
 */
import { sql, type Transaction } from 'kysely';
import { recordKey, type WireChange } from '../db/sync/protocol';
import { type Working } from './batch-types';
import type { HqDB } from './db/schema';
import { ruleFor, type EntityRule } from './entities';
import { textList } from './text-list';

export type ScopeRefusal = 'customer_not_linked' | 'other_store_record' | 'refused_record';

type Fields = Readonly<Record<string, unknown>>;
type Named = { entity: string; id: string };
type Known = { ownerStoreId: string | null; customerRef: string | null };

/** How many merges a chain of aliases is followed through (merging is rare; a loop must end). */
const MAX_ALIAS_HOPS = 8;

export type StoreScope = {
  /** Why the store may not write this change (one of the batch's), or null when it may. */
  refusal(change: WireChange): ScopeRefusal | null;
  /** A change refused in this batch: what names the record it would have created is refused too. */
  refused(change: WireChange): void;
};

/** The records a record's fields name: its customer and whatever its `refersTo` fields point at. */
export function namedBy(rule: EntityRule, entityId: string, fields: Fields): Named[] {
  const named: Named[] = [];
  const customer = rule.scope === 'customer' ? rule.customerOf?.(entityId, fields) : null;
  if (customer) named.push({ entity: 'customer', id: customer });
  const linked = rule.linksCustomer?.(fields);
  if (linked) named.push({ entity: 'customer', id: linked });
  for (const [field, entity] of Object.entries(rule.refersTo ?? {})) {
    const value = fields[field];
    if (typeof value === 'string' && value !== '') named.push({ entity, id: value });
  }
  return named;
}

/** What a change names: as head office holds the record before the batch, and as the change would leave it. */
function namedByChange(change: WireChange, rule: EntityRule, w: Working | undefined): Named[] {
  // Most of a push is new records: their fields are the change's, with nothing to copy.
  if (!w?.known) return namedBy(rule, change.entityId, change.fields);
  return [
    ...namedBy(rule, change.entityId, w.state.fields),
    ...namedBy(rule, change.entityId, { ...w.state.fields, ...change.fields }),
  ];
}

/**
 * Reads, in one query per kind of record named and one for the customers, what the batch's changes name that head office already holds: the owner
 * and customer of named records, and which named customers reach `storeId`.
 */
export async function loadStoreScope(
  trx: Transaction<HqDB>,
  storeId: string,
  changes: ReadonlyArray<WireChange>,
  working: Map<string, Working>,
): Promise<StoreScope> {
  // Records the batch itself writes were loaded with it (`working`): head office has them or not,
  // nothing more to read. Only what the batch names without writing is looked up.
  const wanted = new Map<string, Set<string>>();
  const customers = new Set<string>();
  const customerToCheck = (customer: string) => {
    const w = working.get(recordKey('customer', customer));
    // Not loaded, or a customer head office has that another store made: its links decide.
    if (!w || (w.known && w.ownerStoreId !== storeId)) customers.add(customer);
  };
  // What each change names, from the records as loaded (the batch's own earlier changes to a record
  // passed these checks, so what they name needs no second look).
  const names = new Map<WireChange, Named[]>();
  for (const change of changes) {
    const rule = ruleFor(change.entity);
    if (!rule) continue;
    const named = namedByChange(change, rule, working.get(recordKey(change.entity, change.entityId)));
    names.set(change, named);
    for (const { entity, id } of named) {
      if (entity === 'customer') customerToCheck(id);
      else if (!working.has(recordKey(entity, id)))
        wanted.set(entity, (wanted.get(entity) ?? new Set<string>()).add(id));
    }
  }
  // Sent together: the statements still run one after the other on the transaction's connection,
  // but PostgreSQL goes from one to the next without waiting for this process in between.
  const direct = [...customers];
  const [records, reach] = await Promise.all([
    knownRecords(
      trx,
      [...wanted].map(([entity, ids]): [string, string[]] => [entity, [...ids]]),
    ),
    customerReach(trx, storeId, direct),
  ]);

  const customerOfRecord = (entity: string, id: string): string | null => {
    const w = working.get(recordKey(entity, id));
    if (w) return w.known || w.existed ? (ruleFor(entity)?.customerOf?.(id, w.state.fields) ?? null) : null;
    return records.get(recordKey(entity, id))?.customerRef ?? null;
  };
  // The customers of named customer-scoped records (a ticket's product) are checked as well.
  for (const named of names.values()) {
    for (const { entity, id } of named) {
      if (entity === 'customer' || ruleFor(entity)?.scope !== 'customer') continue;
      const customer = customerOfRecord(entity, id);
      if (customer) customerToCheck(customer);
    }
  }
  for (const customer of direct) customers.delete(customer);
  for (const [customer, reaches] of await customerReach(trx, storeId, [...customers])) reach.set(customer, reaches);
  const refusedHere = new Set<string>();

  const customerAllowed = (customer: string): boolean => {
    const w = working.get(recordKey('customer', customer));
    // Unknown to head office before this batch: new, made by this store (in this batch or offline).
    if (w && (!w.known || w.ownerStoreId === storeId)) return true;
    const known = reach.get(customer);
    return !known || known.reaches;
  };

  const recordRefusal = ({ entity, id }: Named): ScopeRefusal | null => {
    if (entity === 'customer') return customerAllowed(id) ? null : 'customer_not_linked';
    if (refusedHere.has(recordKey(entity, id))) return 'refused_record';
    const target = ruleFor(entity);
    if (!target) return null;
    const w = working.get(recordKey(entity, id));
    // Made earlier in this batch by this store (it passed these checks then), or new to head office.
    const known: Known | undefined = w?.known
      ? { ownerStoreId: w.ownerStoreId, customerRef: customerOfRecord(entity, id) }
      : w?.existed
        ? undefined
        : records.get(recordKey(entity, id));
    if (!known) return null;
    if ((target.owner === 'store' || target.owner === 'device') && known.ownerStoreId !== storeId)
      return 'other_store_record';
    if (target.scope === 'customer' && known.customerRef && !customerAllowed(known.customerRef))
      return 'customer_not_linked';
    return null;
  };

  return {
    refusal(change) {
      for (const named of names.get(change) ?? []) {
        // A record naming itself (a reversal of itself) is the ownership check's business, not a reference.
        if (named.entity === change.entity && named.id === change.entityId && named.entity !== 'customer') continue;
        const refusal = recordRefusal(named);
        if (refusal) return refusal;
      }
      return null;
    },
    refused(change) {
      if (!working.get(recordKey(change.entity, change.entityId))?.existed)
        refusedHere.add(recordKey(change.entity, change.entityId));
    },
  };
}

/** Named records head office holds, by entity, with their owner store and customer. */
async function knownRecords(
  trx: Transaction<HqDB>,
  wanted: ReadonlyArray<[string, string[]]>,
): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  // One indexed lookup per entity (entity = $1 AND entity_id = ANY($2) walks the primary key).
  await Promise.all(
    wanted.map(async ([entity, ids]) => {
      const rows = await sql<{ entityId: string; ownerStoreId: string | null; customerRef: string | null }>`
        SELECT entity_id, owner_store_id, customer_ref FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${textList(ids)})`.execute(
        trx,
      );
      for (const row of rows.rows)
        known.set(recordKey(entity, row.entityId), { ownerStoreId: row.ownerStoreId, customerRef: row.customerRef });
    }),
  );
  return known;
}

/**
 * For each customer head office has: whether it reaches the store (made there or linked to it),
 * itself or through the customers it was merged into. Customers absent from the answer are new.
 * One indexed lookup per customer; the merge aliases are read only for customers that do not reach
 * the store themselves, which an honest PC never names.
 */
async function customerReach(
  trx: Transaction<HqDB>,
  storeId: string,
  customers: ReadonlyArray<string>,
): Promise<Map<string, { reaches: boolean }>> {
  const reach = await reachOf(trx, storeId, customers);
  let pending = [...reach].filter(([, r]) => !r.reaches).map(([id]) => ({ start: id, at: id }));
  for (let hop = 0; hop < MAX_ALIAS_HOPS && pending.length > 0; hop += 1) {
    const aliases = await sql<{ entityId: string; intoId: string }>`
      SELECT entity_id, state->'fields'->>'intoId' AS into_id FROM entity_state
      WHERE entity = 'customer_merge' AND entity_id = ANY(${textList(pending.map((p) => p.at))}) AND state->>'deleted' IS NULL AND state->'fields'->>'intoId' IS NOT NULL`.execute(
      trx,
    );
    const into = new Map(aliases.rows.map((row) => [row.entityId, row.intoId]));
    pending = pending.flatMap((p) => (into.has(p.at) ? [{ start: p.start, at: into.get(p.at)! }] : []));
    const survivors = await reachOf(trx, storeId, [...new Set(pending.map((p) => p.at))]);
    for (const p of pending) if (survivors.get(p.at)?.reaches) reach.set(p.start, { reaches: true });
    pending = pending.filter((p) => !reach.get(p.start)!.reaches);
  }
  return reach;
}

async function reachOf(
  trx: Transaction<HqDB>,
  storeId: string,
  customers: ReadonlyArray<string>,
): Promise<Map<string, { reaches: boolean }>> {
  if (customers.length === 0) return new Map();
  const rows = await sql<{ id: string; reaches: boolean }>`
    SELECT s.entity_id AS id, (s.owner_store_id = ${storeId} OR EXISTS (SELECT 1 FROM customer_link l WHERE l.store_id = ${storeId} AND l.customer_id = s.entity_id)) AS reaches
    FROM entity_state s WHERE s.entity = 'customer' AND s.entity_id = ANY(${textList(customers)})`.execute(trx);
  return new Map(rows.rows.map((row) => [row.id, { reaches: row.reaches === true }]));
}
