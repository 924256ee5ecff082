/**
 * Customers at head office (`customers.read` to look, `customers.edit` to change links and merge,
 * `customers.unmask` to see names, phones and addresses in full, each such view audited):
 *   GET  /console/api/customers?q=…[&unmask=1]               look-up by part of a phone or a name
 *   GET  /console/api/customers/duplicates                    open duplicate flags (paged)
 *   POST /console/api/customers/duplicates/:flagId/dismiss    not the same person { reason }
 *   POST /console/api/customers/merge                         { fromId, intoId, reason }
 *   GET  /console/api/customers/:id[?unmask=1]                the file and the stores it reaches
 *   POST /console/api/customers/:id/links                     link a store { storeCode, reason }
 *   POST /console/api/customers/:id/unlink                    unlink a store { storeCode, reason }
 * The audit log keeps ids, store codes and reasons, never a name or a phone.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HqError } from '../../auth';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { recordAudit } from '../audit';
import {
  customerIdSchema,
  customerSearchSchema,
  customerViewSchema,
  dismissSchema,
  duplicateQuerySchema,
  linkSchema,
  mergeSchema,
  type CustomerPage,
  type CustomerSummary,
} from '../contract/customers';
import { closeFlagsOf, dismissDuplicate, listDuplicates } from '../customers/duplicates';
import { linkStore, unlinkStore } from '../customers/links';
import { customerDetail, searchCustomers } from '../customers/lookup';
import { planMerge } from '../customers/merge';
import { consoleGuard, staffOf } from '../guard';
import { planAndWriteAsHq } from '../hq-writes';
import { can } from '../roles';

const idParams = z.object({ id: customerIdSchema });
const flagParams = z.object({
  flagId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

/** Whether this request sees customers in full: asked for, and the role may. */
function unmasking(request: FastifyRequest, asked: '0' | '1'): boolean {
  if (asked === '0') return false;
  if (!can(staffOf(request).role, 'customers.unmask'))
    throw new HqError(403, 'forbidden', 'Your role may not see customers in full (needs customers.unmask)', {
      permission: 'customers.unmask',
    });
  return true;
}

/**
 * A masked view shows a phone's first 3 and last 4 digits, so a search by any other part of the
 * number would let a role without `customers.unmask` read the hidden digits one search at a time.
 * Masked, digits find a customer only by the whole number or by its last digits (at most 4, which
 * the mask shows anyway).
 */
export function maskedPhoneSearch(found: CustomerSummary[], query: string, unmask: boolean): CustomerSummary[] {
  const digits = query.replace(/\D/g, '');
  if (unmask || digits.length === 0) return found;
  if (digits.length > 4 && digits.length < 11)
    throw new HqError(
      400,
      'masked_search',
      'Without the right to see customers in full, search by the whole phone number, its last 4 digits, or a name',
    );
  const ends = (phone: string) => phone.replace(/\D/g, '').endsWith(digits.slice(-4));
  return found.filter((c) => c.phones.some(ends));
}

export const customerRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const { db, now } = services;
  const read = consoleGuard(services, 'customers.read');
  const edit = consoleGuard(services, 'customers.edit');

  app.get(
    '/console/api/customers',
    { schema: { querystring: customerSearchSchema.extend(customerViewSchema.shape) }, preValidation: read },
    async (request, reply) => {
      const unmask = unmasking(request, request.query.unmask);
      const customers = maskedPhoneSearch(await searchCustomers(db, request.query.q, unmask), request.query.q, unmask);
      if (unmask)
        await recordAudit(db, staffOf(request), {
          action: 'customer.unmask',
          target: 'search',
          before: null,
          after: { ids: customers.map((c) => c.id) },
        });
      const page: CustomerPage = { customers, masked: !unmask };
      return sendJson(request, reply, 200, page);
    },
  );

  app.get(
    '/console/api/customers/duplicates',
    { schema: { querystring: duplicateQuerySchema.extend(customerViewSchema.shape) }, preValidation: read },
    async (request, reply) => {
      const unmask = unmasking(request, request.query.unmask);
      const page = await listDuplicates(db, request.query, unmask);
      if (unmask)
        await recordAudit(db, staffOf(request), {
          action: 'customer.unmask',
          target: 'duplicates',
          before: null,
          after: { flags: page.rows.map((r) => r.flagId) },
        });
      return sendJson(request, reply, 200, page);
    },
  );

  app.post(
    '/console/api/customers/duplicates/:flagId/dismiss',
    { schema: { params: flagParams, body: dismissSchema }, preValidation: edit },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        const flag = await dismissDuplicate(trx, request.params.flagId, now());
        await recordAudit(trx, staffOf(request), {
          action: 'customer.dismiss_duplicate',
          target: `flag ${flag.id}`,
          before: { customerA: flag.customerA, customerB: flag.customerB, open: true },
          after: { open: false, reason: request.body.reason },
        });
      });
      return sendJson(request, reply, 200, { ok: true });
    },
  );

  app.post(
    '/console/api/customers/merge',
    { schema: { body: mergeSchema }, preValidation: edit },
    async (request, reply) => {
      const { fromId, intoId, reason } = request.body;
      // Planned under the feed lock: two merges of the same pair at once cannot both go through.
      const result = await planAndWriteAsHq(
        services,
        staffOf(request),
        async (trx) => {
          const plan = await planMerge(trx, fromId, intoId, new Date(now()).toISOString());
          return {
            writes: plan.writes,
            audit: {
              action: 'customer.merge',
              target: fromId,
              before: plan.audit.before,
              after: { ...plan.audit.after, reason },
            },
            result: plan.result,
          };
        },
        (trx) => closeFlagsOf(trx, fromId, now()),
      );
      return sendJson(request, reply, 200, result);
    },
  );

  app.get(
    '/console/api/customers/:id',
    { schema: { params: idParams, querystring: customerViewSchema }, preValidation: read },
    async (request, reply) => {
      const unmask = unmasking(request, request.query.unmask);
      const detail = await customerDetail(db, request.params.id, unmask);
      if (unmask)
        await recordAudit(db, staffOf(request), {
          action: 'customer.unmask',
          target: request.params.id,
          before: null,
          after: null,
        });
      return sendJson(request, reply, 200, detail);
    },
  );

  for (const [path, action, change] of [
    ['links', 'customer.link', linkStore],
    ['unlink', 'customer.unlink', unlinkStore],
  ] as const) {
    app.post(
      `/console/api/customers/:id/${path}`,
      { schema: { params: idParams, body: linkSchema }, preValidation: edit },
      async (request, reply) => {
        const { storeCode, reason } = request.body;
        await db.transaction().execute(async (trx) => {
          await change(trx, request.params.id, storeCode);
          await recordAudit(trx, staffOf(request), {
            action,
            target: request.params.id,
            before: null,
            after: { storeCode, reason },
          });
        });
        return sendJson(request, reply, 200, await customerDetail(db, request.params.id, false));
      },
    );
  }
};
