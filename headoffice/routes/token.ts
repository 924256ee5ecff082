/** POST /sync/v1/token (docs/SYNC.md §2.9): a device's refresh secret for a 15-minute access token. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exchangeRefreshSecret } from '../auth';
import { sendJson } from '../http/gzip';
import type { HeadOfficeServices } from '../http/services';
import { idSchema } from './ids';

export const tokenSchema = z.object({ deviceId: idSchema, refreshSecret: z.string().min(16).max(200) });

export const tokenRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, { db, now }) => {
  app.post('/sync/v1/token', { schema: { body: tokenSchema } }, async (request, reply) => {
    const token = await exchangeRefreshSecret(db, request.body.deviceId, request.body.refreshSecret, now());
    return sendJson(request, reply, 200, {
      accessToken: token.token,
      expiresAt: token.expiresAt,
      serverTime: new Date(now()).toISOString(),
    });
  });
};
