/**
 * What a store entered for an offered record, as one line a reviewer reads: a part's name, unit,
 * cost and price (money in fen, shown as ¥ with 2 decimals, first), a supplier's contact, a
 * standard's minutes. What the record's label already says (number, name), bookkeeping (times) and
 * a store's own shelf settings are left out.
 */
const HIDDEN = new Set([
  'partNo',
  'name',
  'updatedAt',
  'createdAt',
  'retiredAt',
  'bin',
  'reorderLevel',
  'reorderQty',
  'supplierIds',
]);
const MONEY = new Set(['costFen', 'priceFen']);
/** Price, then cost, then the rest in the store's order. */
const rank = (field: string) => (field === 'priceFen' ? 0 : field === 'costFen' ? 1 : 2);

const yuan = (fen: number, language: string) =>
  `¥${(fen / 100).toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** `nameOf(field)`: the field's name in the reader's language (the page's `field.*` words), or null. */
export function fieldsText(
  fields: Readonly<Record<string, unknown>>,
  language: string,
  nameOf: (field: string) => string | null,
): string {
  return Object.entries(fields)
    .sort(([a], [b]) => rank(a) - rank(b))
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== '' && value !== '[]')
    .map(([key, value]) => {
      const shown = MONEY.has(key) && typeof value === 'number' ? yuan(value, language) : String(value);
      return `${nameOf(key) ?? key}: ${shown}`;
    })
    .join(' · ');
}
