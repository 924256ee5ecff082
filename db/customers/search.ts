/**
 * The counter's one search box. What the query looks like decides which index ranges
 * are scanned; each is one range of search_term's primary key, capped, so the time stays flat
 * however many customers the store has. Results are grouped by kind; lists mask phones.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { CounterSearchResult, CustomerSummary, ProductHit, TicketHit } from './contract';
import { maskPhone } from './phone';
import {
  MIN_PHONE_FRAGMENT,
  namePinyin,
  normaliseCode,
  normaliseName,
  prefixRange,
  reverseKey,
  type TermKind,
} from './search-terms';
import { searchTickets } from './ticket-links';

/** Candidates read per index range: enough to rank a page, few enough to stay in a few ms. */
const CANDIDATES_PER_RANGE = 100;
/** Shortest serial or receipt fragment searched: letters and digits, or digits only. */
const MIN_CODE = 4;
const MIN_DIGIT_CODE = 6;
const HAN = /\p{Script=Han}/u;

type Range = { kind: TermKind; key: string };

export type SearchPlan = { customerRanges: Range[]; productRanges: Range[]; ticketPrefix: string | null };

/** Which ranges a query asks for: digits → phones, Han → names, letters → pinyin, codes → serials and receipts. */
export function planSearch(query: string): SearchPlan {
  const trimmed = query.trim();
  const compact = trimmed.replace(/[\s\-()（）]/g, '');
  const customerRanges: Range[] = [];
  const productRanges: Range[] = [];
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace(/^\+?86(?=1\d{10}$)/, '').replace(/^\+/, '');
    if (digits.length >= MIN_PHONE_FRAGMENT) customerRanges.push({ kind: 'phone', key: digits });
  } else if (HAN.test(trimmed)) {
    customerRanges.push({ kind: 'name', key: normaliseName(trimmed) });
  } else if (/^[a-z]+$/i.test(compact)) {
    const letters = compact.toLowerCase();
    customerRanges.push(
      { kind: 'initials', key: letters },
      { kind: 'pinyin', key: letters },
      { kind: 'name', key: letters },
    );
  }
  const code = normaliseCode(trimmed);
  // A few digits are a phone fragment; serials and receipts are long, and the counter types at least their last digits.
  const minCode = /^\d+$/.test(code) ? MIN_DIGIT_CODE : MIN_CODE;
  if (code.length >= minCode && /^[A-Z0-9]+$/.test(code)) {
    const tail = reverseKey(code);
    productRanges.push(
      { kind: 'serial', key: code },
      { kind: 'serialTail', key: tail },
      { kind: 'receipt', key: code },
      { kind: 'receiptTail', key: tail },
    );
  }
  // Ticket numbers are store code, counter, date and sequence: S012-2-20261123-0042.
  const ticketPrefix = /^[A-Za-z][A-Za-z0-9]{0,9}-\d/.test(trimmed) ? trimmed.toUpperCase().replace(/\s/g, '') : null;
  return { customerRanges, productRanges, ticketPrefix };
}

/** The customers a range holds, and those whose term is the key itself (for phones: numbers ending in it). */
async function scan(db: Kysely<DB>, range: Range): Promise<{ ids: string[]; exact: Set<string> }> {
  const [low, high] = prefixRange(range.kind, range.key);
  const rows = await db
    .selectFrom('searchTerm')
    .select(['customerId', 'term'])
    .where('term', '>=', low)
    .where('term', '<', high)
    .limit(CANDIDATES_PER_RANGE)
    .execute();
  // The key sorts before every longer term of the range, so the exact ones are always among those read.
  const exact = new Set(rows.filter((r) => r.term === low).map((r) => r.customerId));
  return { ids: rows.map((r) => r.customerId), exact };
}

/** Names spelled out once per process: pinyin takes ~60 µs a name, and a page ranks up to 300. */
const SPELLED_KEPT = 4096;
const spelledNames = new Map<string, ReturnType<typeof namePinyin>>();

function spelledName(name: string): ReturnType<typeof namePinyin> {
  const known = spelledNames.get(name);
  if (known !== undefined) return known;
  // Bounded: a store with more distinct names than this starts the cache over.
  if (spelledNames.size >= SPELLED_KEPT) spelledNames.clear();
  const spelled = namePinyin(name);
  spelledNames.set(name, spelled);
  return spelled;
}

/** Exact name (or its whole initials/pinyin) first, then names starting with the query, then the rest; newest first within each. */
function rank(name: string, query: string): number {
  const wanted = normaliseName(query);
  const own = normaliseName(name);
  if (own === wanted) return 0;
  const spelled = spelledName(name);
  if (spelled && (spelled.initials === wanted || spelled.full === wanted)) return 0;
  if (own.startsWith(wanted)) return 1;
  if (spelled && (spelled.initials.startsWith(wanted) || spelled.full.startsWith(wanted))) return 1;
  return 2;
}

