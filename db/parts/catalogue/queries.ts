/** Catalogue reads and writes. Writers log one change row per changed record. */
import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type { PartRow, SupplierRow } from '../tables';
import { clearanceViews } from '../clearance/queries';
import type { PartDetail, PartSummary, SupplierSummary } from './contract';

export type PartWrite = {
  partNo: string;
  name: string;
  spec: string;
  models: ReadonlyArray<string>;
  unit: string;
  supplierIds: ReadonlyArray<string>;
  costFen: number;
  priceFen: number;
  bin: string;
  reorderLevel: number | null;
  reorderQty: number;
};

export function likeContaining(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toPartSummary(row: PartRow, onHand: number): PartSummary {
  return {
    id: row.id,
    partNo: row.partNo,
    name: row.name,
    spec: row.spec,
    unit: row.unit,
    models: JSON.parse(row.models) as string[],
    bin: row.bin,
    costFen: row.costFen,
    priceFen: row.priceFen,
    reorderLevel: row.reorderLevel,
    reorderQty: row.reorderQty,
    retired: row.retiredAt !== null,
    onHand,
  };
}

export function toSupplierSummary(row: SupplierRow): SupplierSummary {
  return { id: row.id, name: row.name, contact: row.contact, phone: row.phone, retired: row.retiredAt !== null };
}

/** Σ on-hand over all locations, per part, from the cache. */
function totalOnHand(db: Kysely<DB>) {
  return db
    .selectFrom('stockOnHand')
    .select(['partId', (eb) => eb.fn.sum<number>('qty').as('total')])
    .groupBy('partId')
    .as('oh');
}

export async function listParts(
  db: Kysely<DB>,
  { query, includeRetired, limit }: { query: string; includeRetired: boolean; limit: number },
): Promise<PartSummary[]> {
  let select = db
    .selectFrom('part')
    .leftJoin(totalOnHand(db), 'oh.partId', 'part.id')
    .selectAll('part')
    .select((eb) => eb.fn.coalesce('oh.total', sql<number>`0`).as('onHand'))
    .orderBy('part.partNo')
    .limit(limit);
  if (!includeRetired) select = select.where('part.retiredAt', 'is', null);
  if (query !== '') {
    const like = likeContaining(query);
    select = select.where(
      sql<boolean>`(part.part_no LIKE ${like} ESCAPE '\\' OR part.name LIKE ${like} ESCAPE '\\' OR part.spec LIKE ${like} ESCAPE '\\' OR part.models LIKE ${like} ESCAPE '\\')`,
    );
  }
  const rows = await select.execute();
  return rows.map(({ onHand, ...row }) => toPartSummary(row, Number(onHand)));
}

export async function findPartRow(db: Kysely<DB>, id: string): Promise<PartRow | undefined> {
  return db.selectFrom('part').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPartByNo(db: Kysely<DB>, partNo: string): Promise<PartRow | undefined> {
  return db.selectFrom('part').selectAll().where('partNo', '=', partNo).executeTakeFirst();
}

export async function loadPartDetail(db: Kysely<DB>, id: string): Promise<PartDetail | undefined> {
  const row = await findPartRow(db, id);
  if (!row) return undefined;
  const stockRows = await db
    .selectFrom('stockOnHand')
    .innerJoin('stockLocation', 'stockLocation.id', 'stockOnHand.locationId')
    .select([
      'stockLocation.id',
      'stockLocation.code',
      'stockLocation.name',
      'stockLocation.retiredAt',
      'stockOnHand.qty',
    ])
    .where('stockOnHand.partId', '=', id)
    .orderBy('stockLocation.code')
    .execute();
  const stock = stockRows.map(({ retiredAt, ...s }) => ({ ...s, retired: retiredAt !== null }));
  const supplierIds = JSON.parse(row.supplierIds) as string[];
  const suppliers =
    supplierIds.length === 0
      ? []
      : await db.selectFrom('supplier').selectAll().where('id', 'in', supplierIds).execute();
  const ordered = supplierIds.flatMap((sid) => suppliers.filter((s) => s.id === sid).map(toSupplierSummary));
  const onHand = stock.reduce((sum, s) => sum + s.qty, 0);
  return {
    ...toPartSummary(row, onHand),
    suppliers: ordered,
    stock,
    clearance: (await clearanceViews(db, [id])).get(id) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function storedFields(input: PartWrite) {
  return { ...input, models: JSON.stringify(input.models), supplierIds: JSON.stringify(input.supplierIds) };
}

export async function insertPart(tx: TxContext, input: PartWrite): Promise<string> {
  const hlc = tx.stamp();
  const row: PartRow = {
    id: newId(),
    ...storedFields(input),
    retiredAt: null,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'part', 'part', row);
  return row.id;
}

/** Changes only what differs; retiring sets retired_at (soft delete: old documents still resolve the part). */
export async function updatePart(
  tx: TxContext,
  before: PartRow,
  input: Partial<PartWrite> & { retired?: boolean },
): Promise<void> {
  const { retired, ...write } = input;
  const patch: Partial<PartRow> = { ...write } as Partial<PartRow>;
  if (write.models !== undefined) patch.models = JSON.stringify(write.models);
  if (write.supplierIds !== undefined) patch.supplierIds = JSON.stringify(write.supplierIds);
  if (retired !== undefined) patch.retiredAt = retired ? (before.retiredAt ?? tx.nowIso) : null;
  const changed = changedFields(before, patch);
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('part')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'part',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
}

export async function listSuppliers(db: Kysely<DB>): Promise<SupplierSummary[]> {
  return (await db.selectFrom('supplier').selectAll().orderBy('name').execute()).map(toSupplierSummary);
}

export async function findSupplierRow(db: Kysely<DB>, id: string): Promise<SupplierRow | undefined> {
  return db.selectFrom('supplier').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSupplier(
  tx: TxContext,
  input: { name: string; contact: string; phone: string },
): Promise<SupplierRow> {
  const hlc = tx.stamp();
  const row: SupplierRow = { id: newId(), ...input, retiredAt: null, createdAt: tx.nowIso, updatedAt: tx.nowIso, hlc };
  await insertRecorded(tx, 'supplier', 'supplier', row);
  return row;
}

export async function updateSupplier(
  tx: TxContext,
  before: SupplierRow,
  input: { name: string; contact: string; phone: string; retired: boolean },
): Promise<void> {
  const { retired, ...rest } = input;
  const changed = changedFields(before, { ...rest, retiredAt: retired ? (before.retiredAt ?? tx.nowIso) : null });
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('supplier')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'supplier',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
}
