/**
 * Every error as the protocol's `{ error, message }` with the status codes the device acts on
 * (docs/SYNC.md §2.3, db/sync/session.ts): head office's own refusals (HqError) keep their status,
 * code and extra fields; a request that fails its schema is 400 `bad_request` naming the field; a
 * database that is down is 503 (transient: the device retries with backoff), never a half-applied
 * push; anything else is logged and answered 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HqError } from '../auth';
import { sendJson } from './gzip';

export function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now
    code === '53300' || // too many connections
    /Connection terminated|terminating connection|connect ECONNREFUSED|the database system is (starting|shutting) up/.test(
      message,
    )
  );
}

/** The first schema problem of a request, as `Malformed request: <where>: <what>`. */
function schemaMessage(
  error: FastifyError & { validation: Array<{ instancePath: string; message?: string }> },
): string {
  const issue = error.validation[0]!;
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
  return `Malformed request: ${context === 'body' ? path || 'body' : `${context} ${path}`}: ${issue.message ?? 'invalid'}`;
}

export function errorHandler(log: (line: string) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HqError)
      return sendJson(request, reply, error.status, { error: error.code, message: error.message, ...error.extra });
    if (hasZodFastifySchemaValidationErrors(error))
      return sendJson(request, reply, 400, { error: 'bad_request', message: schemaMessage(error) });
    if (isDatabaseDown(error))
      return sendJson(request, reply, 503, {
        error: 'unavailable',
        message: 'Head office database is unavailable; retry later',
      });
    const status = error.statusCode;
    if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF'))
      return sendJson(request, reply, 403, {
        error: 'csrf',
        message: "The page's security token is missing or out of date: reload the page",
      });
    if (status === 429)
      return sendJson(request, reply, 429, {
        error: 'too_many',
        message: 'Too many attempts from this address: wait a minute',
      });
    if (status && status >= 400 && status < 500)
      return sendJson(request, reply, status, { error: 'bad_request', message: error.message });
    log(`[error] ${request.method} ${request.url}: ${error.stack ?? String(error)}`);
    return sendJson(request, reply, 500, {
      error: 'internal',
      message: 'Head office hit an error; nothing was applied',
    });
  };
}
