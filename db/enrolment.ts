/**
 * Whether this PC is enrolled with head office. Enrolment writes `device_id` into sync_state
 * (docs/SYNC.md §2.1); from then on head office owns what docs/DOMAIN.md gives it (catalogue and prices,
 * tiers and service standards), and the store stops editing those locally.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema';

export async function isEnrolled(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('syncState').select('value').where('key', '=', 'device_id').executeTakeFirst();
  return row !== undefined;
}
