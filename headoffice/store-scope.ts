/**
 * What a pushing store may write (SYNC.md §2.5): its own records, and customers linked to it. A
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
import type { WireChange } from '../db/sync/protocol';
import { ruleFor, type EntityRule } from '../db/sync/registry';
import type { HqDB } from './db/schema';
import { stateKey, type Working } from './states';
import { textList } from './text-list';

export type ScopeRefusal = 'customer_not_linked' | 'other_store_record' | 'refused_record';

type Fields = Readonly<Record<string, unknown>>;
type Named = { entity: string; id: string };
type Known = { ownerStoreId: string | null; customerRef: string | null };

/** How many merges a chain of aliases is followed through (merging is rare; a loop must end). */
const MAX_ALIAS_HOPS = 8;

export type StoreScope = {
  /** Why the store may not write this change, or null when it may. */
  refusal(change: WireChange, rule: EntityRule): ScopeRefusal | null;
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
  const before = w?.known ? w.state.fields : {};
  return [...(w?.known ? namedBy(rule, change.entityId, before) : []), ...namedBy(rule, change.entityId, { ...before, ...change.fields })];
}

/**
 * Reads, in two queries, what the batch's changes name that head office already holds: the owner
 * and customer of named records, and which named customers reach `storeId`.
 */
export async function loadStoreScope(trx: Transaction<HqDB>, storeId: string, changes: ReadonlyArray<WireChange>, working: Map<string, Working>): Promise<StoreScope> {
  const wanted = new Map<string, Set<string>>();
  for (const change of changes) {
    const rule = ruleFor(change.entity);
    if (!rule) continue;
    for (const { entity, id } of namedByChange(change, rule, working.get(stateKey(change.entity, change.entityId)))) {
      const ids = wanted.get(entity) ?? new Set<string>();
      wanted.set(entity, ids.add(id));
    }
  }
  const unloaded = [...wanted].filter(([entity]) => entity !== 'customer').map(([entity, ids]): [string, string[]] => [entity, [...ids].filter((id) => !working.get(stateKey(entity, id))?.known)]);
  const records = await knownRecords(trx, unloaded);

  // Customers whose reach must be read: named ones, and those of named customer-scoped records.
  const customers = new Set(wanted.get('customer') ?? []);
  const customerOfRecord = (entity: string, id: string): string | null => {
    const w = working.get(stateKey(entity, id));
    if (w?.known) return ruleFor(entity)?.customerOf?.(id, w.state.fields) ?? null;
    return records.get(stateKey(entity, id))?.customerRef ?? null;
  };
  for (const [entity, ids] of wanted) {
    if (entity === 'customer' || ruleFor(entity)?.scope !== 'customer') continue;
    for (const id of ids) {
      const customer = customerOfRecord(entity, id);
      if (customer) customers.add(customer);
    }
  }
  for (const customer of customers) {
    const w = working.get(stateKey('customer', customer));
    if (w?.known && w.ownerStoreId === storeId) customers.delete(customer);
  }
  const reach = await customerReach(trx, storeId, [...customers]);
  const refusedHere = new Set<string>();

  const customerAllowed = (customer: string): boolean => {
    const w = working.get(stateKey('customer', customer));
    if (w?.known && w.ownerStoreId === storeId) return true;
    const known = reach.get(customer);
    // Unknown to head office before this batch: new, made by this store (in this batch or offline).
    return !known || known.reaches;
  };

  const recordRefusal = ({ entity, id }: Named): ScopeRefusal | null => {
    if (entity === 'customer') return customerAllowed(id) ? null : 'customer_not_linked';
    if (refusedHere.has(stateKey(entity, id))) return 'refused_record';
    const target = ruleFor(entity);
    if (!target) return null;
    const w = working.get(stateKey(entity, id));
    // Made earlier in this batch by this store (it passed these checks then), or new to head office.
    const known: Known | undefined = w?.known ? { ownerStoreId: w.ownerStoreId, customerRef: customerOfRecord(entity, id) } : w?.existed ? undefined : records.get(stateKey(entity, id));
    if (!known) return null;
    if ((target.owner === 'store' || target.owner === 'device') && known.ownerStoreId !== storeId) return 'other_store_record';
    if (target.scope === 'customer' && known.customerRef && !customerAllowed(known.customerRef)) return 'customer_not_linked';
    return null;
  };

  return {
    refusal(change, rule) {
      const w = working.get(stateKey(change.entity, change.entityId));
      for (const named of namedByChange(change, rule, w)) {
        // A record naming itself (a customer, a merge alias keyed by its customer) is judged by that customer.
        if (named.entity === change.entity && named.id === change.entityId && named.entity !== 'customer') continue;
        const refusal = recordRefusal(named);
        if (refusal) return refusal;
      }
      return null;
    },
    refused(change) {
      if (!working.get(stateKey(change.entity, change.entityId))?.existed) refusedHere.add(stateKey(change.entity, change.entityId));
    },
  };
}

/** Named records head office holds, by entity, with their owner store and customer. */
async function knownRecords(trx: Transaction<HqDB>, wanted: ReadonlyArray<[string, string[]]>): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  for (const [entity, ids] of wanted) {
    if (ids.length === 0) continue;
    const rows = await sql<{ entityId: string; ownerStoreId: string | null; customerRef: string | null }>`
      SELECT entity_id, owner_store_id, customer_ref FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${textList(ids)})`.execute(trx);
    for (const row of rows.rows) known.set(stateKey(entity, row.entityId), { ownerStoreId: row.ownerStoreId, customerRef: row.customerRef });
  }
  return known;
}

/**
 * For each customer head office knows (as a record or a merge alias): whether it reaches the store,
 * itself or through the customers it was merged into. Customers absent from the answer are new.
 */
async function customerReach(trx: Transaction<HqDB>, storeId: string, customers: ReadonlyArray<string>): Promise<Map<string, { reaches: boolean }>> {
  if (customers.length === 0) return new Map();
  const rows = await sql<{ id: string; reaches: boolean }>`
    WITH RECURSIVE chain(start, id, hops) AS (
      SELECT c, c, 0 FROM unnest(${textList(customers)}) AS c
      UNION ALL
      SELECT chain.start, m.state->'fields'->>'intoId', chain.hops + 1 FROM chain
      JOIN entity_state m ON m.entity = 'customer_merge' AND m.entity_id = chain.id
      WHERE chain.hops < ${MAX_ALIAS_HOPS} AND m.state->'fields'->>'intoId' IS NOT NULL AND m.state->>'deleted' IS NULL
    )
    SELECT chain.start AS id,
      bool_or(s.owner_store_id = ${storeId} OR l.store_id IS NOT NULL) AS reaches
    FROM chain
    LEFT JOIN entity_state s ON s.entity = 'customer' AND s.entity_id = chain.id
    LEFT JOIN customer_link l ON l.store_id = ${storeId} AND l.customer_id = chain.id
    GROUP BY chain.start
    HAVING bool_or(chain.hops > 0 OR s.entity_id IS NOT NULL)`.execute(trx);
  return new Map(rows.rows.map((row) => [row.id, { reaches: row.reaches === true }]));
}
