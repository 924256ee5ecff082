/**
 * Who is calling: the transport's session id resolved to an active staff member. Runs in its own
 * short transaction before the handler, so an idle timeout is recorded even though the call fails.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import { inTransaction } from '../transaction';
import type { Role } from './roles';

/** Writing last_seen_at on every call would add a write to every read; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

export type SessionLookup = { actor: Actor | null; expired: boolean };

/**
 * The last activity of each session this process has seen, to the millisecond. last_seen_at is
 * written at most once a minute, so on its own it can be up to a minute old: the idle check reads
 * the later of the two, and a session active within the idle time is never ended.
 */
export type SessionActivity = Map<string, number>;

export function createSessionActivity(): SessionActivity {
  return new Map();
}

/**
 * `wallMs` is the PC clock, which the idle time is measured on (a session started or touched writes
 * last_seen_at on the same clock); `nowIso` is the desk's time for the ended_at it may store.
 * `readOnly` (a damaged file): the same answer, but nothing is recorded; an idle or deactivated
 * session simply ends for this call.
 */
export async function resolveSession(
  db: Kysely<DB>,
  sessionId: string | null,
  {
    wallMs: now,
    nowIso,
    activity,
    readOnly = false,
  }: { wallMs: number; nowIso: string; activity: SessionActivity; readOnly?: boolean },
): Promise<SessionLookup> {
  if (!sessionId) return { actor: null, expired: false };
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('session')
      .innerJoin('staff', 'staff.id', 'session.staffId')
      .select([
        'session.id',
        'session.lastSeenAt',
        'session.endedAt',
        'session.endReason',
        'staff.id as staffId',
        'staff.name',
        'staff.role',
        'staff.active',
      ])
      .where('session.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return { actor: null, expired: false };
    if (row.endedAt !== null) {
      activity.delete(row.id);
      return { actor: null, expired: row.endReason === 'idle' };
    }
    const record = async (values: { endedAt?: string; endReason?: string; lastSeenAt?: string }) => {
      if (!readOnly) await trx.updateTable('session').set(values).where('id', '=', row.id).execute();
    };
    if (row.active !== 1) {
      activity.delete(row.id);
      await record({ endedAt: nowIso, endReason: 'deactivated' });
      return { actor: null, expired: false };
    }
    const store = await trx.selectFrom('store').select('idleLockMinutes').limit(1).executeTakeFirst();
    const idleMs = (store?.idleLockMinutes ?? 5) * 60_000;
    const written = Date.parse(row.lastSeenAt);
    const lastSeen = Math.max(written, activity.get(row.id) ?? Number.NEGATIVE_INFINITY);
    // A clock set backwards (now < lastSeen) must not keep a session alive forever: treat it as activity now.
    if (now >= lastSeen && now - lastSeen > idleMs) {
      activity.delete(row.id);
      await record({ endedAt: nowIso, endReason: 'idle' });
      return { actor: null, expired: true };
    }
    activity.set(row.id, now);
    if (now - written > TOUCH_AFTER_MS || now < written) await record({ lastSeenAt: new Date(now).toISOString() });
    return {
      actor: { staffId: row.staffId, name: row.name, role: row.role as Role, sessionId: row.id },
      expired: false,
    };
  });
}
