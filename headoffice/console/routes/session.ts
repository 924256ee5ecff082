/**
 * Signing in and out of the console, and the signed-in staff member's own password.
 *   GET    /console/api/session            who is signed in (401 signed_out) and the CSRF token
 *   GET    /console/api/session/csrf       a CSRF token for the sign-in form
 *   POST   /console/api/session            sign in { username, password }
 *   DELETE /console/api/session            sign out
 *   POST   /console/api/session/password   change one's own password { current, next }
 * Sign-in attempts are limited per address by @fastify/rate-limit and per account name by the
 * lockout in sessions.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HqError } from '../../auth';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { recordAudit } from '../audit';
import { changePasswordSchema, signInSchema, type SessionAnswer } from '../contract/session';
import { requireCsrf, requireSignedIn, staffOf } from '../guard';
import { hashPassword, verifyPassword } from '../passwords';
import { permissionsOf } from '../roles';
import { ABSOLUTE_MS, endSessions, SESSION_COOKIE, signIn, signOut } from '../sessions';

export type SessionRouteOptions = HeadOfficeServices & { secureCookies: boolean; signInsPerMinute: number };

export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, services) => {
  const { db, now } = services;
  const cookie = { httpOnly: true, secure: services.secureCookies, sameSite: 'strict' as const, path: '/console' };

  app.get('/console/api/session/csrf', async (request, reply) =>
    sendJson(request, reply, 200, { csrfToken: reply.generateCsrf() }),
  );

  app.get('/console/api/session', { preValidation: requireSignedIn(services) }, async (request, reply) => {
    const staff = staffOf(request);
    const answer: SessionAnswer = {
      staff,
      permissions: [...permissionsOf(staff.role)],
      csrfToken: reply.generateCsrf(),
    };
    return sendJson(request, reply, 200, answer);
  });

  app.post(
    '/console/api/session',
    {
      schema: { body: signInSchema },
      preValidation: requireCsrf,
      config: { rateLimit: { max: services.signInsPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const signedIn = await signIn(db, request.body.username, request.body.password, now());
      await recordAudit(db, signedIn.staff, {
        action: 'session.sign_in',
        target: signedIn.staff.username,
        before: null,
        after: null,
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, { ...cookie, maxAge: ABSOLUTE_MS / 1000 });
      const answer: SessionAnswer = {
        staff: signedIn.staff,
        permissions: [...permissionsOf(signedIn.staff.role)],
        csrfToken: reply.generateCsrf(),
      };
      return sendJson(request, reply, 200, answer);
    },
  );

  app.delete('/console/api/session', { preValidation: requireCsrf }, async (request, reply) => {
    await signOut(db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookie);
    return sendJson(request, reply, 200, { ok: true });
  });

  app.post(
    '/console/api/session/password',
    { schema: { body: changePasswordSchema }, preValidation: [requireSignedIn(services), requireCsrf] },
    async (request, reply) => {
      const staff = staffOf(request);
      const row = await db
        .selectFrom('hqStaff')
        .select('passwordHash')
        .where('id', '=', staff.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.passwordHash, request.body.current)))
        throw new HqError(400, 'bad_credentials', 'The current password is wrong');
      if (request.body.current === request.body.next)
        throw new HqError(400, 'bad_request', 'The new password must differ from the current one');
      const passwordHash = await hashPassword(request.body.next);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hqStaff')
          .set({ passwordHash, passwordChangedAt: new Date(now()) })
          .where('id', '=', staff.id)
          .execute();
        await recordAudit(trx, staff, { action: 'staff.password', target: staff.username, before: null, after: null });
      });
      // Other browsers signed in as this account are signed out; this one stays.
      await endSessions(db, staff.id, request.cookies[SESSION_COOKIE]);
      return sendJson(request, reply, 200, { ok: true });
    },
  );
};
