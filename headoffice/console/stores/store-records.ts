/**
 * A store's own record at head office (hq_store): code, name, address, time zone, open or closed.
 * The code is the store's key on every PC (ticket and requisition numbers carry it), so it never
 * changes once made; everything else may. The admin CLI's `add-store` and the console both add
 * stores here.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../../db/ids';
import { HqError } from '../../auth';
import type { HqDB } from '../../db/schema';
import { STORE_CODE, type StoreCreate, type StoreEdit, type StoreRow } from '../contract/stores';

const STORE_COLUMNS = ['id', 'code', 'name', 'address', 'timeZone', 'status', 'createdAt'] as const;

function rowOf(row: {
  id: string;
  code: string;
  name: string;
  address: string;
  timeZone: string;
  status: 'active' | 'closed';
  createdAt: Date;
}): StoreRow {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function createStore(db: Kysely<HqDB>, input: StoreCreate): Promise<StoreRow> {
  if (!STORE_CODE.test(input.code))
    throw new HqError(
      400,
      'bad_request',
      `Store code must be a capital letter then 1–9 capitals or digits, e.g. S012 (got ${input.code})`,
    );
  const added = await db
    .insertInto('hqStore')
    .values({
      id: newId(),
      code: input.code,
      name: input.name,
      address: input.address,
      timeZone: input.timeZone,
      status: input.status,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(STORE_COLUMNS)
    .executeTakeFirst();
  if (!added) throw new HqError(409, 'store_exists', `A store with code ${input.code} already exists`);
  return rowOf(added);
}

export async function findStore(db: Kysely<HqDB>, code: string): Promise<StoreRow> {
  const row = await db.selectFrom('hqStore').select(STORE_COLUMNS).where('code', '=', code).executeTakeFirst();
  if (!row) throw new HqError(404, 'no_store', `No store with code ${code}`);
  return rowOf(row);
}

/** Changes what may change; answers the record before and after (for the audit log). */
export async function editStore(
  db: Kysely<HqDB>,
  code: string,
  edit: StoreEdit,
  nowMs: number,
): Promise<{ before: StoreRow; after: StoreRow }> {
  const before = await findStore(db, code);
  const after = await db
    .updateTable('hqStore')
    .set({ ...edit, updatedAt: new Date(nowMs) })
    .where('code', '=', code)
    .returning(STORE_COLUMNS)
    .executeTakeFirstOrThrow();
  return { before, after: rowOf(after) };
}

/** What the audit log keeps of a store: everything but its internal id. */
export function auditedStore(store: StoreRow): Omit<StoreRow, 'id' | 'createdAt'> {
  return { code: store.code, name: store.name, address: store.address, timeZone: store.timeZone, status: store.status };
}
