/** The store's own settings row: one per database. */
import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { DB, StoreRow } from '../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../sync/change-log';
import type { OpeningHoursTemplateView, StoreSettings } from './contract';

/** Mon–Sat, 09:00–21:00: a department store's usual week; changed on the settings page. */
const DEFAULT_HOURS = { opensAt: '09:00', closesAt: '21:00', workingDays: [1, 2, 3, 4, 5, 6] };
const DEFAULT_IDLE_LOCK_MINUTES = 5;

export async function findStoreRow(db: Kysely<DB>): Promise<StoreRow | undefined> {
  return db.selectFrom('store').selectAll().limit(1).executeTakeFirst();
}

/** This PC's store code and counter number, once the store is set up (sync's enrolment sends them). */
export async function findCounter(db: Kysely<DB>): Promise<{ storeCode: string; counterNo: number } | undefined> {
  const row = await db.selectFrom('store').select(['code', 'counterNo']).limit(1).executeTakeFirst();
  return row && { storeCode: row.code, counterNo: row.counterNo };
}

export function toStoreSettings(row: StoreRow): StoreSettings {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    counterNo: row.counterNo,
    phone: row.phone ?? '',
    address: row.address ?? '',
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    workingDays: JSON.parse(row.workingDays) as number[],
    idleLockMinutes: row.idleLockMinutes,
  };
}

export async function insertStore(
  tx: TxContext,
  store: { code: string; name: string; counterNo: number },
): Promise<StoreRow> {
  const hlc = tx.stamp();
  const row: StoreRow = {
    id: newId(),
    ...store,
    phone: null,
    address: null,
    opensAt: DEFAULT_HOURS.opensAt,
    closesAt: DEFAULT_HOURS.closesAt,
    workingDays: JSON.stringify(DEFAULT_HOURS.workingDays),
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'store', 'store', row);
  return row;
}

export async function updateStore(
  tx: TxContext,
  before: StoreRow,
  patch: Omit<StoreRow, 'id' | 'code' | 'createdAt' | 'updatedAt' | 'hlc'>,
): Promise<StoreRow> {
  const changed = changedFields(before, patch);
  if (Object.keys(changed).length === 0) return before;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('store')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'store',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
  return { ...before, ...changed, updatedAt: tx.nowIso, hlc };
}

/** Head office's opening-hours templates as pulled (a few per chain), by name. */
export async function listHoursTemplates(db: Kysely<DB>): Promise<OpeningHoursTemplateView[]> {
  const rows = await db
    .selectFrom('openingHoursTemplate')
    .select(['id', 'name', 'opensAt', 'closesAt', 'workingDays'])
    .orderBy('name')
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, workingDays: JSON.parse(r.workingDays) as number[] }));
}
