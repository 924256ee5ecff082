/**
 * The head-office console on head office's own HTTPS: its API under /console/api (cookies signed
 * with the `console_secret`, CSRF tokens, the sign-in rate limit) and its built web app under
 * /console/ (out/console, a single-page app: any other /console/… path answers its index.html).
 * Console answers carry a strict Content-Security-Policy and are never cached, except the hashed
 * assets.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readMeta } from '../db/open';
import type { HeadOfficeServices } from '../http/services';
import { consoleRoutes } from './routes/index';
import { sessionRoutes } from './routes/session';

export type ConsoleOptions = {
  /** The built console (out/console); without it only the API is served. */
  consoleDir?: string;
  /** Cookies with `Secure`: true when head office speaks HTTPS. */
  secureCookies: boolean;
  /** Sign-in attempts per address per minute (default 20: enough for a person who mistypes, too few for guessing). */
  signInsPerMinute?: number;
};

/** The largest file the console accepts (a catalogue of ~20,000 lines is about 2 MB). */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The key that signs the console's CSRF cookie, kept in the database so every head-office process
 * and restart agrees. Head office must start while its database is down (the sync routes answer 503
 * and devices retry), so then a key of this process is used: a browser's token from before is
 * refused once with `csrf`, and reloading the page gets a new one.
 */
async function cookieSecret(services: HeadOfficeServices): Promise<string> {
  try {
    return await readMeta(services.db, 'console_secret');
  } catch (error) {
    services.log(
      `[console] cookie key not read from the database (${error instanceof Error ? error.message : String(error)}); using this process's own`,
    );
    return randomBytes(32).toString('base64');
  }
}

export async function registerConsole(
  app: FastifyInstance,
  services: HeadOfficeServices,
  options: ConsoleOptions,
): Promise<void> {
  await app.register(fastifyCookie, { secret: await cookieSecret(services) });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'cd_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/console' },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  // Only routes that ask for it (the sign-in) are limited; the sync routes are not touched.
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('staff', null);
  // Imports (CSV, XLSX) arrive as the file's bytes; the route reads the Buffer and bounds its rows.
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/console')) return;
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!request.url.startsWith('/console/assets/')) reply.header('cache-control', 'no-store');
  });

  await app.register(sessionRoutes, {
    ...services,
    secureCookies: options.secureCookies,
    signInsPerMinute: options.signInsPerMinute ?? 20,
  });
  for (const routes of consoleRoutes) await app.register(routes, services);

  const dir = options.consoleDir;
  if (dir && existsSync(join(dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: dir, prefix: '/console/', wildcard: false, index: 'index.html' });
    app.get('/console', async (_request, reply) => reply.redirect('/console/'));
    // The app's own paths (/console/stores/S012, …) are routes of the single-page app.
    app.get('/console/*', async (_request, reply) => reply.sendFile('index.html'));
  }
}
