/**
 * Stores and their PCs (`stores.read` to look, `stores.manage` to change):
 *   GET   /console/api/stores                               a page of stores with their health
 *   POST  /console/api/stores                               a new store { code, name, address, timeZone, status }
 *   GET   /console/api/stores/:code                         one store, its PCs (?retired=show) and problem counts
 *   PATCH /console/api/stores/:code                         { name, address, timeZone, status }
 *   POST  /console/api/stores/:code/codes                   an enrollment code, shown once { hours }
 *   POST  /console/api/stores/:code/devices/:id/revoke      stop a PC now { reason }
 *   POST  /console/api/stores/:code/devices/:id/retire      revoke and hide it { reason }
 *   GET   /console/api/stores/:code/problems                refused changes, clock skews, conflicts (paged);
 *                                                           ?unmask=1 (customers.unmask, audited) shows personal data
 * Every change writes its audit entry in the same transaction.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HqError, issueEnrollmentCode } from '../../auth';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { recordAudit } from '../audit';
import { customerViewSchema } from '../contract/customers';
import {
  deviceActionSchema,
  deviceListQuerySchema,
  issueCodeSchema,
  problemQuerySchema,
  storeCodeSchema,
  storeCreateSchema,
  storeEditSchema,
  storeListQuerySchema,
  type IssuedCode,
} from '../contract/stores';
import { consoleGuard, staffOf } from '../guard';
import { can } from '../roles';
import { retirePc, revokePc } from '../stores/devices';
import { listStores, storeDetail } from '../stores/store-list';
import { auditedStore, createStore, editStore, findStore } from '../stores/store-records';
import { syncProblems } from '../stores/sync-problems';

const storeParams = z.object({ code: storeCodeSchema });
const deviceParams = z.object({ code: storeCodeSchema, id: z.string().min(1).max(64) });

export const storeRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const { db, now } = services;
  const read = consoleGuard(services, 'stores.read');
  const manage = consoleGuard(services, 'stores.manage');

  app.get(
    '/console/api/stores',
    { schema: { querystring: storeListQuerySchema }, preValidation: read },
    async (request, reply) => sendJson(request, reply, 200, await listStores(db, request.query, now())),
  );

  app.post(
    '/console/api/stores',
    { schema: { body: storeCreateSchema }, preValidation: manage },
    async (request, reply) => {
      const store = await db.transaction().execute(async (trx) => {
        const created = await createStore(trx, request.body);
        await recordAudit(trx, staffOf(request), {
          action: 'store.create',
          target: created.code,
          before: null,
          after: auditedStore(created),
        });
        return created;
      });
      return sendJson(request, reply, 201, store);
    },
  );

  app.get(
    '/console/api/stores/:code',
    { schema: { params: storeParams, querystring: deviceListQuerySchema }, preValidation: read },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        200,
        await storeDetail(db, request.params.code, now(), { retired: request.query.retired === 'show' }),
      ),
  );

  app.patch(
    '/console/api/stores/:code',
    { schema: { params: storeParams, body: storeEditSchema }, preValidation: manage },
    async (request, reply) => {
      const after = await db.transaction().execute(async (trx) => {
        const edited = await editStore(trx, request.params.code, request.body, now());
        await recordAudit(trx, staffOf(request), {
          action: 'store.update',
          target: request.params.code,
          before: auditedStore(edited.before),
          after: auditedStore(edited.after),
        });
        return edited.after;
      });
      return sendJson(request, reply, 200, after);
    },
  );

  app.post(
    '/console/api/stores/:code/codes',
    { schema: { params: storeParams, body: issueCodeSchema }, preValidation: manage },
    async (request, reply) => {
      const issued = await db.transaction().execute(async (trx) => {
        const store = await findStore(trx, request.params.code);
        if (store.status === 'closed')
          throw new HqError(409, 'store_closed', `Store ${store.code} is closed: reopen it before enrolling a PC`);
        const code = await issueEnrollmentCode(trx, store.code, { ttlHours: request.body.hours, nowMs: now() });
        // The code itself is shown once to the person who asked and kept nowhere but as a hash.
        await recordAudit(trx, staffOf(request), {
          action: 'store.issue_code',
          target: store.code,
          before: null,
          after: { expiresAt: code.expiresAt },
        });
        return code;
      });
      const answer: IssuedCode = { storeCode: request.params.code, ...issued };
      return sendJson(request, reply, 201, answer);
    },
  );

  for (const [action, change] of [
    ['revoke', revokePc],
    ['retire', retirePc],
  ] as const) {
    app.post(
      `/console/api/stores/:code/devices/:id/${action}`,
      { schema: { params: deviceParams, body: deviceActionSchema }, preValidation: manage },
      async (request, reply) => {
        await db.transaction().execute(async (trx) => {
          const device = await change(trx, request.params.code, request.params.id, now());
          await recordAudit(trx, staffOf(request), {
            action: `device.${action}`,
            target: `${request.params.code} ${device.name}`,
            before: { deviceId: device.id, status: device.retiredAt ? 'retired' : device.status },
            after: {
              deviceId: device.id,
              status: action === 'retire' ? 'retired' : 'revoked',
              reason: request.body.reason,
            },
          });
        });
        return sendJson(request, reply, 200, await storeDetail(db, request.params.code, now()));
      },
    );
  }

  app.get(
    '/console/api/stores/:code/problems',
    {
      schema: { params: storeParams, querystring: problemQuerySchema.extend(customerViewSchema.shape) },
      preValidation: read,
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const unmask = request.query.unmask === '1';
      if (unmask && !can(staff.role, 'customers.unmask'))
        throw new HqError(403, 'forbidden', 'Your role may not see customers in full (needs customers.unmask)', {
          permission: 'customers.unmask',
        });
      const page = await syncProblems(db, request.params.code, request.query, { unmask });
      if (unmask)
        await recordAudit(db, staff, {
          action: 'customer.unmask',
          target: `${request.params.code} sync problems`,
          before: null,
          after: { kind: request.query.kind, page: request.query.page, rows: page.rows.length },
        });
      return sendJson(request, reply, 200, page);
    },
  );
};
