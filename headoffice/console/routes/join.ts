/**
 * The join review (`join.review`): stores with offers, one store's offers with the suggested
 * match, head office's parts or suppliers to map onto, and the decision on an offer (accept, map,
 * drop), audited in the decision's transaction (headoffice/join/review.ts). Adopting a standard or
 * a setting changes it for every store, so that also takes `standards.edit`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HqError } from '../../auth';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { joinOffersOf, joinStores, joinTargets } from '../../join/queries';
import { decideOffer } from '../../join/review';
import { recordAudit } from '../audit';
import {
  JOIN_STANDARD_ENTITIES,
  joinDecisionSchema,
  joinOfferParamsSchema,
  joinOffersQuerySchema,
  joinTargetsQuerySchema,
  type JoinEntity,
} from '../contract/join';
import { consoleGuard, staffOf } from '../guard';
import { can } from '../roles';

export const joinRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const guard = consoleGuard(services, 'join.review');

  app.get('/console/api/join/stores', { preValidation: guard }, async (request, reply) =>
    sendJson(request, reply, 200, await joinStores(services.db)),
  );

  app.get(
    '/console/api/join/offers',
    { schema: { querystring: joinOffersQuerySchema }, preValidation: guard },
    async (request, reply) => sendJson(request, reply, 200, await joinOffersOf(services.db, request.query)),
  );

  app.get(
    '/console/api/join/targets',
    { schema: { querystring: joinTargetsQuerySchema }, preValidation: guard },
    async (request, reply) =>
      sendJson(request, reply, 200, await joinTargets(services.db, request.query.entity, request.query.q)),
  );

  app.post(
    '/console/api/join/offers/:id/decision',
    { schema: { params: joinOfferParamsSchema, body: joinDecisionSchema }, preValidation: guard },
    async (request, reply) => {
      const staff = staffOf(request);
      const offer = await services.db
        .selectFrom('joinOffer')
        .select('entity')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!offer) throw new HqError(404, 'not_found', 'No such offer');
      const standard = JOIN_STANDARD_ENTITIES.includes(offer.entity as JoinEntity);
      if (standard && request.body.decision === 'accept' && !can(staff.role, 'standards.edit'))
        throw new HqError(403, 'forbidden', 'Adopting a standard changes it for every store (needs standards.edit)', {
          permission: 'standards.edit',
        });
      const result = await decideOffer(
        services.db,
        {
          hqClock: services.hqClock,
          nowMs: services.now(),
          staffId: staff.id,
          audit: (trx, entry) => recordAudit(trx, staff, entry),
        },
        request.params.id,
        request.body,
      );
      return sendJson(request, reply, 200, result);
    },
  );
};
