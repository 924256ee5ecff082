/** The staff list as training reads it: everyone ever on the staff, so old records keep their names. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Role } from '../staff/roles';

export type Person = Readonly<{ id: string; name: string; role: Role; active: boolean }>;

export async function loadPeople(db: Kysely<DB>): Promise<Map<string, Person>> {
  const rows = await db.selectFrom('staff').select(['id', 'name', 'role', 'active']).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, role: r.role as Role, active: r.active === 1 }]));
}

export function byName(a: Readonly<{ name: string }>, b: Readonly<{ name: string }>): number {
  return a.name.localeCompare(b.name, 'zh-CN');
}
