/**
 * Suppliers at head office: list (with how many parts name each), create, edit, retire. Names are
 * unique among active suppliers (case and spacing aside), so an import can name a supplier by its
 * name and mean one. A retired supplier stays on the parts that had it; it cannot be newly chosen.
 */
import { sql, type Transaction } from 'kysely';
import { newId } from '../../../db/ids';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type { HqDB } from '../../db/schema';
import type { SupplierFields, SupplierView } from '../contract/catalogue';
import type { CataloguePlan } from './commit';
import { loadRecord, loadRecords, toSupplierView, type HqRecord } from './records';

type Trx = Transaction<HqDB>;

export const supplierKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

async function partCounts(db: Pick<HqDatabase, 'selectFrom'>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(
      sql<{
        sid: string;
      }>`(SELECT json_array_elements_text((state->'fields'->>'supplierIds')::json) AS sid FROM entity_state WHERE entity = 'part' AND state->'fields'->>'supplierIds' LIKE '[_%')`.as(
        'ps',
      ),
    )
    .select(['ps.sid', (eb) => eb.fn.countAll().as('n')])
    .groupBy('ps.sid')
    .execute();
  return new Map(rows.map((r) => [r.sid, Number(r.n)]));
}

export async function listSuppliers(
  db: HqDatabase,
  status: 'active' | 'retired' | 'all' = 'all',
): Promise<SupplierView[]> {
  const [records, counts] = await Promise.all([loadRecords(db, 'supplier'), partCounts(db)]);
  return records
    .map((r) => toSupplierView(r, counts.get(r.id) ?? 0))
    .filter((s) => status === 'all' || (status === 'active') === (s.retiredAt === null))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Active suppliers by their name's key: how an import names them. */
export async function activeSuppliersByName(db: Pick<HqDatabase, 'selectFrom'>): Promise<Map<string, HqRecord>> {
  const records = await loadRecords(db, 'supplier');
  return new Map(records.filter((r) => !r.fields.retiredAt).map((r) => [supplierKey(String(r.fields.name)), r]));
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  const holder = (await activeSuppliersByName(trx)).get(supplierKey(name));
  if (holder && holder.id !== exceptId)
    throw new HqError(409, 'supplier_name_taken', `A supplier named ${name} already exists`);
}

async function getSupplier(trx: Trx, id: string): Promise<SupplierView> {
  const record = await loadRecord(trx, 'supplier', id);
  if (!record) throw new HqError(404, 'not_found', `No supplier ${id} at head office`);
  return toSupplierView(record);
}

export async function planCreateSupplier(
  trx: Trx,
  input: SupplierFields,
  nowIso: string,
): Promise<CataloguePlan<SupplierView>> {
  await assertNameFree(trx, input.name);
  const id = newId();
  const fields = { ...input, retiredAt: null, createdAt: nowIso, updatedAt: nowIso };
  return {
    writes: [{ entity: 'supplier', entityId: id, op: 'insert', fields }],
    audit: { action: 'supplier.create', target: input.name, before: null, after: input },
    result: toSupplierView({ id, fields }),
  };
}

export async function planUpdateSupplier(
  trx: Trx,
  id: string,
  input: SupplierFields,
  nowIso: string,
): Promise<CataloguePlan<SupplierView>> {
  const before = await getSupplier(trx, id);
  if (supplierKey(input.name) !== supplierKey(before.name) && before.retiredAt === null)
    await assertNameFree(trx, input.name, id);
  const changed = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => before[k as keyof SupplierFields] !== v),
  ) as Partial<SupplierFields>;
  const keys = Object.keys(changed) as Array<keyof SupplierFields>;
  return {
    writes: keys.length
      ? [{ entity: 'supplier', entityId: id, op: 'update', fields: { ...changed, updatedAt: nowIso } }]
      : [],
    audit: {
      action: 'supplier.update',
      target: before.name,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: changed,
    },
    result: { ...before, ...input },
  };
}

export async function planRetireSupplier(
  trx: Trx,
  id: string,
  retired: boolean,
  nowIso: string,
): Promise<CataloguePlan<SupplierView>> {
  const before = await getSupplier(trx, id);
  const retiredAt = retired ? (before.retiredAt ?? nowIso) : null;
  if (retiredAt === before.retiredAt)
    return {
      writes: [],
      audit: { action: 'supplier.retire', target: before.name, before: null, after: null },
      result: before,
    };
  // Back in use, it must not share its name with another active supplier.
  if (!retired) await assertNameFree(trx, before.name, id);
  return {
    writes: [{ entity: 'supplier', entityId: id, op: 'update', fields: { retiredAt, updatedAt: nowIso } }],
    audit: {
      action: retired ? 'supplier.retire' : 'supplier.reactivate',
      target: before.name,
      before: { retiredAt: before.retiredAt },
      after: { retiredAt },
    },
    result: { ...before, retiredAt },
  };
}
