/**
 * The catalogue import (`catalogue.edit`; a dry run writes nothing, but only editors import):
 *   POST /console/api/catalogue/import/dry-run   { fileName, contentBase64 } → DryRun with its token
 *   POST /console/api/catalogue/import/apply     { fileName, contentBase64, token } → ImportResult
 * The file travels as base64 in JSON, at most 5 MB of file (the body limit is 8 MB), and is parsed
 * at head office, so the rules that decide what is written are the server's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { commitCatalogue } from '../catalogue/commit';
import { dryRunImport, planImportApply } from '../catalogue/import-plan';
import { importApplySchema, importFileSchema } from '../contract/catalogue';
import { consoleGuard, staffOf } from '../guard';

export const catalogueImportRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const edit = consoleGuard(services, 'catalogue.edit');

  app.post(
    '/console/api/catalogue/import/dry-run',
    { schema: { body: importFileSchema }, preValidation: edit },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        200,
        await dryRunImport(services.db, request.body, new Date(services.now()).toISOString()),
      ),
  );

  app.post(
    '/console/api/catalogue/import/apply',
    { schema: { body: importApplySchema }, preValidation: edit },
    async (request, reply) => {
      const result = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planImportApply(trx, request.body, now),
      );
      return sendJson(request, reply, 200, result);
    },
  );
};
