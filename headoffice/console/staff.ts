/** Head-office staff accounts: listing and changing them, with the rule that one administrator always remains. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { HqError } from '../auth';
import type { HqDB } from '../db/schema';
import type { StaffRow } from './contract/session';
import type { ConsoleRole } from './roles';

export async function listStaff(db: Kysely<HqDB>): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('hqStaff')
    .select(['id', 'username', 'displayName', 'role', 'disabledAt', 'createdAt', 'passwordChangedAt'])
    .orderBy('username')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    disabled: r.disabledAt !== null,
    createdAt: new Date(r.createdAt).toISOString(),
    passwordChangedAt: new Date(r.passwordChangedAt).toISOString(),
  }));
}

export async function staffRow(trx: Transaction<HqDB>, id: string): Promise<StaffRow> {
  const row = (await listStaffById(trx, id))[0];
  if (!row) throw new HqError(404, 'not_found', `No staff account ${id}`);
  return row;
}

async function listStaffById(trx: Transaction<HqDB>, id: string): Promise<StaffRow[]> {
  const rows = await trx
    .selectFrom('hqStaff')
    .select(['id', 'username', 'displayName', 'role', 'disabledAt', 'createdAt', 'passwordChangedAt'])
    .where('id', '=', id)
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    disabled: r.disabledAt !== null,
    createdAt: new Date(r.createdAt).toISOString(),
    passwordChangedAt: new Date(r.passwordChangedAt).toISOString(),
  }));
}

/**
 * Refuses a change that would leave no active administrator: nobody could then manage accounts
 * except from the admin CLI on the server. The administrators are locked first, so two admins
 * demoting each other at the same moment cannot both succeed.
 */
export async function keepAnAdministrator(
  trx: Transaction<HqDB>,
  changing: StaffRow,
  next: { role: ConsoleRole; disabled: boolean },
): Promise<void> {
  if (changing.role !== 'admin' || changing.disabled) return;
  if (next.role === 'admin' && !next.disabled) return;
  await sql`SELECT id FROM hq_staff WHERE role = 'admin' FOR UPDATE`.execute(trx);
  const others = await trx
    .selectFrom('hqStaff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabledAt', 'is', null)
    .where('id', '!=', changing.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0)
    throw new HqError(409, 'last_admin', 'This is the only active administrator: make another administrator first');
}
