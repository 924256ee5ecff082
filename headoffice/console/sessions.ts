/**
 * Console sessions and signing in. A session is a random token in an HttpOnly cookie; head office
 * keeps only its SHA-256, with an idle limit (30 minutes without a request) and an absolute one
 * (12 hours). Signing in is throttled per account name: five failures within 15 minutes lock the
 * name for 15 minutes, whatever the address (per-address limits are the route's, see
 * routes/session.ts). A locked name answers the same whether or not it exists.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../db/ids';
import { HqError } from '../auth';
import type { HqDatabase } from '../db/open';
import type { ConsoleStaff } from './contract/session';
import type { ConsoleRole } from './roles';
import { hashPassword, verifyPassword } from './passwords';

export const SESSION_COOKIE = 'cd_console';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Seen-at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function staffOfRow(row: { id: string; username: string; displayName: string; role: ConsoleRole }): ConsoleStaff {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

async function lockedUntil(db: HqDatabase, username: string, nowMs: number): Promise<number | null> {
  const row = await db
    .selectFrom('loginFailure')
    .select('lockedUntil')
    .where('username', '=', username)
    .executeTakeFirst();
  const until = row?.lockedUntil ? new Date(row.lockedUntil).getTime() : null;
  return until !== null && until > nowMs ? until : null;
}

async function noteFailure(db: HqDatabase, username: string, nowMs: number): Promise<void> {
  const now = new Date(nowMs);
  const windowStart = new Date(nowMs - FAILURE_WINDOW_MS);
  // One statement, so two wrong passwords at the same moment both count.
  await sql`INSERT INTO login_failure (username, failures, first_failed_at) VALUES (${username}, 1, ${now})
    ON CONFLICT (username) DO UPDATE SET
      failures = CASE WHEN login_failure.first_failed_at < ${windowStart} THEN 1 ELSE login_failure.failures + 1 END,
      first_failed_at = CASE WHEN login_failure.first_failed_at < ${windowStart} THEN ${now} ELSE login_failure.first_failed_at END`.execute(
    db,
  );
  await sql`UPDATE login_failure SET locked_until = ${new Date(nowMs + LOCK_MS)}, failures = 0
    WHERE username = ${username} AND failures >= ${MAX_FAILURES}`.execute(db);
}

export type SignedIn = { staff: ConsoleStaff; token: string; expiresAt: number };

export async function signIn(db: HqDatabase, username: string, password: string, nowMs: number): Promise<SignedIn> {
  const until = await lockedUntil(db, username, nowMs);
  if (until !== null)
    throw new HqError(
      429,
      'locked',
      `Too many wrong passwords: this account is locked until ${new Date(until).toISOString()}`,
      {
        lockedUntil: new Date(until).toISOString(),
      },
    );
  const row = await db
    .selectFrom('hqStaff')
    .select(['id', 'username', 'displayName', 'role', 'passwordHash', 'disabledAt'])
    .where('username', '=', username)
    .executeTakeFirst();
  const good = await verifyPassword(row?.passwordHash ?? null, password);
  if (!row || !good || row.disabledAt !== null) {
    if (!good) await noteFailure(db, username, nowMs);
    throw new HqError(401, 'bad_credentials', 'Wrong user name or password, or the account is disabled');
  }
  await db.deleteFrom('loginFailure').where('username', '=', username).execute();
  const token = randomBytes(32).toString('base64url');
  const now = new Date(nowMs);
  const expiresAt = nowMs + IDLE_MS;
  await db
    .insertInto('hqSession')
    .values({
      tokenHash: tokenHash(token),
      staffId: row.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(expiresAt),
    })
    .execute();
  // Expired sessions are cleared as others sign in: the table holds only live ones and a few stale.
  await db.deleteFrom('hqSession').where('expiresAt', '<', now).execute();
  return { staff: staffOfRow(row), token, expiresAt };
}

/** The staff member a session cookie belongs to, or null (no such session, expired, account disabled). */
export async function sessionStaff(
  db: HqDatabase,
  token: string | undefined,
  nowMs: number,
): Promise<ConsoleStaff | null> {
  if (!token || token.length > 100) return null;
  const hash = tokenHash(token);
  const row = await db
    .selectFrom('hqSession')
    .innerJoin('hqStaff', 'hqStaff.id', 'hqSession.staffId')
    .select([
      'hqStaff.id',
      'username',
      'displayName',
      'role',
      'disabledAt',
      'hqSession.createdAt',
      'lastSeenAt',
      'expiresAt',
    ])
    .where('tokenHash', '=', hash)
    .executeTakeFirst();
  if (!row || row.disabledAt !== null || new Date(row.expiresAt).getTime() <= nowMs) return null;
  if (nowMs - new Date(row.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    const expiresAt = Math.min(new Date(row.createdAt).getTime() + ABSOLUTE_MS, nowMs + IDLE_MS);
    await db
      .updateTable('hqSession')
      .set({ lastSeenAt: new Date(nowMs), expiresAt: new Date(expiresAt) })
      .where('tokenHash', '=', hash)
      .execute();
  }
  return staffOfRow(row);
}

export async function signOut(db: HqDatabase, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('hqSession').where('tokenHash', '=', tokenHash(token)).execute();
}

/** Ends every session of an account: its password changed, it was disabled or its role changed. */
export async function endSessions(db: HqDatabase, staffId: string, exceptToken?: string): Promise<void> {
  let query = db.deleteFrom('hqSession').where('staffId', '=', staffId);
  if (exceptToken) query = query.where('tokenHash', '!=', tokenHash(exceptToken));
  await query.execute();
}

export async function createStaff(
  db: HqDatabase,
  input: { username: string; displayName: string; role: ConsoleRole; password: string },
): Promise<ConsoleStaff> {
  const id = newId();
  const added = await db
    .insertInto('hqStaff')
    .values({
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!added) throw new HqError(409, 'username_taken', `The user name ${input.username} is already taken`);
  return { id, username: input.username, displayName: input.displayName, role: input.role };
}
