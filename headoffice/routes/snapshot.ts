/** GET /sync/v1/snapshot (docs/SYNC.md §2.4): a page of the merged states in the device's scope, for a new PC or a reset (pull.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceOf, requireDevice } from '../http/device';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';
import { handleSnapshot } from '../pull';
import { pageBytesSchema } from './page-bytes';

/** `after` is the previous page's `nextAfter` (entity and id); none for the first page. */
export const snapshotQuerySchema = z.object({ after: z.string().max(300).optional(), maxBytes: pageBytesSchema });

export const snapshotRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.get(
    '/sync/v1/snapshot',
    { schema: { querystring: snapshotQuerySchema }, preValidation: requireDevice(services) },
    async (request, reply) => {
      const { after, maxBytes } = request.query;
      return sendJson(
        request,
        reply,
        200,
        await handleSnapshot(services.db, deviceOf(request), { after: after ?? null, maxBytes }, services.now()),
      );
    },
  );
};
