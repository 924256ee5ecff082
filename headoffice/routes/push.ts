/** POST /sync/v1/push (docs/SYNC.md §2.3): a batch of a replica's outbox, applied in one transaction (push.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_OPS } from '../../db/sync/protocol';
import { deviceOf, requireDevice } from '../http/device';
import { recordDeviceReport } from '../http/device-report';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';
import { handlePush } from '../push';
import { idSchema } from './ids';

export const wireChangeSchema = z.object({
  seq: z.number().int().positive(),
  changeId: idSchema,
  txId: idSchema,
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  op: z.enum(CHANGE_OPS),
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string().regex(/^[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-z]+$/),
  staffId: z.string().max(64).nullable(),
  createdAt: z.string().max(40),
  schemaVersion: z.number().int().nonnegative(),
});

export const pushSchema = z.object({
  protocol: z.number().int(),
  replicaId: idSchema,
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string().max(40),
  changes: z.array(wireChangeSchema).max(50_000),
});

export const pushRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  app.post(
    '/sync/v1/push',
    {
      schema: { body: pushSchema },
      preValidation: requireDevice(services),
      // A PC too old to send the report headers still names its version in the push body.
      preHandler: recordDeviceReport(services, (request) => (request.body as { appVersion?: string }).appVersion),
    },
    async (request, reply) => {
      const { db, hqClock, now } = services;
      return sendJson(
        request,
        reply,
        200,
        await handlePush(
          db,
          deviceOf(request),
          request.body,
          hqClock,
          now(),
          () => request.raw.socket.destroyed !== true,
        ),
      );
    },
  );
};
