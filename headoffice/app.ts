/**
 * Head office's sync server as a Fastify app (docs/SYNC.md §2.3–2.4, §2.9), built without
 * listening: tests drive it with `app.inject()` (no TLS, no port), and server.ts listens on HTTPS.
 * Bodies and query strings are checked by the routes' zod schemas before a handler runs; JSON
 * bodies, gzip both ways and the protocol's errors are shared by every route (http/).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Hlc } from '../db/sync/hlc';
import { SERVER_BODY_LIMIT } from '../db/sync/protocol';
import type { HqDatabase } from './db/open';
import { registerConsole } from './console/plugin';
import { errorHandler } from './http/errors';
import { inflateGzipBody } from './http/gzip';
import { createServices } from './http/services';
import { enrollRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { progressRoutes, type ProgressOptions } from './progress/routes';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';
import { snapshotRoutes } from './routes/snapshot';
import { registerSms, type SmsSetup } from './sms/plugin';
import { tokenRoutes } from './routes/token';
import { updateRoutes } from './updates/routes';

export type BuildOptions = {
  db: HqDatabase;
  /** HTTPS (TLS 1.2+) with this key and certificate; without it the app speaks plain HTTP, for `inject`. */
  tls?: { key: string; cert: string };
  /** Injectable clock for tests (token expiry, clock-skew clamping). */
  now?: () => number;
  log?: (line: string) => void;
  /** The built head-office console (out/console), served at /console/; its API is there either way. */
  consoleDir?: string;
  /** Console sign-in attempts per address per minute (default 20). */
  signInsPerMinute?: number;
  /** The folder uploaded releases' files are kept in (the update feed); without it no updates are served. */
  updatesDir?: string;
  /** The customers' progress page: its rate limits and the least time an answer takes (tests shorten them). */
  progress?: Omit<ProgressOptions, 'secureCookies'>;
  /** Customer messages: the sender's loop and the provider's callbacks (sms/plugin.ts); without it neither runs. */
  sms?: SmsSetup;
  /** Head office's clock, shared with writers outside the app (tests); made here otherwise. */
  hqClock?: Hlc;
};

export async function buildHeadOffice({
  db,
  tls,
  now,
  log = () => {},
  consoleDir,
  signInsPerMinute,
  updatesDir,
  progress,
  sms,
  hqClock,
}: BuildOptions): Promise<FastifyInstance> {
  const options = { bodyLimit: SERVER_BODY_LIMIT, logger: false };
  // The HTTPS instance differs from the plain one only in its Node server; routes do not touch it.
  // A differential update asks for up to 1000 byte ranges in one Range header (~20 KB), over
  // Node's 16 KB default for a request's headers.
  const app = (tls
    ? Fastify({ ...options, https: { key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2', maxHeaderSize: 64 * 1024 } })
    : Fastify(options)) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('preParsing', inflateGzipBody);
  app.setErrorHandler(errorHandler(log));
  app.decorateRequest('device', null);

  const services = createServices({ db, now, log, hqClock });
  for (const routes of [healthRoutes, enrollRoutes, tokenRoutes, pushRoutes, pullRoutes, snapshotRoutes])
    await app.register(routes, services);
  await app.register(updateRoutes(updatesDir ?? null), services);
  await registerConsole(app, services, { consoleDir, secureCookies: Boolean(tls), signInsPerMinute });
  await app.register(progressRoutes(services, { ...progress, secureCookies: Boolean(tls) }));
  if (sms) await registerSms(app, services, sms);
  await app.ready();
  return app;
}
