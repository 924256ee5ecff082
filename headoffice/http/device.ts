/**
 * The device behind a request (docs/SYNC.md §2.9): routes that need one run `requireDevice` as
 * their `preValidation` hook, so a missing, expired or revoked token is refused (401/403) after
 * the body is read but before its schema is checked, and the handler finds the device on
 * `request.device`.
 */
import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { authenticate, type AuthedDevice } from '../auth';
import type { HeadOfficeServices } from './services';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireDevice`; null on routes without it. */
    device: AuthedDevice | null;
  }
}

export function requireDevice({ db, now, tokenSecret }: HeadOfficeServices): preValidationAsyncHookHandler {
  return async (request) => {
    request.device = await authenticate(db, await tokenSecret(), request.headers.authorization, now());
  };
}

/** The authenticated device of a route that runs `requireDevice`. */
export function deviceOf(request: FastifyRequest): AuthedDevice {
  if (!request.device)
    throw new Error(`${request.routeOptions.url ?? request.url} reads the device without requireDevice`);
  return request.device;
}
