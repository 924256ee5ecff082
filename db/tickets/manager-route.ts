/**
 * Where a complaint goes when the customer is not satisfied (docs/DOMAIN.md §3, §6: "back to the
 * manager"): to the store's after-sales manager, not back to the handler whose solution failed.
 * One active manager: made responsible. Several: nobody is made responsible, and the complaint waits
 * in every manager's queue until one takes it. None: it waits in the admin's queue.
 *
 * The choice is made once, on the PC that records the reopen, and kept in the event's data
 * (`route`): the fold (derive.ts) reads it from there, so two PCs that know different staff, or that
 * both reopened offline (the later reopen is flagged by the fold), derive the same assignee.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { ForRole } from './workflow';

export type ManagerRoute = Readonly<{
  /** The one active after-sales manager, now responsible; null when there are none or several. */
  managerId: string | null;
  /** Whose queue the complaint waits in when nobody is made responsible. */
  forRole: ForRole | null;
  /** How many active after-sales managers the store had: the history says why it went where it went. */
  managers: number;
}>;

export async function managerRoute(db: Kysely<DB>): Promise<ManagerRoute> {
  const managers = await db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'aftersales_manager')
    .where('active', '=', 1)
    .execute();
  if (managers.length === 1) return { managerId: managers[0]!.id, forRole: null, managers: 1 };
  return managers.length === 0
    ? { managerId: null, forRole: 'admin', managers: 0 }
    : { managerId: null, forRole: 'aftersales_manager', managers: managers.length };
}

/** The steps that send a complaint back to the manager: a low rating or unsolved problem at the follow-up call, or the customer refusing the solution. */
export function routesToManager(type: string, action: string): boolean {
  return type === 'complaint' && (action === 'follow_up_reopen' || action === 'customer_disagrees');
}
