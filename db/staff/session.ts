/**
 * Who is calling: the transport's session id resolved to an active staff member. Runs in its own
 * short transaction before the handler, so an idle timeout is recorded even though the call fails.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import type { Role } from './roles';

/** Writing last_seen_at on every call would add a write to every read; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

export type SessionLookup = { actor: Actor | null; expired: boolean };

/**
 * `readOnly` (a damaged file): the same answer, but nothing is recorded; an idle or deactivated
 * session simply ends for this call, and activity is not noted.
 */
export async function resolveSession(db: Kysely<DB>, sessionId: string | null, now: number, { readOnly = false } = {}): Promise<SessionLookup> {
  if (!sessionId) return { actor: null, expired: false };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session')
      .innerJoin('staff', 'staff.id', 'session.staffId')
      .select(['session.id', 'session.lastSeenAt', 'session.endedAt', 'session.endReason', 'staff.id as staffId', 'staff.name', 'staff.role', 'staff.active'])
      .where('session.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return { actor: null, expired: false };
    if (row.endedAt !== null) return { actor: null, expired: row.endReason === 'idle' };
    const record = async (values: { endedAt?: string; endReason?: string; lastSeenAt?: string }) => {
      if (!readOnly) await trx.updateTable('session').set(values).where('id', '=', row.id).execute();
    };
    if (row.active !== 1) {
      await record({ endedAt: new Date(now).toISOString(), endReason: 'deactivated' });
      return { actor: null, expired: false };
    }
    const store = await trx.selectFrom('store').select('idleLockMinutes').limit(1).executeTakeFirst();
    const idleMs = (store?.idleLockMinutes ?? 5) * 60_000;
    const lastSeen = Date.parse(row.lastSeenAt);
    // A clock set backwards (now < lastSeen) must not keep a session alive forever: treat it as activity now.
    if (now - lastSeen > idleMs) {
      await record({ endedAt: new Date(now).toISOString(), endReason: 'idle' });
      return { actor: null, expired: true };
    }
    if (now - lastSeen > TOUCH_AFTER_MS || now < lastSeen) await record({ lastSeenAt: new Date(now).toISOString() });
    return { actor: { staffId: row.staffId, name: row.name, role: row.role as Role, sessionId: row.id }, expired: false };
  });
}
