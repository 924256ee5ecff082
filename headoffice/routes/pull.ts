/** GET /sync/v1/pull (docs/SYNC.md §2.4): a page of the change feed after the device's cursor (pull.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceOf, requireDevice } from '../http/device';
import { recordDeviceReport } from '../http/device-report';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';
import { handlePull } from '../pull';
import { idSchema } from './ids';
import { pageBytesSchema } from './page-bytes';

/** A cursor that does not parse is not refused here: the answer tells the device to reset (`bad_cursor`). */
export const pullQuerySchema = z.object({
  replicaId: idSchema,
  cursor: z.string().min(1).max(200),
  maxBytes: pageBytesSchema,
});

export const pullRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.get(
    '/sync/v1/pull',
    {
      schema: { querystring: pullQuerySchema },
      preValidation: requireDevice(services),
      preHandler: recordDeviceReport(services),
    },
    async (request, reply) => {
      return sendJson(
        request,
        reply,
        200,
        await handlePull(services.db, deviceOf(request), request.query, services.now()),
      );
    },
  );
};
