/** GET /console/api/audit: the console's audit log, newest first, a page at a time (`audit.read`). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { auditQuerySchema, type AuditPage } from '../contract/audit';
import { consoleGuard } from '../guard';

export const auditRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.get(
    '/console/api/audit',
    { schema: { querystring: auditQuerySchema }, preValidation: consoleGuard(services, 'audit.read') },
    async (request, reply) => {
      const q = request.query;
      let query = services.db
        .selectFrom('consoleAudit')
        .select(['id', 'at', 'username', 'action', 'target', 'before', 'after'])
        .orderBy('id', 'desc')
        .limit(q.limit + 1);
      if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
      if (q.username) query = query.where('username', '=', q.username.toLowerCase());
      if (q.target) query = query.where('target', 'ilike', `%${q.target.replace(/[%_\\]/g, '\\$&')}%`);
      if (q.before) query = query.where('id', '<', q.before);
      const rows = await query.execute();
      const page: AuditPage = {
        rows: rows.slice(0, q.limit).map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() })),
        more: rows.length > q.limit,
      };
      return sendJson(request, reply, 200, page);
    },
  );
};
