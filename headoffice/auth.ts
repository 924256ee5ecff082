/**
 * Device credentials (docs/SYNC.md §2.9): one-time enrollment codes bound to a store, a long-lived
 * refresh secret per device (only its hash is kept), and short-lived access tokens (JWT, HS256,
 * 15 min). Scope always comes from the device record, never from the token's claims beyond its id.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { newId } from '../db/ids';
import type { CounterHolder, EnrollRequest, EnrollResponse } from '../db/sync/protocol';
import type { Kysely } from 'kysely';
import { readMeta, type HqDatabase } from './db/open';
import { markStandalone } from './join/standalone';
import type { HqDB } from './db/schema';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class HqError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HqError';
  }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signAccessToken(
  secret: string,
  deviceId: string,
  nowMs: number,
  ttlMs = ACCESS_TOKEN_TTL_MS,
): { token: string; expiresAt: string } {
  const exp = Math.floor((nowMs + ttlMs) / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: deviceId, iat: Math.floor(nowMs / 1000), exp }));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return { token: `${head}.${body}.${signature}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The device id, or why the token is no good. */
export function verifyAccessToken(
  secret: string,
  token: string,
  nowMs: number,
): { deviceId: string } | { error: 'token_expired' | 'unauthorized' } {
  const parts = token.split('.');
  if (parts.length !== 3) return { error: 'unauthorized' };
  const [head, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'unauthorized' };
  let claims: { sub?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return { error: 'unauthorized' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { error: 'unauthorized' };
  if (claims.exp * 1000 <= nowMs) return { error: 'token_expired' };
  return { deviceId: claims.sub };
}

/** A code a person can read out over the phone: 12 letters and digits without look-alikes. */
export async function issueEnrollmentCode(
  db: HqDatabase,
  storeCode: string,
  { ttlHours = 24, nowMs = Date.now() } = {},
): Promise<{ code: string; expiresAt: string }> {
  if (!(ttlHours > 0 && ttlHours <= 24))
    throw new HqError(400, 'bad_request', 'An enrollment code lives at most 24 hours');
  const store = await db.selectFrom('hqStore').select('id').where('code', '=', storeCode).executeTakeFirst();
  if (!store)
    throw new HqError(404, 'bad_request', `No store with code ${storeCode}: add it first (headoffice admin add-store)`);
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(nowMs + ttlHours * 3_600_000);
  await db
    .insertInto('enrollmentCode')
    .values({ codeHash: hashSecret(normaliseCode(code)), storeId: store.id, expiresAt, usedAt: null, deviceId: null })
    .execute();
  return { code, expiresAt: expiresAt.toISOString() };
}

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function enrollDevice(db: HqDatabase, request: EnrollRequest, nowMs: number): Promise<EnrollResponse> {
  try {
    return await enrollInTransaction(db, request, nowMs);
  } catch (error) {
    // Two PCs enrolling with the same counter number at the same moment: the index refused the second.
    if ((error as { constraint?: string }).constraint === 'device_active_counter' && request.counterNo !== undefined) {
      const code = await db
        .selectFrom('enrollmentCode')
        .innerJoin('hqStore', 'hqStore.id', 'enrollmentCode.storeId')
        .select(['hqStore.id', 'hqStore.code'])
        .where('codeHash', '=', hashSecret(normaliseCode(request.code)))
        .executeTakeFirst();
      if (code) await refuseTakenCounter(db, code.id, code.code, request.counterNo);
    }
    throw error;
  }
}

async function enrollInTransaction(db: HqDatabase, request: EnrollRequest, nowMs: number): Promise<EnrollResponse> {
  const epoch = await readMeta(db, 'epoch');
  return db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enrollmentCode')
      .innerJoin('hqStore', 'hqStore.id', 'enrollmentCode.storeId')
      .select([
        'enrollmentCode.codeHash',
        'enrollmentCode.expiresAt',
        'enrollmentCode.usedAt',
        'hqStore.id as storeId',
        'hqStore.code as storeCode',
        'hqStore.status as storeStatus',
      ])
      .where('enrollmentCode.codeHash', '=', hashSecret(normaliseCode(request.code)))
      .forUpdate()
      .executeTakeFirst();
    if (!code || code.usedAt !== null || code.expiresAt.getTime() <= nowMs) {
      throw new HqError(
        403,
        'enroll_code_invalid',
        'This enrollment code is unknown, used or expired: ask head office for a new one',
      );
    }
    if (code.storeCode !== request.storeCode) {
      // codeStore lets the counter say this in its own language.
      throw new HqError(
        409,
        'store_mismatch',
        `This code is for store ${code.storeCode}, but this PC is set up as store ${request.storeCode}`,
        { codeStore: code.storeCode },
      );
    }
    // A code issued before the store closed does not enroll a PC into a closed store.
    if (code.storeStatus !== 'active')
      throw new HqError(
        403,
        'enroll_code_invalid',
        `Store ${code.storeCode} is closed at head office: no PC can enroll into it`,
      );
    if (request.counterNo !== undefined) await refuseTakenCounter(trx, code.storeId, code.storeCode, request.counterNo);
    const deviceId = newId();
    const refreshSecret = randomBytes(32).toString('base64url');
    await trx
      .insertInto('device')
      .values({
        id: deviceId,
        storeId: code.storeId,
        name: request.deviceName,
        status: 'active',
        refreshHash: hashSecret(refreshSecret),
        revokedAt: null,
        lastSeenAt: null,
        counterNo: request.counterNo ?? null,
      })
      .execute();
    await trx
      .updateTable('enrollmentCode')
      .set({ usedAt: new Date(nowMs), deviceId })
      .where('codeHash', '=', code.codeHash)
      .execute();
    await markStandalone(trx, request, code.storeId, deviceId);
    // A PC enrolled again (after a revocation) keeps its database, so its replica moves to the new device.
    await trx
      .updateTable('replica')
      .set({ deviceId })
      .where('id', '=', request.replicaId)
      .where('storeId', '=', code.storeId)
      .execute();
    return { deviceId, refreshSecret, storeId: code.storeId, storeCode: code.storeCode, serverEpoch: epoch };
  });
}

