/** POST /sync/v1/enroll (docs/SYNC.md §2.9): a one-time code makes a PC a device of its store. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enrollDevice } from '../auth';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';
import { idSchema } from './ids';

export const enrollSchema = z.object({
  code: z.string().min(4).max(40),
  replicaId: idSchema,
  storeCode: z.string().min(1).max(16),
  deviceName: z.string().min(1).max(100),
  counterNo: z.number().int().min(1).max(99).optional(),
  standaloneThroughSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const enrollRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, { db, now }) => {
  app.post('/sync/v1/enroll', { schema: { body: enrollSchema } }, async (request, reply) =>
    sendJson(request, reply, 200, await enrollDevice(db, request.body, now())),
  );
};
