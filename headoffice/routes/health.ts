/** GET /sync/v1/health: a cheap probe for a device in backoff, 200 once the database answers again (docs/SYNC.md §3c P13). */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';

export const healthRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, { db, now }) => {
  app.get('/sync/v1/health', async (request, reply) => {
    await sql`SELECT 1`.execute(db);
    return sendJson(request, reply, 200, { ok: true, serverTime: new Date(now()).toISOString() });
  });
};
