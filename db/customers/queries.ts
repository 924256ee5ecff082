/** Customer reads and writes. Writers log one change row per changed record and stamp LWW fields. */
import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { CustomerPhoneRow, DB } from '../schema';
import { changedFields, insertRecorded, recordChange, stampFields, type TxContext } from '../sync/change-log';
import type { ContactChannel, CustomerDetail, Tier } from './contract';
import { maskPhone, type NormalisedPhone } from './phone';
import { reindexCustomer } from './search-index';
import { customerTerms } from './search-terms';
import type { CustomerFileRow, TierRule } from './tables';
import { applyAutoTier, tierStandard } from './tiers';

export type AddressWrite = { id?: string | undefined; label: string; address: string };

export type CustomerWrite = {
  name: string;
  tier: Tier;
  notes: string;
  phones: ReadonlyArray<{ id?: string | undefined; number: NormalisedPhone }>;
  addresses?: ReadonlyArray<AddressWrite> | undefined;
  preferredChannel?: ContactChannel | null | undefined;
  contactConsent?: boolean | undefined;
  doNotContact?: boolean | undefined;
  tierRule?: TierRule | undefined;
  language?: 'zh-CN' | 'en' | null | undefined;
};

export class UnknownChildError extends Error {
  constructor(readonly field: string) {
    super(`${field} does not belong to this customer`);
  }
}

export async function findCustomerRow(db: Kysely<DB>, id: string): Promise<CustomerFileRow | undefined> {
  return db.selectFrom('customer').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

/** A merged duplicate's id leads to the surviving record, however many merges ago. */
export async function resolveCustomerId(db: Kysely<DB>, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const alias = await db
      .selectFrom('customerMerge')
      .select('intoId')
      .where('fromId', '=', current)
      .executeTakeFirst();
    if (!alias) return current;
    current = alias.intoId;
  }
  return current;
}

/** Every id that reads as this customer: itself and the duplicates merged into it. */
export async function aliasesOf(db: Kysely<DB>, id: string): Promise<string[]> {
  const all = [id];
  for (let i = 0; i < all.length && i < 64; i++) {
    const rows = await db.selectFrom('customerMerge').select('fromId').where('intoId', '=', all[i]!).execute();
    all.push(...rows.map((r) => r.fromId));
  }
  return all;
}

export async function loadCustomerDetail(
  db: Kysely<DB>,
  id: string,
  { showContact = true }: { showContact?: boolean } = {},
): Promise<CustomerDetail | undefined> {
  const row = await db
    .selectFrom('customer')
    .leftJoin('staff', 'staff.id', 'customer.createdBy')
    .leftJoin('store', 'store.id', 'customer.createdStoreId')
    .selectAll('customer')
    .select(['staff.name as createdByName', 'store.name as createdStoreName'])
    .where('customer.id', '=', id)
    .where('customer.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const phones = await db
    .selectFrom('customerPhone')
    .select(['id', 'kind', 'number'])
    .where('customerId', '=', id)
    .orderBy('position')
    .execute();
  const addresses = showContact
    ? await db
        .selectFrom('customerAddress')
        .select(['id', 'label', 'address'])
        .where('customerId', '=', id)
        .orderBy('position')
        .execute()
    : [];
  const merged = await aliasesOf(db, id);
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    tierRule: row.tierRule,
    standard: (await tierStandard(db, row.tier)) ?? null,
    notes: row.notes,
    phones: showContact ? phones : phones.map((p) => ({ ...p, number: maskPhone(p.number) })),
    addresses,
    contactHidden: !showContact,
    preferredChannel: row.preferredChannel,
    contactConsent: row.contactConsent === 1,
    doNotContact: row.doNotContact === 1,
    language: row.language,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdByName: row.createdByName,
    createdStoreName: row.createdStoreName,
    mergedFrom: merged.slice(1),
  };
}

/** Customers (not merged away) that have one of these phone numbers, by exact digits. */
export async function customersWithPhones(
  db: Kysely<DB>,
  digits: ReadonlyArray<string>,
  exceptId?: string,
): Promise<string[]> {
  if (digits.length === 0) return [];
  let query = db
    .selectFrom('customerPhone')
    .innerJoin('customer', 'customer.id', 'customerPhone.customerId')
    .select('customer.id')
    .distinct()
    .where('customerPhone.digits', 'in', digits)
    .where('customer.deletedAt', 'is', null);
  if (exceptId) query = query.where('customer.id', '!=', exceptId);
  return (await query.execute()).map((r) => r.id);
}

