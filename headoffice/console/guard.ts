/**
 * Who may call a console route. `consoleGuard(services, permission)` is the route's
 * `preValidation`: the session cookie names a signed-in staff member (401 `signed_out`), a request
 * that changes something carries the CSRF token of this browser (403 `csrf`, checked by
 * @fastify/csrf-protection against its signed cookie), and the staff member's role has the
 * permission (403 `forbidden`). The handler finds the staff member with `staffOf(request)`.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preValidationAsyncHookHandler } from 'fastify';
import { HqError } from '../auth';
import type { HeadOfficeServices } from '../http/services';
import type { ConsoleStaff } from './contract/session';
import { can, type ConsolePermission } from './roles';
import { SESSION_COOKIE, sessionStaff } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `consoleGuard`; null on routes without it. */
    staff: ConsoleStaff | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function requireSignedIn({ db, now }: HeadOfficeServices): preValidationAsyncHookHandler {
  return async (request) => {
    request.staff = await sessionStaff(db, request.cookies[SESSION_COOKIE], now());
    if (!request.staff) throw new HqError(401, 'signed_out', 'Not signed in, or the session has ended: sign in again');
  };
}

/** The CSRF check on requests that change something; reads and the sign-in page's first GET pass. */
export function requireCsrf(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (SAFE_METHODS.has(request.method)) return done();
  request.server.csrfProtection(request, reply, done);
}

export function consoleGuard(services: HeadOfficeServices, permission: ConsolePermission) {
  const permitted: preValidationAsyncHookHandler = async (request) => {
    if (!can(staffOf(request).role, permission))
      throw new HqError(403, 'forbidden', `Your role may not do this (needs ${permission})`, { permission });
  };
  return [requireSignedIn(services), requireCsrf, permitted];
}

/** The signed-in staff member of a route guarded by `consoleGuard`. */
export function staffOf(request: FastifyRequest): ConsoleStaff {
  if (!request.staff)
    throw new Error(`${request.routeOptions.url ?? request.url} reads the staff member without consoleGuard`);
  return request.staff;
}
