/**
 * Parts, prices and suppliers (read `catalogue.read`, write `catalogue.edit`):
 *   GET   /console/api/catalogue/parts?q=&status=&page=&pageSize=   a page of parts (≤ 500)
 *   GET   /console/api/catalogue/parts/:id
 *   POST  /console/api/catalogue/parts                               a new part
 *   PUT   /console/api/catalogue/parts/:id                           its fields as a whole
 *   POST  /console/api/catalogue/parts/:id/retire                    { retired } (soft delete, reversible)
 *   GET   /console/api/catalogue/suppliers?status=
 *   POST  /console/api/catalogue/suppliers
 *   PUT   /console/api/catalogue/suppliers/:id
 *   POST  /console/api/catalogue/suppliers/:id/retire                { retired }
 * Every write is head office's own synced change, audited in its transaction (catalogue/commit.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { commitCatalogue } from '../catalogue/commit';
import { getPart, listParts, planCreatePart, planRetirePart, planUpdatePart } from '../catalogue/parts';
import { listSuppliers, planCreateSupplier, planRetireSupplier, planUpdateSupplier } from '../catalogue/suppliers';
import {
  idParamsSchema,
  partFieldsSchema,
  partListQuerySchema,
  retireSchema,
  supplierFieldsSchema,
  supplierListQuerySchema,
} from '../contract/catalogue';
import { consoleGuard, staffOf } from '../guard';

export const catalogueRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const read = consoleGuard(services, 'catalogue.read');
  const edit = consoleGuard(services, 'catalogue.edit');

  app.get(
    '/console/api/catalogue/parts',
    { schema: { querystring: partListQuerySchema }, preValidation: read },
    async (request, reply) => sendJson(request, reply, 200, await listParts(services.db, request.query)),
  );

  app.get(
    '/console/api/catalogue/parts/:id',
    { schema: { params: idParamsSchema }, preValidation: read },
    async (request, reply) => sendJson(request, reply, 200, await getPart(services.db, request.params.id)),
  );

  app.post(
    '/console/api/catalogue/parts',
    { schema: { body: partFieldsSchema }, preValidation: edit },
    async (request, reply) => {
      const part = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planCreatePart(trx, request.body, now),
      );
      return sendJson(request, reply, 201, part);
    },
  );

  app.put(
    '/console/api/catalogue/parts/:id',
    { schema: { params: idParamsSchema, body: partFieldsSchema }, preValidation: edit },
    async (request, reply) => {
      const part = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planUpdatePart(trx, request.params.id, request.body, now),
      );
      return sendJson(request, reply, 200, part);
    },
  );

  app.post(
    '/console/api/catalogue/parts/:id/retire',
    { schema: { params: idParamsSchema, body: retireSchema }, preValidation: edit },
    async (request, reply) => {
      const part = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planRetirePart(trx, request.params.id, request.body.retired, now),
      );
      return sendJson(request, reply, 200, part);
    },
  );

  app.get(
    '/console/api/catalogue/suppliers',
    { schema: { querystring: supplierListQuerySchema }, preValidation: read },
    async (request, reply) =>
      sendJson(request, reply, 200, { items: await listSuppliers(services.db, request.query.status) }),
  );

  app.post(
    '/console/api/catalogue/suppliers',
    { schema: { body: supplierFieldsSchema }, preValidation: edit },
    async (request, reply) => {
      const supplier = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planCreateSupplier(trx, request.body, now),
      );
      return sendJson(request, reply, 201, supplier);
    },
  );

  app.put(
    '/console/api/catalogue/suppliers/:id',
    { schema: { params: idParamsSchema, body: supplierFieldsSchema }, preValidation: edit },
    async (request, reply) => {
      const supplier = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planUpdateSupplier(trx, request.params.id, request.body, now),
      );
      return sendJson(request, reply, 200, supplier);
    },
  );

  app.post(
    '/console/api/catalogue/suppliers/:id/retire',
    { schema: { params: idParamsSchema, body: retireSchema }, preValidation: edit },
    async (request, reply) => {
      const supplier = await commitCatalogue(services, staffOf(request), (trx, now) =>
        planRetireSupplier(trx, request.params.id, request.body.retired, now),
      );
      return sendJson(request, reply, 200, supplier);
    },
  );
};