export async function insertCustomer(
  tx: TxContext,
  input: CustomerWrite,
  createdStoreId: string | null,
): Promise<string> {
  const hlc = tx.stamp();
  const row: CustomerFileRow = {
    id: newId(),
    name: input.name,
    tier: input.tier,
    tierRule: input.tierRule ?? 'manual',
    notes: input.notes,
    preferredChannel: input.preferredChannel ?? null,
    contactConsent: input.contactConsent ? 1 : 0,
    doNotContact: input.doNotContact ? 1 : 0,
    language: input.language ?? null,
    createdStoreId,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    deletedAt: null,
    hlc,
  };
  await insertRecorded(tx, 'customer', 'customer', row, { stamp: true });
  const { id } = row;
  for (const [position, phone] of input.phones.entries()) await insertPhone(tx, id, phone.number, position);
  for (const [position, address] of (input.addresses ?? []).entries()) await insertAddress(tx, id, address, position);
  // A new customer has no terms and no products yet: write its terms straight from the input.
  const terms = customerTerms({
    name: input.name,
    phoneDigits: input.phones.map((p) => p.number.digits),
    products: [],
  });
  await tx.trx
    .insertInto('searchTerm')
    .values([...terms].map((term) => ({ term, customerId: id })))
    .execute();
  return id;
}

export async function insertPhone(
  tx: TxContext,
  customerId: string,
  phone: NormalisedPhone,
  position: number,
): Promise<void> {
  const hlc = tx.stamp();
  const row: CustomerPhoneRow = {
    id: newId(),
    customerId,
    kind: phone.kind,
    number: phone.number,
    digits: phone.digits,
    position,
    createdAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'customerPhone', 'customer_phone', row);
}

export async function insertAddress(
  tx: TxContext,
  customerId: string,
  address: AddressWrite,
  position: number,
): Promise<void> {
  const hlc = tx.stamp();
  const row = {
    id: newId(),
    customerId,
    label: address.label,
    address: address.address,
    position,
    createdAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'customerAddress', 'customer_address', row);
}

export async function updateCustomer(tx: TxContext, before: CustomerFileRow, input: CustomerWrite): Promise<void> {
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
  const changed = changedFields(before, {
    name: input.name,
    tier: input.tier,
    notes: input.notes,
    tierRule: input.tierRule,
    preferredChannel: input.preferredChannel,
    contactConsent: flag(input.contactConsent),
    doNotContact: flag(input.doNotContact),
    language: input.language,
  });
  if (Object.keys(changed).length > 0) {
    const hlc = tx.stamp();
    await tx.trx
      .updateTable('customer')
      .set({ ...changed, updatedAt: tx.nowIso, hlc })
      .where('id', '=', before.id)
      .execute();
    await recordChange(tx, {
      entity: 'customer',
      entityId: before.id,
      op: 'update',
      hlc,
      fields: { ...changed, updatedAt: tx.nowIso },
    });
    await stampFields(tx, 'customer', before.id, Object.keys(changed), hlc);
  }
  await replacePhones(tx, before.id, input.phones);
  if (input.addresses) await replaceAddresses(tx, before.id, input.addresses);
  await reindexCustomer(tx.trx, before.id);
  if (changed.tierRule === 'auto') await applyAutoTier(tx, before.id);
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
    if (!before) throw new UnknownChildError(`phones.${position}.number`);
    kept.add(before.id);
    const changed = changedFields(before, {
      kind: phone.number.kind,
      number: phone.number.number,
      digits: phone.number.digits,
      position,
    });
    if (Object.keys(changed).length === 0) continue;
    const hlc = tx.stamp();
    await tx.trx
      .updateTable('customerPhone')
      .set({ ...changed, hlc })
      .where('id', '=', before.id)
      .execute();
    await recordChange(tx, { entity: 'customer_phone', entityId: before.id, op: 'update', hlc, fields: changed });
  }
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    const hlc = tx.stamp();
    await tx.trx.deleteFrom('customerPhone').where('id', '=', old.id).execute();
    await recordChange(tx, { entity: 'customer_phone', entityId: old.id, op: 'delete', hlc, fields: { customerId } });
  }
}

async function replaceAddresses(
  tx: TxContext,
  customerId: string,
  addresses: ReadonlyArray<AddressWrite>,
): Promise<void> {
  const existing = await tx.trx
    .selectFrom('customerAddress')
    .selectAll()
    .where('customerId', '=', customerId)
    .execute();
  const byId = new Map(existing.map((a) => [a.id, a]));
  const kept = new Set<string>();
  for (const [position, address] of addresses.entries()) {
    if (address.id === undefined) {
      await insertAddress(tx, customerId, address, position);
      continue;
    }
    const before = byId.get(address.id);
    if (!before) throw new UnknownChildError(`addresses.${position}.address`);
    kept.add(before.id);
    const changed = changedFields(before, { label: address.label, address: address.address, position });
    if (Object.keys(changed).length === 0) continue;
    const hlc = tx.stamp();
    await tx.trx
      .updateTable('customerAddress')
      .set({ ...changed, hlc })
      .where('id', '=', before.id)
      .execute();
    await recordChange(tx, { entity: 'customer_address', entityId: before.id, op: 'update', hlc, fields: changed });
  }
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    const hlc = tx.stamp();
    await tx.trx.deleteFrom('customerAddress').where('id', '=', old.id).execute();
    await recordChange(tx, { entity: 'customer_address', entityId: old.id, op: 'delete', hlc, fields: { customerId } });
  }
}
