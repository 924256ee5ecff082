/**
 * The data of the labels: a part's label, the bin labels of a location, the tag on a customer's
 * goods taken in. Subject ids carry the count or the bins asked for (label-subjects.ts).
 */
import type { Kysely } from 'kysely';
import { maskPhone } from '../customers/phone';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import type { BinLabelPrintData, GoodsTagPrintData, PartLabelPrintData } from './form-data';
import { binCode, parseBinSubject, parseCountedSubject } from './label-subjects';
import { loadStoreHeader } from './store-header';

/** A whole location at once stays a sheet or two of labels, not a runaway job. */
const MAX_BIN_LABELS = 240;
/** A 50 × 30 mm bin label has room for three part numbers under its barcode. */
const PARTS_PER_BIN_LABEL = 3;

function counted(subjectId: string, field: string): { id: string; count: number } {
  const parsed = parseCountedSubject(subjectId);
  if (!parsed) throw new DeskFailure('validation', 'label_count_range', field);
  return parsed;
}

export async function loadPartLabel(db: Kysely<DB>, subjectId: string): Promise<PartLabelPrintData> {
  const { id, count } = counted(subjectId, 'partId');
  const part = await db
    .selectFrom('part')
    .select(['id', 'partNo', 'name', 'spec', 'unit', 'bin'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!part) throw new DeskFailure('not_found', 'not_found', 'partId');
  return { store: await loadStoreHeader(db), part, count };
}

function binFilter(bin: string): { exact: string } | { prefix: string } {
  return bin.endsWith('*') ? { prefix: bin.slice(0, -1) } : { exact: bin };
}

export async function loadBinLabels(db: Kysely<DB>, subjectId: string): Promise<BinLabelPrintData> {
  const parsed = parseBinSubject(subjectId);
  if (!parsed) throw new DeskFailure('validation', 'invalid_value', 'binId');
  const location = await db
    .selectFrom('stockLocation')
    .select(['id', 'code', 'name'])
    .where('id', '=', parsed.locationId)
    .executeTakeFirst();
  if (!location) throw new DeskFailure('not_found', 'not_found', 'binId');
  const filter = binFilter(parsed.bin);
  let query = db
    .selectFrom('part')
    .select(['bin', 'partNo', 'name'])
    .where('bin', '<>', '')
    .where('retiredAt', 'is', null);
  query =
    'exact' in filter
      ? query.where('bin', '=', filter.exact)
      : query.where('bin', 'like', `${filter.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('bin').orderBy('partNo').execute();
  const byBin = new Map<string, Array<{ partNo: string; name: string }>>();
  for (const row of rows) byBin.set(row.bin, [...(byBin.get(row.bin) ?? []), { partNo: row.partNo, name: row.name }]);
  // A single bin with nothing on it yet still gets its label: shelves are labelled before they are filled.
  if ('exact' in filter && byBin.size === 0) byBin.set(filter.exact, []);
  if (byBin.size === 0) throw new DeskFailure('not_found', 'label_no_bins', 'binId');
  if (byBin.size > MAX_BIN_LABELS) throw new DeskFailure('validation', 'label_count_range', 'binId');
  return {
    store: await loadStoreHeader(db),
    location,
    bins: parsed.bin,
    labels: [...byBin].map(([bin, parts]) => ({
      bin,
      code: binCode(location.code, bin),
      parts: parts.slice(0, PARTS_PER_BIN_LABEL),
      moreParts: Math.max(0, parts.length - PARTS_PER_BIN_LABEL),
    })),
  };
}

/** Two-character Chinese surnames; any other Chinese name's surname is its first character. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
];

/** 吴先生 → 吴, 欧阳娜娜 → 欧阳, "Jane Smith" → Smith: no more of the name than matching goods needs. */
export function surnameOf(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (/^\p{Script=Han}/u.test(trimmed)) {
    return COMPOUND_SURNAMES.find((surname) => trimmed.startsWith(surname)) ?? [...trimmed][0]!;
  }
  const words = trimmed.split(/\s+/);
  return words.at(-1)!;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function loadGoodsTag(db: Kysely<DB>, subjectId: string): Promise<GoodsTagPrintData> {
  const { id, count } = counted(subjectId, 'ticketId');
  const ticket = await db
    .selectFrom('ticket')
    .select(['id', 'number', 'createdAt', 'customerId', 'productId', 'form'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!ticket) throw new DeskFailure('not_found', 'not_found', 'ticketId');
  const customer = await db
    .selectFrom('customer')
    .select('name')
    .where('id', '=', ticket.customerId)
    .executeTakeFirst();
  const phone = await db
    .selectFrom('customerPhone')
    .select('number')
    .where('customerId', '=', ticket.customerId)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  const product = ticket.productId
    ? await db.selectFrom('product').select(['brand', 'model']).where('id', '=', ticket.productId).executeTakeFirst()
    : undefined;
  let form: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(ticket.form);
    if (typeof parsed === 'object' && parsed !== null) form = parsed as Record<string, unknown>;
  } catch {
    // A form that does not parse leaves the product to the registered one.
  }
  const model = text(form.model) || product?.model || '';
  return {
    store: await loadStoreHeader(db),
    ticket: {
      id: ticket.id,
      number: ticket.number,
      createdAt: ticket.createdAt,
      product: [product?.brand ?? '', model].filter(Boolean).join(' '),
    },
    customer: { surname: surnameOf(customer?.name ?? ''), phone: phone ? maskPhone(phone.number) : '' },
    count,
  };
}
