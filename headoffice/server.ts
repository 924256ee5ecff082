/**
 * The head-office sync server: Fastify over HTTPS (TLS 1.2+), JSON bodies, gzip both ways, and the
 * protocol's errors as `{ error, message }` with the status codes of SYNC.md §2.3. A database that
 * is down answers 503 (transient: the device retries with backoff), never a half-applied push.
 */
import { sql } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createGunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { createHlc } from '../db/sync/hlc';
import { HQ_NODE } from '../db/sync/merge';
import { PULL_MAX_BYTES, SERVER_BODY_LIMIT } from '../db/sync/protocol';
import { authenticate, enrollDevice, exchangeRefreshSecret, HqError } from './auth';
import { readMeta, type HqDatabase } from './db/open';
import { RawJson } from '../db/sync/raw-json';
import { handlePull, handleSnapshot } from './pull';
import { handlePush } from './push';
import { enrollSchema, parseBody, pushSchema, tokenSchema } from './validate';

const gzipAsync = promisify(gzip);

export type HeadOfficeOptions = {
  db: HqDatabase;
  tls: { key: string; cert: string };
  host?: string;
  port?: number;
  /** Injectable clock for tests (token expiry, clock-skew clamping). */
  now?: () => number;
  log?: (line: string) => void;
};

export type HeadOffice = { url: string; port: number; app: FastifyInstance; close(): Promise<void> };

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now
    code === '53300' || // too many connections
    /Connection terminated|terminating connection|connect ECONNREFUSED|the database system is (starting|shutting) up/.test(message)
  );
}

export async function startHeadOffice({ db, tls, host = '127.0.0.1', port = 0, now = Date.now, log = () => {} }: HeadOfficeOptions): Promise<HeadOffice> {
  const hqClock = createHlc({ node: HQ_NODE, now });
  let tokenSecret: string | null = null;
  const secret = async () => (tokenSecret ??= await readMeta(db, 'token_secret'));

  const app = Fastify({
    https: { key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' },
    bodyLimit: SERVER_BODY_LIMIT,
    logger: false,
  });

  // Gzipped request bodies (pushes): inflate before JSON parsing; the body limit applies to the inflated size.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.headers['content-encoding'] !== 'gzip') return payload;
    delete request.headers['content-encoding'];
    // Fastify compares Content-Length with the bytes that arrived, which it reads from here.
    const inflated = Object.assign(createGunzip(), { receivedEncodedLength: 0 });
    payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
    return payload.pipe(inflated);
  });

  const send = async (request: FastifyRequest, reply: FastifyReply, status: number, body: unknown) => {
    const json = body instanceof RawJson ? body.text : JSON.stringify(body);
    reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && json.length > 1024) {
      // Compressed on zlib's thread pool: a 2 MB snapshot page does not stall other stores' requests.
      const packed = await gzipAsync(json, { level: 6 });
      return reply.header('content-encoding', 'gzip').send(packed);
    }
    return reply.send(json);
  };

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HqError) return send(request, reply, error.status, { error: error.code, message: error.message, ...error.extra });
    if (isDatabaseDown(error)) return send(request, reply, 503, { error: 'unavailable', message: 'Head office database is unavailable; retry later' });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return send(request, reply, status, { error: 'bad_request', message: (error as Error).message });
    log(`[error] ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
    return send(request, reply, 500, { error: 'internal', message: 'Head office hit an error; nothing was applied' });
  });

  const device = async (request: FastifyRequest) => authenticate(db, await secret(), request.headers.authorization, now());

  // Cheap probe for a device in backoff: 200 once the database answers again (SYNC.md P13).
  app.get('/sync/v1/health', async (request, reply) => {
    await sql`SELECT 1`.execute(db);
    return send(request, reply, 200, { ok: true, serverTime: new Date(now()).toISOString() });
  });

  app.post('/sync/v1/enroll', async (request, reply) => send(request, reply, 200, await enrollDevice(db, parseBody(enrollSchema, request.body), now())));

  app.post('/sync/v1/token', async (request, reply) => {
    const body = parseBody(tokenSchema, request.body);
    const token = await exchangeRefreshSecret(db, body.deviceId, body.refreshSecret, now());
    return send(request, reply, 200, { accessToken: token.token, expiresAt: token.expiresAt, serverTime: new Date(now()).toISOString() });
  });

  app.post('/sync/v1/push', async (request, reply) => {
    const who = await device(request);
    return send(request, reply, 200, await handlePush(db, who, parseBody(pushSchema, request.body), hqClock, now()));
  });

  app.get('/sync/v1/pull', async (request, reply) => {
    const who = await device(request);
    const query = request.query as Record<string, string | undefined>;
    if (!query.replicaId || !query.cursor) throw new HqError(400, 'bad_request', 'Malformed request: replicaId and cursor are required');
    const maxBytes = Math.min(Number(query.maxBytes ?? PULL_MAX_BYTES) || PULL_MAX_BYTES, 4 * PULL_MAX_BYTES);
    return send(request, reply, 200, await handlePull(db, who, { replicaId: query.replicaId, cursor: query.cursor, maxBytes }, now()));
  });

  app.get('/sync/v1/snapshot', async (request, reply) => {
    const who = await device(request);
    const query = request.query as Record<string, string | undefined>;
    const maxBytes = Math.min(Number(query.maxBytes ?? PULL_MAX_BYTES) || PULL_MAX_BYTES, 4 * PULL_MAX_BYTES);
    return send(request, reply, 200, await handleSnapshot(db, who, { after: query.after ?? null, maxBytes }, now()));
  });

  await app.listen({ host, port });
  const address = app.server.address() as AddressInfo;
  return {
    url: `https://${host}:${address.port}`,
    port: address.port,
    app,
    close: () => app.close(),
  };
}
