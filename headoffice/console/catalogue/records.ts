/**
 * Head office's catalogue records as the console reads them. Head office keeps every synced record
 * as its merged state (`entity_state`, fields named as the counter's columns in camelCase), so a
 * part's `models` and `supplierIds` are the counter's JSON texts; these views turn them into what
 * the console shows and back.
 */
import { sql } from 'kysely';
import type { HqDatabase } from '../../db/open';
import type { RecordState } from '../../../db/sync/protocol';
import type { PartView, SupplierView } from '../contract/catalogue';

export type HqRecord = { id: string; fields: Record<string, unknown> };

type Reader = Pick<HqDatabase, 'selectFrom'>;

export async function loadRecord(db: Reader, entity: string, id: string): Promise<HqRecord | undefined> {
  const row = await db
    .selectFrom('entityState')
    .select(['entityId', 'state'])
    .where('entity', '=', entity)
    .where('entityId', '=', id)
    .executeTakeFirst();
  return row && !row.state.deleted ? { id: row.entityId, fields: row.state.fields } : undefined;
}

export async function loadRecords(db: Reader, entity: string): Promise<HqRecord[]> {
  const rows = await db.selectFrom('entityState').select(['entityId', 'state']).where('entity', '=', entity).execute();
  return rows.filter((r) => !r.state.deleted).map((r) => ({ id: r.entityId, fields: r.state.fields }));
}

/** Parts whose part number is `partNo`: the counter's UNIQUE covers retired parts too. */
export async function partsNumbered(db: Reader, partNo: string): Promise<HqRecord[]> {
  const rows = await db
    .selectFrom('entityState')
    .select(['entityId', 'state'])
    .where('entity', '=', 'part')
    .where(sql<string>`state->'fields'->>'partNo'`, '=', partNo)
    .execute();
  return rows.map((r) => ({ id: r.entityId, fields: (r.state as RecordState).fields }));
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

export function jsonList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed: unknown = JSON.parse(str(value, '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export function toPartView(record: HqRecord): PartView {
  const f = record.fields;
  return {
    id: record.id,
    partNo: str(f.partNo),
    name: str(f.name),
    spec: str(f.spec),
    models: jsonList(f.models),
    unit: str(f.unit),
    supplierIds: jsonList(f.supplierIds),
    costFen: num(f.costFen),
    priceFen: num(f.priceFen),
    retiredAt: typeof f.retiredAt === 'string' ? f.retiredAt : null,
    createdAt: str(f.createdAt),
    updatedAt: str(f.updatedAt),
  };
}

export function toSupplierView(record: HqRecord, partCount = 0): SupplierView {
  const f = record.fields;
  return {
    id: record.id,
    name: str(f.name),
    contact: str(f.contact),
    phone: str(f.phone),
    retiredAt: typeof f.retiredAt === 'string' ? f.retiredAt : null,
    partCount,
  };
}

/**
 * The catalogue's version for a dry run's token: any write to a part or supplier moves the feed seq
 * it records, and an added record moves the count.
 */
export async function catalogueVersion(db: Reader): Promise<string> {
  const row = await db
    .selectFrom('entityState')
    .select((eb) => [eb.fn.max('updatedSeq').as('seq'), eb.fn.countAll().as('n')])
    .where('entity', 'in', ['part', 'supplier'])
    .executeTakeFirstOrThrow();
  return `${String(row.seq ?? 0)}:${String(row.n)}`;
}
