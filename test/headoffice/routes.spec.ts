/**
 * Head office's routes driven through `app.inject()`: no TLS, no port, the real PostgreSQL of the
 * sync run. Each route's happy path, then what a device must be told when its request is wrong:
 * no or an expired token (401), a body or query string that fails its schema (400 naming the
 * field), another PC's database (403), a body over the limit (413), a database that is down (503).
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createHlc } from '../../db/sync/hlc';
import { formatCursor, SERVER_BODY_LIMIT, type WireChange } from '../../db/sync/protocol';
import { addStore, writeAsHq } from '../../headoffice/admin/ops';
import { buildHeadOffice } from '../../headoffice/app';
import { issueEnrollmentCode, signAccessToken } from '../../headoffice/auth';
import { connectHq, migrateHq, readMeta, type HqDatabase } from '../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../headoffice/db/postgres';

const adminUrl = inject('pgAdminUrl');
const dbName = `hq_routes_${randomBytes(4).toString('hex')}`;
let db: HqDatabase;
let app: FastifyInstance;
const nowMs = Date.parse('2026-03-02T09:00:00Z');
const now = () => nowMs;

type Device = { deviceId: string; refreshSecret: string; replicaId: string; accessToken: string };
let pc1: Device;
let pc2: Device;

const id = () => randomBytes(8).toString('hex');

async function enroll(storeCode: string): Promise<Device> {
  const { code } = await issueEnrollmentCode(db, storeCode, { nowMs });
  const replicaId = id();
  const enrolled = await app.inject({
    method: 'POST',
    url: '/sync/v1/enroll',
    payload: { code, replicaId, storeCode, deviceName: `${storeCode} counter` },
  });
  expect(enrolled.statusCode).toBe(200);
  const { deviceId, refreshSecret } = enrolled.json<{ deviceId: string; refreshSecret: string }>();
  const token = await app.inject({ method: 'POST', url: '/sync/v1/token', payload: { deviceId, refreshSecret } });
  expect(token.statusCode).toBe(200);
  return { deviceId, refreshSecret, replicaId, accessToken: token.json<{ accessToken: string }>().accessToken };
}

const bearer = (device: Device) => ({ authorization: `Bearer ${device.accessToken}` });

function holidayChange(seq: number, date: string): WireChange {
  const clock = createHlc({ node: 'pc1', now });
  return {
    seq,
    changeId: id(),
    txId: id(),
    entity: 'holiday',
    entityId: date,
    op: 'insert',
    fields: { date, name: 'Spring Festival' },
    hlc: clock.send(),
    staffId: null,
    createdAt: new Date(nowMs).toISOString(),
    schemaVersion: 1,
  };
}

const pushBody = (device: Device, changes: WireChange[]) => ({
  protocol: 1,
  replicaId: device.replicaId,
  schemaVersion: 1,
  appVersion: '0.1.0',
  changes,
});

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  db = connectHq(adminUrl.replace(/\/postgres$/, `/${dbName}`));
  await migrateHq(db);
  await addStore(db, 'S012', '南京西路店');
  await addStore(db, 'S020', '徐家汇店');
  app = await buildHeadOffice({ db, now });
  pc1 = await enroll('S012');
  pc2 = await enroll('S020');
});

afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await dropDatabase(adminUrl, dbName).catch(() => {});
});

describe('happy paths', () => {
  it('health answers 200 with the server time', async () => {
    const answer = await app.inject({ method: 'GET', url: '/sync/v1/health' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toEqual({ ok: true, serverTime: new Date(nowMs).toISOString() });
  });

  it('enroll and token: a device id, its refresh secret, then an access token (done in beforeAll)', () => {
    expect(pc1.deviceId).not.toBe(pc2.deviceId);
    expect(pc1.accessToken.split('.')).toHaveLength(3);
  });

  it('push applies a gzipped batch and answers the last applied seq', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { ...bearer(pc1), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify(pushBody(pc1, [holidayChange(1, '2026-02-17')]))),
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ lastAppliedSeq: 1, results: [{ seq: 1, status: 'applied' }] });
  });

  it('pull pages the feed in the device’s scope, gzipped when the device accepts it', async () => {
    await writeAsHq(
      db,
      createHlc({ node: 'hq', now }),
      [{ entity: 'supplier', entityId: id(), op: 'insert', fields: { name: 'x'.repeat(2000) } }],
      nowMs,
    );
    const epoch = await readMeta(db, 'epoch');
    const answer = await app.inject({
      method: 'GET',
      url: '/sync/v1/pull',
      query: { replicaId: pc2.replicaId, cursor: formatCursor(epoch, 0), maxBytes: '65536' },
      headers: { ...bearer(pc2), 'accept-encoding': 'gzip' },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    const page = JSON.parse(gunzipSync(answer.rawPayload).toString('utf8')) as {
      changes: Array<{ entity: string }>;
      hasMore: boolean;
    };
    // S020 sees the head-office supplier, not S012's holiday.
    expect(page.changes.map((c) => c.entity)).toEqual(['supplier']);
    expect(page.hasMore).toBe(false);
  });

  it('snapshot pages the merged states in the device’s scope', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/sync/v1/snapshot',
      query: { maxBytes: '65536' },
      headers: bearer(pc1),
    });
    expect(answer.statusCode).toBe(200);
    const page = answer.json<{ records: Array<{ entity: string; entityId: string }>; nextAfter: string | null }>();
    expect(page.records.map((r) => r.entity).sort()).toEqual(['holiday', 'supplier']);
    expect(page.nextAfter).toBeNull();
  });
});

describe('refusals a device acts on', () => {
  it('no token, a forged one or an expired one: 401, before the body is checked', async () => {
    const none = await app.inject({ method: 'POST', url: '/sync/v1/push', payload: { not: 'a push' } });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: 'unauthorized' });

    const forged = await app.inject({
      method: 'GET',
      url: '/sync/v1/snapshot',
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(forged.statusCode).toBe(401);

    const expired = signAccessToken(await readMeta(db, 'token_secret'), pc1.deviceId, nowMs - 16 * 60_000);
    const answer = await app.inject({
      method: 'GET',
      url: '/sync/v1/snapshot',
      headers: { authorization: `Bearer ${expired.token}` },
    });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toEqual({ error: 'token_expired', message: 'Access token expired: refresh it' });
  });

  it('a wrong refresh secret: 401', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      payload: { deviceId: pc1.deviceId, refreshSecret: 'x'.repeat(32) },
    });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('a body that fails its schema: 400 bad_request naming the field', async () => {
    const enroll = await app.inject({
      method: 'POST',
      url: '/sync/v1/enroll',
      payload: { replicaId: id(), storeCode: 'S012', deviceName: 'x' },
    });
    expect(enroll.statusCode).toBe(400);
    expect(enroll.json()).toEqual({
      error: 'bad_request',
      message: expect.stringMatching(/^Malformed request: code: /),
    });

    const bad = { ...holidayChange(2, '2026-02-18'), hlc: 'yesterday' };
    const push = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: bearer(pc1),
      payload: pushBody(pc1, [bad]),
    });
    expect(push.statusCode).toBe(400);
    expect(push.json()).toEqual({
      error: 'bad_request',
      message: expect.stringMatching(/^Malformed request: changes\.0\.hlc: /),
    });

    const notJson = await app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"deviceId":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'bad_request' });
  });

  it('a query string that fails its schema: 400 bad_request naming the parameter', async () => {
    const epoch = await readMeta(db, 'epoch');
    const noCursor = await app.inject({
      method: 'GET',
      url: '/sync/v1/pull',
      query: { replicaId: pc1.replicaId },
      headers: bearer(pc1),
    });
    expect(noCursor.statusCode).toBe(400);
    expect(noCursor.json()).toEqual({
      error: 'bad_request',
      message: expect.stringMatching(/^Malformed request: query cursor: /),
    });

    const words = await app.inject({
      method: 'GET',
      url: '/sync/v1/pull',
      query: { replicaId: pc1.replicaId, cursor: formatCursor(epoch, 0), maxBytes: 'lots' },
      headers: bearer(pc1),
    });
    expect(words.statusCode).toBe(400);
    expect(words.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/query maxBytes/) });

    const negative = await app.inject({
      method: 'GET',
      url: '/sync/v1/snapshot',
      query: { maxBytes: '-5' },
      headers: bearer(pc1),
    });
    expect(negative.statusCode).toBe(400);
  });

  it('a cursor that does not parse is a reset, not a refusal', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/sync/v1/pull',
      query: { replicaId: pc1.replicaId, cursor: 'not-a-cursor' },
      headers: bearer(pc1),
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ changes: [], reset: { reason: 'bad_cursor' } });
  });

  it('another PC’s database: 403 replica_not_yours on push and pull', async () => {
    const push = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: bearer(pc2),
      payload: pushBody({ ...pc2, replicaId: pc1.replicaId }, [holidayChange(2, '2026-02-19')]),
    });
    expect(push.statusCode).toBe(403);
    expect(push.json()).toMatchObject({ error: 'replica_not_yours' });

    const epoch = await readMeta(db, 'epoch');
    const pull = await app.inject({
      method: 'GET',
      url: '/sync/v1/pull',
      query: { replicaId: pc1.replicaId, cursor: formatCursor(epoch, 0) },
      headers: bearer(pc2),
    });
    expect(pull.statusCode).toBe(403);
    expect(pull.json()).toMatchObject({ error: 'replica_not_yours' });
  });

  it('a 10 MB body, plain or inflated from gzip: 413 and nothing applied', async () => {
    const big = JSON.stringify(
      pushBody(pc1, [{ ...holidayChange(2, '2026-02-20'), fields: { name: 'x'.repeat(10 * 1024 * 1024) } }]),
    );
    expect(big.length).toBeGreaterThan(SERVER_BODY_LIMIT);
    const plain = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { ...bearer(pc1), 'content-type': 'application/json' },
      payload: big,
    });
    expect(plain.statusCode).toBe(413);
    expect(plain.json()).toMatchObject({ error: 'bad_request' });

    const packed = gzipSync(big);
    expect(packed.length).toBeLessThan(SERVER_BODY_LIMIT);
    const gzipped = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { ...bearer(pc1), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: packed,
    });
    expect(gzipped.statusCode).toBe(413);

    const replica = await db
      .selectFrom('replica')
      .select('lastAppliedSeq')
      .where('id', '=', pc1.replicaId)
      .executeTakeFirstOrThrow();
    expect(replica.lastAppliedSeq).toBe(1);
  });

  it('a database that is down: 503 unavailable, which the device retries', async () => {
    // Nothing listens on port 1: every query fails to connect.
    const downDb = connectHq('postgres://postgres:x@127.0.0.1:1/none');
    const down = await buildHeadOffice({ db: downDb, now });
    try {
      const health = await down.inject({ method: 'GET', url: '/sync/v1/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({
        error: 'unavailable',
        message: 'Head office database is unavailable; retry later',
      });
      const push = await down.inject({
        method: 'POST',
        url: '/sync/v1/push',
        headers: bearer(pc1),
        payload: pushBody(pc1, [holidayChange(2, '2026-02-21')]),
      });
      expect(push.statusCode).toBe(503);
    } finally {
      await down.close();
      await downDb.destroy();
    }
  });
});
