/** Customer reads and writes. Writers log one change row per changed record and stamp LWW fields. */
import { sql, type Kysely } from 'kysely';
import { newId } from '../ids';
import type { CustomerPhoneRow, CustomerRow, DB } from '../schema';
import { changedFields, recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { CustomerDetail, CustomerSummary, Tier } from './contract';
import { maskPhone, type NormalisedPhone } from './phone';

export type CustomerWrite = { name: string; tier: Tier; notes: string; phones: ReadonlyArray<{ id?: string | undefined; number: NormalisedPhone }> };

export class UnknownPhoneError extends Error {
  constructor(readonly index: number) {
    super(`phones.${index}.id does not belong to this customer`);
  }
}

export async function findCustomerRow(db: Kysely<DB>, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customer').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

export async function loadCustomerDetail(db: Kysely<DB>, id: string): Promise<CustomerDetail | undefined> {
  const row = await db
    .selectFrom('customer')
    .leftJoin('staff', 'staff.id', 'customer.createdBy')
    .selectAll('customer')
    .select('staff.name as createdByName')
    .where('customer.id', '=', id)
    .where('customer.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const phones = await db.selectFrom('customerPhone').select(['id', 'kind', 'number']).where('customerId', '=', id).orderBy('position').execute();
  return { id: row.id, name: row.name, tier: row.tier, notes: row.notes, phones, createdAt: row.createdAt, updatedAt: row.updatedAt, createdByName: row.createdByName };
}

export async function insertCustomer(tx: TxContext, input: CustomerWrite, createdStoreId: string | null): Promise<string> {
  const hlc = tx.stamp();
  const row: CustomerRow = {
    id: newId(),
    name: input.name,
    tier: input.tier,
    notes: input.notes,
    createdStoreId,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    deletedAt: null,
    hlc,
  };
  await tx.trx.insertInto('customer').values(row).execute();
  const { id, hlc: _hlc, ...fields } = row;
  await recordChange(tx, { entity: 'customer', entityId: id, op: 'insert', hlc, fields });
  await stampFields(tx, 'customer', id, Object.keys(fields), hlc);
  for (const [position, phone] of input.phones.entries()) await insertPhone(tx, id, phone.number, position);
  return id;
}

async function insertPhone(tx: TxContext, customerId: string, phone: NormalisedPhone, position: number): Promise<void> {
  const hlc = tx.stamp();
  const row: CustomerPhoneRow = { id: newId(), customerId, kind: phone.kind, number: phone.number, digits: phone.digits, position, createdAt: tx.nowIso, hlc };
  await tx.trx.insertInto('customerPhone').values(row).execute();
  const { id, hlc: _hlc, ...fields } = row;
  await recordChange(tx, { entity: 'customer_phone', entityId: id, op: 'insert', hlc, fields });
}

export async function updateCustomer(tx: TxContext, before: CustomerRow, input: CustomerWrite): Promise<void> {
  const changed = changedFields(before, { name: input.name, tier: input.tier, notes: input.notes });
  if (Object.keys(changed).length > 0) {
    const hlc = tx.stamp();
    await tx.trx.updateTable('customer').set({ ...changed, updatedAt: tx.nowIso, hlc }).where('id', '=', before.id).execute();
    await recordChange(tx, { entity: 'customer', entityId: before.id, op: 'update', hlc, fields: { ...changed, updatedAt: tx.nowIso } });
    await stampFields(tx, 'customer', before.id, Object.keys(changed), hlc);
  }
  await replacePhones(tx, before.id, input.phones);
}

/** Phones keep their ids across edits, so each one's history (and sync) follows the number. */
async function replacePhones(tx: TxContext, customerId: string, phones: CustomerWrite['phones']): Promise<void> {
  const existing = await tx.trx.selectFrom('customerPhone').selectAll().where('customerId', '=', customerId).execute();
  const byId = new Map(existing.map((p) => [p.id, p]));
  const kept = new Set<string>();
  for (const [position, phone] of phones.entries()) {
    if (phone.id === undefined) {
      await insertPhone(tx, customerId, phone.number, position);
      continue;
    }
    const before = byId.get(phone.id);
    if (!before) throw new UnknownPhoneError(position);
    kept.add(before.id);
    const changed = changedFields(before, { kind: phone.number.kind, number: phone.number.number, digits: phone.number.digits, position });
    if (Object.keys(changed).length === 0) continue;
    const hlc = tx.stamp();
    await tx.trx.updateTable('customerPhone').set({ ...changed, hlc }).where('id', '=', before.id).execute();
    await recordChange(tx, { entity: 'customer_phone', entityId: before.id, op: 'update', hlc, fields: changed });
  }
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    const hlc = tx.stamp();
    await tx.trx.deleteFrom('customerPhone').where('id', '=', old.id).execute();
    await recordChange(tx, { entity: 'customer_phone', entityId: old.id, op: 'delete', hlc, fields: { customerId } });
  }
}

function likeContaining(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Any part of a phone number (digits, spaces and dashes ignored) or of the name. A query of
 * digits searches phones; anything else searches names.
 */
export async function searchCustomers(db: Kysely<DB>, query: string, limit: number): Promise<CustomerSummary[]> {
  const compact = query.replace(/[\s\-()]/g, '');
  const byPhone = /^\+?\d+$/.test(compact);
  const rows = byPhone
    ? await db
        .selectFrom('customer')
        .innerJoin('customerPhone', 'customerPhone.customerId', 'customer.id')
        .select(['customer.id', 'customer.name', 'customer.tier', 'customer.updatedAt'])
        .distinct()
        .where(sql<boolean>`customer_phone.digits LIKE ${likeContaining(compact.replace(/^\+?86(?=1)/, ''))} ESCAPE '\\'`)
        .where('customer.deletedAt', 'is', null)
        .orderBy('customer.updatedAt', 'desc')
        .limit(limit)
        .execute()
    : await db
        .selectFrom('customer')
        .select(['id', 'name', 'tier', 'updatedAt'])
        .where(sql<boolean>`name LIKE ${likeContaining(query.trim())} ESCAPE '\\'`)
        .where('deletedAt', 'is', null)
        .orderBy('updatedAt', 'desc')
        .limit(limit)
        .execute();
  if (rows.length === 0) return [];
  const phones = await db
    .selectFrom('customerPhone')
    .select(['customerId', 'number'])
    .where(
      'customerId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    ...row,
    maskedPhones: phones.filter((p) => p.customerId === row.id).map((p) => maskPhone(p.number)),
  }));
}
