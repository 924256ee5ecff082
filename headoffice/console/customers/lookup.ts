/**
 * Finding a customer at head office and reading their file, masked by role: the look-up is the
 * admin CLI's (admin/customers.ts `findCustomers`, by part of a phone or of a name), the masking is
 * masking.ts, applied here on the server. A full view is the caller's decision (the route checks
 * `customers.unmask` and records it in the audit log).
 */
import { sql, type Kysely } from 'kysely';
import { describeCustomers, findCustomers, type CustomerMatch } from '../../admin/customers';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import type { CustomerDetail, CustomerSummary } from '../contract/customers';
import { maskAddress, maskName, maskPhone } from '../masking';

export function summaryOf(match: CustomerMatch, unmask: boolean): CustomerSummary {
  return unmask
    ? { ...match }
    : { id: match.id, name: maskName(match.name), phones: match.phones.map(maskPhone), stores: match.stores };
}

export async function searchCustomers(db: Kysely<HqDB>, query: string, unmask: boolean): Promise<CustomerSummary[]> {
  return (await findCustomers(db, query)).map((m) => summaryOf(m, unmask));
}

export async function describe(
  db: Kysely<HqDB>,
  ids: string[],
  unmask: boolean,
): Promise<Map<string, CustomerSummary>> {
  const found = await describeCustomers(db, ids);
  return new Map(found.map((m) => [m.id, summaryOf(m, unmask)]));
}

type CustomerFields = {
  name?: unknown;
  tier?: unknown;
  doNotContact?: unknown;
};

/** A customer's state at head office, or 404. */
export async function customerState(db: Kysely<HqDB>, id: string) {
  const row = await db
    .selectFrom('entityState')
    .leftJoin('hqStore', 'hqStore.id', 'entityState.ownerStoreId')
    .select(['entityState.state', 'hqStore.code as homeStore'])
    .where('entity', '=', 'customer')
    .where('entityId', '=', id)
    .executeTakeFirst();
  if (!row) throw new HqError(404, 'no_customer', `No customer ${id} at head office`);
  return { fields: row.state.fields as CustomerFields, deleted: row.state.deleted !== null, homeStore: row.homeStore };
}

export async function customerDetail(db: Kysely<HqDB>, id: string, unmask: boolean): Promise<CustomerDetail> {
  const customer = await customerState(db, id);
  const [records, links, aliases, flags] = await Promise.all([
    db
      .selectFrom('entityState')
      .select(['entity', 'state'])
      .where('customerRef', '=', id)
      .where('entity', 'in', ['customer_phone', 'customer_address', 'product'])
      .where(sql<boolean>`state->>'deleted' IS NULL`)
      .execute(),
    db
      .selectFrom('customerLink')
      .innerJoin('hqStore', 'hqStore.id', 'customerLink.storeId')
      .select(['hqStore.code', 'hqStore.name', 'customerLink.linkedAt'])
      .where('customerLink.customerId', '=', id)
      .orderBy('hqStore.code')
      .execute(),
    sql<{ fromId: string; intoId: string }>`
      SELECT entity_id AS from_id, state->'fields'->>'intoId' AS into_id FROM entity_state
      WHERE entity = 'customer_merge' AND (entity_id = ${id} OR state->'fields'->>'intoId' = ${id})`.execute(db),
    db
      .selectFrom('duplicateFlag')
      .select(['id', 'customerA', 'customerB'])
      .where('resolvedAt', 'is', null)
      .where((eb) => eb.or([eb('customerA', '=', id), eb('customerB', '=', id)]))
      .orderBy('id')
      .limit(20)
      .execute(),
  ]);
  const fieldOf = (entity: string, field: string) =>
    records
      .filter((r) => r.entity === entity)
      .sort((a, b) => Number(a.state.fields.position ?? 0) - Number(b.state.fields.position ?? 0))
      .map((r) => r.state.fields[field])
      .filter((v): v is string => typeof v === 'string');
  const phones = fieldOf('customer_phone', 'number');
  const addresses = fieldOf('customer_address', 'address');
  const name = typeof customer.fields.name === 'string' ? customer.fields.name : '';
  return {
    id,
    name: unmask ? name : maskName(name),
    phones: unmask ? phones : phones.map(maskPhone),
    addresses: unmask ? addresses : addresses.map(maskAddress),
    tier: typeof customer.fields.tier === 'string' ? customer.fields.tier : null,
    doNotContact: customer.fields.doNotContact === 1 || customer.fields.doNotContact === true,
    homeStore: customer.homeStore,
    deleted: customer.deleted,
    mergedInto: aliases.rows.find((a) => a.fromId === id)?.intoId ?? null,
    mergedFrom: aliases.rows.filter((a) => a.intoId === id).map((a) => a.fromId),
    products: records.filter((r) => r.entity === 'product').length,
    links: links.map((l) => ({
      storeCode: l.code,
      storeName: l.name,
      linkedAt: l.linkedAt.toISOString(),
      home: l.code === customer.homeStore,
    })),
    duplicates: flags.map((f) => ({ flagId: f.id, otherId: f.customerA === id ? f.customerB : f.customerA })),
    masked: !unmask,
  };
}
