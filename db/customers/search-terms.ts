/**
 * The keys the counter search finds a customer by, each stored as one `search_term` row
 * (`<kind>:<key>`, customer). A fragment is then one range scan of the primary key:
 * - phone: every suffix of the digits, 4 digits or longer, so any 4+-digit fragment of a number is
 *   the prefix of some suffix ("5678" finds 13812345678 through its suffix "5678");
 * - name: every suffix of the name, so a 1- or 2-character Chinese fragment works (FTS5's trigram
 *   tokenizer needs three characters, too many for 张三);
 * - pinyin initials (every suffix: "zs" and "sf" find 张三丰) and the whole pinyin ("zhangs");
 * - serial and receipt numbers: the key for "starts with" and the key reversed for "ends with",
 *   the two ways a counter reads a long number off a label.
 * Terms are rebuilt per customer in the transaction that changes the rows they come from.
 */
import { pinyin } from 'pinyin-pro';

export const TERM_KINDS = {
  phone: 'p',
  name: 'n',
  initials: 'i',
  pinyin: 'f',
  serial: 's',
  serialTail: 't',
  receipt: 'r',
  receiptTail: 'u',
} as const;
export type TermKind = keyof typeof TERM_KINDS;

/** Fewer digits than this match too many numbers to be a useful phone search. */
export const MIN_PHONE_FRAGMENT = 4;

const HAN = /\p{Script=Han}/u;

export function term(kind: TermKind, key: string): string {
  return `${TERM_KINDS[kind]}:${key}`;
}

/** The scan bounds for "starts with": [low, high), the last character stepped up by one. */
export function prefixBounds(low: string): readonly [string, string] {
  const last = low.codePointAt(low.length - 1)!;
  const high = low.slice(0, low.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
  return [low, high];
}

/** The scan bounds for "terms of this kind starting with this key". */
export function prefixRange(kind: TermKind, key: string): readonly [string, string] {
  return prefixBounds(term(kind, key));
}

/** Serial and receipt numbers as typed and as printed differ in case, spaces and dashes. */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-_/.]/g, '');
}

export function normaliseName(raw: string): string {
  return raw.toLowerCase().replace(/[\s·•.]/g, '');
}

function suffixes(text: string, minLength = 1): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i + minLength <= chars.length; i++) out.push(chars.slice(i).join(''));
  return out;
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

/** Pinyin of the Han characters only; `surname: 'head'` reads 曾 as zeng and 单 as shan in a surname. */
export function namePinyin(name: string): { initials: string; full: string } | null {
  const han = Array.from(name)
    .filter((c) => HAN.test(c))
    .join('');
  if (han === '') return null;
  const options = { toneType: 'none', type: 'array', surname: 'head' } as const;
  const initials = pinyin(han, { ...options, pattern: 'first' })
    .join('')
    .toLowerCase();
  const full = pinyin(han, options).join('').toLowerCase().replace(/ü/g, 'v');
  return { initials, full };
}

export type TermSource = {
  name: string;
  phoneDigits: ReadonlyArray<string>;
  products: ReadonlyArray<{ serial: string | null; receiptNo: string | null }>;
};

/**
 * The synced fields each term source is read from: a pulled edit of anything else leaves a
 * customer's terms as they are (sync-hooks.ts).
 */
export const TERM_FIELDS = {
  customer: ['name', 'deletedAt'],
  customer_phone: ['digits', 'customerId', 'deletedAt'],
  product: ['serial', 'receiptNo', 'customerId', 'deletedAt'],
} as const satisfies Readonly<Record<string, ReadonlyArray<string>>>;

export function customerTerms(source: TermSource): Set<string> {
  const terms = new Set<string>();
  const name = normaliseName(source.name);
  for (const s of suffixes(name)) terms.add(term('name', s));
  const spelled = namePinyin(source.name);
  if (spelled) {
    for (const s of suffixes(spelled.initials)) terms.add(term('initials', s));
    terms.add(term('pinyin', spelled.full));
  }
  for (const digits of source.phoneDigits)
    for (const s of suffixes(digits, MIN_PHONE_FRAGMENT)) terms.add(term('phone', s));
  for (const product of source.products) {
    if (product.serial) addCode(terms, 'serial', 'serialTail', product.serial);
    if (product.receiptNo) addCode(terms, 'receipt', 'receiptTail', product.receiptNo);
  }
  return terms;
}

function addCode(terms: Set<string>, head: TermKind, tail: TermKind, raw: string): void {
  const key = normaliseCode(raw);
  if (key === '') return;
  terms.add(term(head, key));
  terms.add(term(tail, reversed(key)));
}

export { reversed as reverseKey };
