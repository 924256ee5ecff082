/** Staff reads and writes. Writers take the transaction context and log their change. */
import type { Kysely } from 'kysely';
import type { DB, StaffRow } from '../schema';
import { newId } from '../ids';
import { recordChange, changedFields, type TxContext } from '../sync/change-log';
import type { Role } from './roles';
import type { StaffSummary } from './contract';

export function toStaffSummary(row: Pick<StaffRow, 'id' | 'name' | 'role' | 'active'>): StaffSummary {
  return { id: row.id, name: row.name, role: row.role as Role, active: row.active === 1 };
}

export async function findStaff(db: Kysely<DB>, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Staff names by id, for lists that name who did something (the Sync page's refused changes). */
export async function staffNames(db: Kysely<DB>, ids: ReadonlyArray<string>): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function listStaff(db: Kysely<DB>, { activeOnly }: { activeOnly: boolean }): Promise<StaffRow[]> {
  let query = db.selectFrom('staff').selectAll().orderBy('name');
  if (activeOnly) query = query.where('active', '=', 1);
  return query.execute();
}

export async function countActiveAdmins(db: Kysely<DB>, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The PIN hash never goes into the change log: it stays on this PC. */
export async function insertStaff(
  tx: TxContext,
  staff: { name: string; role: Role; pinHash: string },
): Promise<StaffRow> {
  const hlc = tx.stamp();
  const row: StaffRow = {
    id: newId(),
    name: staff.name,
    role: staff.role,
    pinHash: staff.pinHash,
    active: 1,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    hlc,
  };
  await tx.trx.insertInto('staff').values(row).execute();
  await recordChange(tx, {
    entity: 'staff',
    entityId: row.id,
    op: 'insert',
    hlc,
    fields: { name: row.name, role: row.role, active: row.active, createdAt: row.createdAt },
  });
  return row;
}

export async function updateStaff(
  tx: TxContext,
  before: StaffRow,
  patch: { name: string; role: Role; active: number; pinHash: string | null },
): Promise<StaffRow> {
  const { pinHash, ...visible } = patch;
  const changed = changedFields(before, visible);
  if (Object.keys(changed).length === 0 && pinHash === null) return before;
  const hlc = tx.stamp();
  const after: StaffRow = { ...before, ...visible, pinHash: pinHash ?? before.pinHash, updatedAt: tx.nowIso, hlc };
  await tx.trx
    .updateTable('staff')
    .set({ ...visible, pinHash: after.pinHash, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  // A PIN reset is recorded as the fact that it happened, never the hash.
  const fields: Record<string, unknown> = { ...changed, updatedAt: tx.nowIso };
  if (pinHash !== null) fields.pinReset = true;
  await recordChange(tx, { entity: 'staff', entityId: before.id, op: 'update', hlc, fields });
  return after;
}