/**
 * Ticket and requisition numbers carry the counter number, so a second active PC with a number the
 * store already has would hand out the first one's numbers. The refusal names the PC that holds it
 * and how to retire it; the code stays unused (the transaction rolls back).
 */
async function refuseTakenCounter(
  trx: Kysely<HqDB>,
  storeId: string,
  storeCode: string,
  counterNo: number,
): Promise<void> {
  const holder = await trx
    .selectFrom('device')
    .select(['id', 'name', 'createdAt', 'lastSeenAt'])
    .where('storeId', '=', storeId)
    .where('counterNo', '=', counterNo)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!holder) return;
  const named: CounterHolder = {
    deviceId: holder.id,
    name: holder.name,
    counterNo,
    enrolledAt: holder.createdAt.toISOString(),
    lastSeenAt: holder.lastSeenAt?.toISOString() ?? null,
  };
  throw new HqError(
    409,
    'counter_taken',
    `Store ${storeCode} already has an active PC set up as counter ${counterNo}: ${holder.name} (device ${holder.id}, enrolled ${named.enrolledAt}, last sync ${named.lastSeenAt ?? 'never'}). ` +
      `Set this PC up with another counter number, or retire that PC first: npm run headoffice:admin -- revoke ${holder.id}`,
    { holder: named },
  );
}

export type AuthedDevice = { id: string; storeId: string; name: string };

export async function exchangeRefreshSecret(
  db: HqDatabase,
  deviceId: string,
  refreshSecret: string,
  nowMs: number,
): Promise<{ token: string; expiresAt: string }> {
  const device = await db
    .selectFrom('device')
    .select(['id', 'status', 'refreshHash'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
  const given = Buffer.from(hashSecret(refreshSecret));
  if (
    !device ||
    given.length !== device.refreshHash.length ||
    !timingSafeEqual(given, Buffer.from(device.refreshHash))
  ) {
    throw new HqError(401, 'unauthorized', 'Unknown device or wrong secret: enroll this PC again');
  }
  if (device.status === 'revoked')
    throw new HqError(403, 'device_revoked', 'Head office has revoked this PC: sync is stopped, local data is kept');
  return signAccessToken(await readMeta(db, 'token_secret'), deviceId, nowMs);
}

export async function authenticate(
  db: HqDatabase,
  secret: string,
  authorization: string | undefined,
  nowMs: number,
): Promise<AuthedDevice> {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new HqError(401, 'unauthorized', 'Missing access token');
  const verified = verifyAccessToken(secret, token, nowMs);
  if ('error' in verified)
    throw new HqError(
      401,
      verified.error,
      verified.error === 'token_expired' ? 'Access token expired: refresh it' : 'Invalid access token',
    );
  const device = await db
    .selectFrom('device')
    .select(['id', 'storeId', 'name', 'status'])
    .where('id', '=', verified.deviceId)
    .executeTakeFirst();
  if (!device) throw new HqError(401, 'unauthorized', 'Unknown device');
  if (device.status === 'revoked')
    throw new HqError(403, 'device_revoked', 'Head office has revoked this PC: sync is stopped, local data is kept');
  return { id: device.id, storeId: device.storeId, name: device.name };
}

export const REPLICA_NOT_YOURS = 'This database is registered to another PC: a PC pushes and pulls only its own';

/**
 * A replica (one PC's database) is spoken for by the device that registered it and nobody else:
 * another device naming it is refused before anything about it (its seq, its cursor) is read out.
 */
export function assertOwnReplica(replica: { deviceId: string } | undefined, device: AuthedDevice): void {
  if (replica && replica.deviceId !== device.id) throw new HqError(403, 'replica_not_yours', REPLICA_NOT_YOURS);
}

export async function revokeDevice(db: HqDatabase, deviceId: string, nowMs = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('device')
    .set({ status: 'revoked', revokedAt: new Date(nowMs) })
    .where('id', '=', deviceId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
