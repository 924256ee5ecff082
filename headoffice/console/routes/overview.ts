/** GET /console/api/overview: the chain at a glance for the start page (any signed-in role with `stores.read`). */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import type { Overview } from '../contract/overview';
import { consoleGuard } from '../guard';

const DAY_MS = 86_400_000;

export const overviewRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.get('/console/api/overview', { preValidation: consoleGuard(services, 'stores.read') }, async (request, reply) => {
    const nowMs = services.now();
    const row = await sql<{ stores: number; activePcs: number; silentPcs: number; refusedThisWeek: number }>`
      SELECT
        (SELECT count(*) FROM hq_store)::int AS "stores",
        (SELECT count(*) FROM device WHERE status = 'active')::int AS "activePcs",
        (SELECT count(*) FROM device WHERE status = 'active' AND coalesce(last_seen_at, created_at) < ${new Date(nowMs - DAY_MS)})::int AS "silentPcs",
        (SELECT count(*) FROM rejected_change WHERE received_at >= ${new Date(nowMs - 7 * DAY_MS)})::int AS "refusedThisWeek"`.execute(
      services.db,
    );
    const overview: Overview = { ...row.rows[0]!, serverTime: new Date(nowMs).toISOString() };
    return sendJson(request, reply, 200, overview);
  });
};