export async function counterSearch(db: Kysely<DB>, query: string, limit: number): Promise<CounterSearchResult> {
  const plan = planSearch(query);
  let more = false;
  const customerIds = new Set<string>();
  // A phone's whole digits suffix equal to the query: the number ends in the typed digits.
  const endsInQuery = new Set<string>();
  for (const range of plan.customerRanges) {
    const { ids, exact } = await scan(db, range);
    if (ids.length === CANDIDATES_PER_RANGE) more = true;
    for (const id of ids) customerIds.add(id);
    if (range.kind === 'phone') for (const id of exact) endsInQuery.add(id);
  }
  const productOwners = new Set<string>();
  for (const range of plan.productRanges) {
    const { ids } = await scan(db, range);
    if (ids.length === CANDIDATES_PER_RANGE) more = true;
    for (const id of ids) productOwners.add(id);
  }

  const byName = plan.customerRanges.some((r) => r.kind !== 'phone');
  const phoneKey = plan.customerRanges.find((r) => r.kind === 'phone')?.key ?? null;
  const items = byName
    ? await summarise(db, [...customerIds], query, limit)
    : await summariseByPhone(db, [...customerIds], endsInQuery, phoneKey ?? '', limit);
  if (customerIds.size > limit) more = true;
  const products = await productHits(db, [...productOwners], normaliseCode(query), limit);
  const tickets: TicketHit[] = plan.ticketPrefix ? await searchTickets(db, plan.ticketPrefix, limit) : [];
  return { items, products, tickets, more };
}

async function customerRows(db: Kysely<DB>, ids: string[]) {
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'tier', 'updatedAt'])
    .where('id', 'in', ids)
    .where('deletedAt', 'is', null)
    .execute();
}

async function summarise(db: Kysely<DB>, ids: string[], nameQuery: string, limit: number): Promise<CustomerSummary[]> {
  if (ids.length === 0) return [];
  const rows = await customerRows(db, ids);
  const ranked = rows
    .map((row) => ({ row, score: rank(row.name, nameQuery) }))
    .sort((a, b) => a.score - b.score || b.row.updatedAt.localeCompare(a.row.updatedAt))
    .slice(0, limit)
    .map((r) => r.row);
  return withMaskedPhones(db, ranked);
}

/**
 * Where typed digits sit in a number: at its end when they are its tail (how a customer gives
 * their number: "尾号 5678"), else their first place. Positions count digits, as the mask does.
 */
export function phoneDigitsMatch(number: string, digits: string): { start: number; tail: boolean } | null {
  const own = number.replace(/\D/g, '');
  if (digits === '') return null;
  if (own.endsWith(digits)) return { start: own.length - digits.length, tail: true };
  const start = own.indexOf(digits);
  return start === -1 ? null : { start, tail: false };
}

/**
 * A phone search: numbers ending in the digits first (the tail is what customers say), then
 * those holding them elsewhere; newest first within each. Phones are read for the page only,
 * and each hit says where the digits matched.
 */
async function summariseByPhone(
  db: Kysely<DB>,
  ids: string[],
  endsInQuery: ReadonlySet<string>,
  digits: string,
  limit: number,
): Promise<CustomerSummary[]> {
  if (ids.length === 0) return [];
  const rows = (await customerRows(db, ids))
    .sort(
      (a, b) => Number(endsInQuery.has(b.id)) - Number(endsInQuery.has(a.id)) || b.updatedAt.localeCompare(a.updatedAt),
    )
    .slice(0, limit);
  const phones = await phonesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = phones.filter((p) => p.customerId === row.id);
    let best: { phone: number; start: number; tail: boolean } | null = null;
    for (const [index, phone] of own.entries()) {
      const found = phoneDigitsMatch(phone.number, digits);
      if (found && (best === null || (found.tail && !best.tail))) best = { phone: index, ...found };
    }
    return {
      ...row,
      maskedPhones: own.map((p) => maskPhone(p.number)),
      ...(best === null
        ? {}
        : { phoneMatch: { phone: best.phone, start: best.start, end: best.start + digits.length } }),
    };
  });
}

function phonesOf(db: Kysely<DB>, customerIds: ReadonlyArray<string>) {
  return db
    .selectFrom('customerPhone')
    .select(['customerId', 'number'])
    .where('customerId', 'in', customerIds)
    .orderBy('position')
    .execute();
}

export async function withMaskedPhones(
  db: Kysely<DB>,
  rows: ReadonlyArray<{ id: string; name: string; tier: CustomerSummary['tier']; updatedAt: string }>,
): Promise<CustomerSummary[]> {
  if (rows.length === 0) return [];
  const phones = await phonesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    maskedPhones: phones.filter((p) => p.customerId === row.id).map((p) => maskPhone(p.number)),
  }));
}

async function productHits(db: Kysely<DB>, owners: string[], code: string, limit: number): Promise<ProductHit[]> {
  if (owners.length === 0) return [];
  const rows = await db
    .selectFrom('product')
    .innerJoin('customer', 'customer.id', 'product.customerId')
    .select([
      'product.id',
      'product.customerId',
      'customer.name as customerName',
      'product.brand',
      'product.model',
      'product.serial',
      'product.receiptNo',
    ])
    .where('product.customerId', 'in', owners)
    .where('product.deletedAt', 'is', null)
    .where('customer.deletedAt', 'is', null)
    .execute();
  const hits: ProductHit[] = [];
  for (const row of rows) {
    const serial = row.serial ? normaliseCode(row.serial) : '';
    const receipt = row.receiptNo ? normaliseCode(row.receiptNo) : '';
    if (serial !== '' && (serial.startsWith(code) || serial.endsWith(code))) hits.push({ ...row, matched: 'serial' });
    else if (receipt !== '' && (receipt.startsWith(code) || receipt.endsWith(code)))
      hits.push({ ...row, matched: 'receipt' });
  }
  // A whole number typed in full is the one the counter means: exact matches first.
  const exact = (h: ProductHit) => normaliseCode((h.matched === 'serial' ? h.serial : h.receiptNo) ?? '') === code;
  return hits.sort((a, b) => Number(exact(b)) - Number(exact(a))).slice(0, limit);
}
