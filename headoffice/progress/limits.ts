/**
 * The progress page's rate limits, kept in PostgreSQL (`progress_attempt`, migration 0017) so they
 * hold across a restart and across head-office processes: every try per client address (30 an
 * hour), and the failed tries per ticket number (5 an hour) — counted for any number, whether a
 * ticket has it or not, so that "try later" says nothing about which numbers exist.
 *
 * A try is counted before the look-up and under a transaction-level advisory lock on its key, so
 * parallel requests cannot all slip under the limit; a try refused by a limit is not counted (the
 * table stays bounded by the limits). Keys are HMACs of the address or number with a key of this
 * head office: the table holds neither as typed.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { HqDatabase } from '../db/open';

export type ProgressLimits = Readonly<{ perAddress: number; perNumber: number; windowMs: number }>;

export const PROGRESS_LIMITS: ProgressLimits = { perAddress: 30, perNumber: 5, windowMs: 60 * 60 * 1000 };

export type Bucket = 'address' | 'number';

/** A counted try, or the moment the oldest try in the window leaves it and another may be made. */
export type Counted = { ok: true; tryId: number } | { ok: false; retryAtMs: number };

export function limitKey(secret: string, bucket: Bucket, value: string): string {
  return createHmac('sha256', secret).update(`progress:${bucket}:${value}`).digest('base64url');
}

/**
 * The address a client is limited by: an IPv4 address as it is, an IPv6 address by its /64 (one
 * household or phone gets a whole /64, so counting single addresses would let it rotate freely).
 */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Counts a try of `key` unless the window already holds `limit` of them. */
export async function countTry(
  db: HqDatabase,
  bucket: Bucket,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
): Promise<Counted> {
  const since = new Date(nowMs - windowMs);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`progress:${bucket}:${key}`}, 0))`.execute(trx);
    const recent = await trx
      .selectFrom('progressAttempt')
      .select('at')
      .where('bucket', '=', bucket)
      .where('keyHash', '=', key)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    if (recent.length >= limit) return { ok: false, retryAtMs: recent.at(-1)!.at.getTime() + windowMs };
    const row = await trx
      .insertInto('progressAttempt')
      .values({ bucket, keyHash: key, at: new Date(nowMs) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, tryId: row.id };
  });
}

/** Takes back a counted try (a number's try that found its ticket is not a failure). */
export async function forgetTry(db: HqDatabase, tryId: number): Promise<void> {
  await db.deleteFrom('progressAttempt').where('id', '=', tryId).execute();
}

/** Deletes tries that no window holds any more. */
export async function pruneTries(db: HqDatabase, windowMs: number, nowMs: number): Promise<void> {
  await db
    .deleteFrom('progressAttempt')
    .where('at', '<=', new Date(nowMs - windowMs))
    .execute();
}
