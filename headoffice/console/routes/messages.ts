/**
 * Customer messages in the console (docs/architecture/sms-templates.md):
 *   GET  /console/api/messages/problems?status&storeId&limit&after   messages not delivered (`messages.read`)
 *   POST /console/api/messages/:id/retry   { reason }                 send a failed one again (`messages.manage`)
 *   POST /console/api/messages/:id/cancel  { reason }                 never send it (`messages.manage`)
 *   GET  /console/api/messages/templates                              the template code per event (`messages.read`)
 *   PUT  /console/api/messages/templates   { event, templateCode }    set or clear one (`messages.manage`)
 * A role without `customers.unmask` sees phones masked and no text. Every change is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { actOnMessage, listProblems } from '../../sms/console-actions';
import { listTemplates } from '../../sms/templates';
import { recordAudit } from '../audit';
import { messageActionSchema, problemQuerySchema, saveTemplateSchema } from '../contract/messages';
import { consoleGuard, staffOf } from '../guard';
import { can } from '../roles';

const idParams = z.object({ id: z.string().min(1).max(64) });

export const messageRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const read = consoleGuard(services, 'messages.read');
  const manage = consoleGuard(services, 'messages.manage');

  app.get(
    '/console/api/messages/problems',
    { schema: { querystring: problemQuerySchema }, preValidation: read },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        200,
        await listProblems(services, request.query, can(staffOf(request).role, 'customers.unmask')),
      ),
  );

  for (const action of ['retry', 'cancel'] as const)
    app.post(
      `/console/api/messages/:id/${action}`,
      { schema: { params: idParams, body: messageActionSchema }, preValidation: manage },
      async (request, reply) => {
        const status = await actOnMessage(services, staffOf(request), request.params.id, action, request.body.reason);
        return sendJson(request, reply, 200, { status });
      },
    );

  app.get('/console/api/messages/templates', { preValidation: read }, async (request, reply) =>
    sendJson(request, reply, 200, { rows: await listTemplates(services.db) }),
  );

  app.put(
    '/console/api/messages/templates',
    { schema: { body: saveTemplateSchema }, preValidation: manage },
    async (request, reply) => {
      const staff = staffOf(request);
      const { event, templateCode } = request.body;
      await services.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('smsTemplate')
          .select('templateCode')
          .where('event', '=', event)
          .executeTakeFirst();
        if (templateCode === '') await trx.deleteFrom('smsTemplate').where('event', '=', event).execute();
        else
          await trx
            .insertInto('smsTemplate')
            .values({ event, templateCode, updatedBy: staff.username, updatedAt: new Date(services.now()) })
            .onConflict((oc) =>
              oc
                .column('event')
                .doUpdateSet({ templateCode, updatedBy: staff.username, updatedAt: new Date(services.now()) }),
            )
            .execute();
        await recordAudit(trx, staff, {
          action: 'sms_template.update',
          target: event,
          before: { templateCode: before?.templateCode ?? '' },
          after: { templateCode },
        });
      });
      return sendJson(request, reply, 200, { rows: await listTemplates(services.db) });
    },
  );
};
