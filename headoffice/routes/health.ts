/**
 * Probes, all unauthenticated and cheap:
 * - GET /sync/v1/health: for a device in backoff, 200 once the database answers again (docs/SYNC.md §3c P13).
 * - GET /healthz (liveness): the process answers; touches nothing else, so a database outage does
 *   not get head office restarted by systemd or an orchestrator.
 * - GET /readyz (readiness): the database answers within READY_TIMEOUT_MS and its schema is this
 *   build's. Says which of the two is missing, never an error text, address or version.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HqDatabase } from '../db/open';
import { hqMigrations } from '../db/migrations/index';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';

export const READY_TIMEOUT_MS = 2000;

type Readiness = { ready: true } | { ready: false; reason: 'database' | 'migrations' };

async function checkReadiness(db: HqDatabase): Promise<Readiness> {
  const latest = hqMigrations.at(-1)?.version ?? 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([
      sql<{ version: number | null }>`SELECT max(version) AS version FROM hq_migration`.execute(db),
      timeout,
    ]);
    if (answer === 'timeout') return { ready: false, reason: 'database' };
    return answer.rows[0]?.version === latest ? { ready: true } : { ready: false, reason: 'migrations' };
  } catch (error) {
    // 42P01: no hq_migration table yet, i.e. a database nobody has migrated.
    const code = (error as { code?: unknown }).code;
    return { ready: false, reason: code === '42P01' ? 'migrations' : 'database' };
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, { db, now }) => {
  app.get('/sync/v1/health', async (request, reply) => {
    await sql`SELECT 1`.execute(db);
    return sendJson(request, reply, 200, { ok: true, serverTime: new Date(now()).toISOString() });
  });

  app.get('/healthz', async (request, reply) => sendJson(request, reply, 200, { status: 'ok' }));

  // Probes that arrive while one check is running share its answer: a database that hangs costs
  // one pool connection, not one per probe.
  let running: Promise<Readiness> | null = null;
  app.get('/readyz', async (request, reply) => {
    running ??= checkReadiness(db).finally(() => {
      running = null;
    });
    const readiness = await running;
    return readiness.ready
      ? sendJson(request, reply, 200, { status: 'ready' })
      : sendJson(request, reply, 503, { status: 'not_ready', reason: readiness.reason });
  });
};
