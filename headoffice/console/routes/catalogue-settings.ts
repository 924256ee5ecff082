/**
 * Product categories (warranty months) and customer tiers (thresholds):
 *   GET  /console/api/catalogue/categories          `catalogue.read`
 *   POST /console/api/catalogue/categories          `catalogue.edit`  a new category
 *   PUT  /console/api/catalogue/categories/:code    `catalogue.edit`
 *   GET  /console/api/catalogue/tiers               `standards.read`
 *   PUT  /console/api/catalogue/tiers/:tier         `standards.edit`  { minSpendFen, minVisits, serviceStandard }
 * Tiers are service policy (a tier decides the service standard a customer gets), so they are the
 * service-quality manager's, not the catalogue manager's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { listCategories, planCreateCategory, planUpdateCategory } from '../catalogue/categories';
import { commitCatalogue } from '../catalogue/commit';
import { listTiers, planUpdateTier } from '../catalogue/tiers';
import { categoryCreateSchema, categoryFieldsSchema, categoryParamsSchema } from '../contract/categories';
import { tierParamsSchema, tierUpdateSchema } from '../contract/tiers';
import { consoleGuard, staffOf } from '../guard';

export const catalogueSettingsRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.get(
    '/console/api/catalogue/categories',
    { preValidation: consoleGuard(services, 'catalogue.read') },
    async (request, reply) => sendJson(request, reply, 200, { items: await listCategories(services.db) }),
  );

  app.post(
    '/console/api/catalogue/categories',
    { schema: { body: categoryCreateSchema }, preValidation: consoleGuard(services, 'catalogue.edit') },
    async (request, reply) => {
      const category = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planCreateCategory(trx, request.body, now),
      );
      return sendJson(request, reply, 201, category);
    },
  );

  app.put(
    '/console/api/catalogue/categories/:code',
    {
      schema: { params: categoryParamsSchema, body: categoryFieldsSchema },
      preValidation: consoleGuard(services, 'catalogue.edit'),
    },
    async (request, reply) => {
      const category = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planUpdateCategory(trx, request.params.code, request.body, now),
      );
      return sendJson(request, reply, 200, category);
    },
  );

  app.get(
    '/console/api/catalogue/tiers',
    { preValidation: consoleGuard(services, 'standards.read') },
    async (request, reply) => sendJson(request, reply, 200, { items: await listTiers(services.db) }),
  );

  app.put(
    '/console/api/catalogue/tiers/:tier',
    {
      schema: { params: tierParamsSchema, body: tierUpdateSchema },
      preValidation: consoleGuard(services, 'standards.edit'),
    },
    async (request, reply) => {
      const tier = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planUpdateTier(trx, request.params.tier, request.body, now),
      );
      return sendJson(request, reply, 200, tier);
    },
  );
};
