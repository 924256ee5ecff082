/**
 * Finding a customer at head office from what a person has at hand: a phone number or part of a
 * name. Head office keeps customers as merged states (entity_state), so a customer's name is in its
 * `customer` row and its phones in `customer_phone` rows (digits indexed for duplicate checks).
 * `link-customer` takes a phone as well as an id, and refuses to guess when several customers share
 * the phone; `find-customer` lists the candidates with their ids, phones and linked stores.
 */
import { sql } from 'kysely';
import { normalisePhone } from '../../db/sync/phone-digits';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import { linkCustomer } from './ops';

export type CustomerMatch = { id: string; name: string; phones: string[]; stores: string[] };

const CUSTOMER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** More than a screenful is not an answer: narrow the search instead. */
const MAX_MATCHES = 50;

/** A phone as typed (+86, spaces, dashes, brackets) reduced to the digits the counters store. */
export function phoneDigits(raw: string): string {
  return normalisePhone(raw)?.digits ?? raw.replace(/\D/g, '');
}

/** Looks like a phone (or part of one) rather than a name: digits and phone punctuation only. */
function isPhoneLike(query: string): boolean {
  return /^[\d\s\-+()（）]+$/.test(query) && /\d/.test(query);
}

/** Names, live phones and linked store codes of these customers, in the order given. */
export async function describeCustomers(db: HqDatabase, ids: ReadonlyArray<string>): Promise<CustomerMatch[]> {
  if (ids.length === 0) return [];
  const names = await db
    .selectFrom('entityState')
    .select(['entityId', sql<string | null>`state->'fields'->>'name'`.as('name')])
    .where('entity', '=', 'customer')
    .where('entityId', 'in', ids)
    .execute();
  const phones = await db
    .selectFrom('entityState')
    .select(['customerRef', sql<string | null>`state->'fields'->>'number'`.as('number')])
    .where('entity', '=', 'customer_phone')
    .where('customerRef', 'in', ids)
    .where(sql<boolean>`state->>'deleted' IS NULL`)
    .orderBy('entityId')
    .execute();
  const stores = await db
    .selectFrom('customerLink')
    .innerJoin('hqStore', 'hqStore.id', 'customerLink.storeId')
    .select(['customerLink.customerId', 'hqStore.code'])
    .where('customerLink.customerId', 'in', ids)
    .orderBy('hqStore.code')
    .execute();
  return ids.map((id) => ({
    id,
    name: names.find((n) => n.entityId === id)?.name ?? '(no name)',
    phones: phones.filter((p) => p.customerRef === id && p.number !== null).map((p) => p.number!),
    stores: stores.filter((s) => s.customerId === id).map((s) => s.code),
  }));
}

/**
 * Live customers with a live phone whose digits are exactly these (`exact`, to resolve one customer)
 * or contain them (`part`, e.g. the last four, to search), at most `limit` of them.
 */
async function idsWithPhone(
  db: HqDatabase,
  digits: string,
  match: 'exact' | 'part',
  limit?: number,
): Promise<string[]> {
  let query = db
    .selectFrom('entityState as p')
    .innerJoin('entityState as c', (join) =>
      join.on('c.entity', '=', 'customer').onRef('c.entityId', '=', 'p.customerRef'),
    )
    .select('c.entityId')
    .distinct()
    .where('p.entity', '=', 'customer_phone')
    .where(
      match === 'exact'
        ? sql<boolean>`p.phone_digits = ${digits}`
        : sql<boolean>`strpos(p.phone_digits, ${digits}) > 0`,
    )
    .where(sql<boolean>`p.state->>'deleted' IS NULL AND c.state->>'deleted' IS NULL`)
    .orderBy('c.entityId');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map((r) => r.entityId);
}

/** Customers whose phone contains these digits (e.g. the last four), or whose name contains the text. */
export async function findCustomers(db: HqDatabase, query: string): Promise<CustomerMatch[]> {
  const text = query.trim();
  if (text.length === 0)
    throw new HqError(400, 'bad_request', 'find-customer needs a phone number (or part of one) or part of a name');
  let ids: string[];
  if (isPhoneLike(text)) {
    const digits = phoneDigits(text);
    if (digits.length < 3) throw new HqError(400, 'bad_request', `Give at least 3 digits of the phone (got ${text})`);
    ids = await idsWithPhone(db, digits, 'part', MAX_MATCHES + 1);
  } else {
    const rows = await db
      .selectFrom('entityState')
      .select('entityId')
      .where('entity', '=', 'customer')
      .where(sql<boolean>`strpos(lower(state->'fields'->>'name'), lower(${text})) > 0`)
      .where(sql<boolean>`state->>'deleted' IS NULL`)
      .orderBy('entityId')
      .limit(MAX_MATCHES + 1)
      .execute();
    ids = rows.map((r) => r.entityId);
  }
  if (ids.length > MAX_MATCHES)
    throw new HqError(
      400,
      'bad_request',
      `More than ${MAX_MATCHES} customers match "${text}": give more of the phone or the name`,
    );
  return describeCustomers(db, ids);
}

/** One line per customer: id, name, phones, the stores that see it. */
export function formatMatches(matches: ReadonlyArray<CustomerMatch>): string {
  return matches
    .map((m) => `${m.id}  ${m.name}  phones: ${m.phones.join(', ') || '—'}  stores: ${m.stores.join(', ') || '—'}`)
    .join('\n');
}

/** A customer id as given, or the one customer with this phone; several with the phone: refuse and list them. */
export async function resolveCustomer(db: HqDatabase, idOrPhone: string): Promise<CustomerMatch> {
  const given = idOrPhone.trim();
  if (CUSTOMER_ID.test(given)) {
    const id = given.toLowerCase();
    const exists = await db
      .selectFrom('entityState')
      .select('entityId')
      .where('entity', '=', 'customer')
      .where('entityId', '=', id)
      .executeTakeFirst();
    if (!exists) throw new HqError(404, 'bad_request', `No customer ${given} at head office`);
    return (await describeCustomers(db, [id]))[0]!;
  }
  if (!isPhoneLike(given))
    throw new HqError(
      400,
      'bad_request',
      `Not a customer id or a phone number: ${given} (find-customer looks customers up by name)`,
    );
  const digits = phoneDigits(given);
  const ids = await idsWithPhone(db, digits, 'exact');
  if (ids.length === 0)
    throw new HqError(
      404,
      'bad_request',
      `No customer with phone ${digits} at head office (find-customer searches by part of a phone or name)`,
    );
  const matches = await describeCustomers(db, ids);
  if (matches.length > 1) {
    throw new HqError(
      409,
      'bad_request',
      `${matches.length} customers have phone ${digits}; link one by its id:\n${formatMatches(matches)}`,
    );
  }
  return matches[0]!;
}

/** `link-customer <id or phone> <store>`: what the command prints. */
export async function linkCustomerByIdOrPhone(db: HqDatabase, idOrPhone: string, storeCode: string): Promise<string> {
  const customer = await resolveCustomer(db, idOrPhone);
  if (customer.stores.includes(storeCode))
    return `Customer ${customer.name} (${customer.id}) already reaches store ${storeCode}`;
  await linkCustomer(db, customer.id, storeCode);
  return `Customer ${customer.name} (${customer.id}) now reaches store ${storeCode}`;
}
