/**
 * The head-office console on head office's own HTTPS: its API under /console/api (cookies signed
 * with the `console_secret`, CSRF tokens, the sign-in rate limit) and its built web app under
 * /console/ (out/console, a single-page app: any other /console/… path answers its index.html).
 * Console answers carry a strict Content-Security-Policy and are never cached, except the hashed
 * assets.
 */
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

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function registerConsole(
  app: FastifyInstance,
  services: HeadOfficeServices,
  options: ConsoleOptions,
): Promise<void> {
  await app.register(fastifyCookie, { secret: await readMeta(services.db, 'console_secret') });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'cd_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/console' },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  // Only routes that ask for it (the sign-in) are limited; the sync routes are not touched.
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('staff', null);

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
