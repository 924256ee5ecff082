/**
 * GET /updates/<platform>/<file> (docs/architecture/updates.md): the update feed electron-updater's
 * generic provider reads, for enrolled PCs only (the device token comes in electron-updater's
 * request headers). The channel file is the one the rollout offers this PC (rollout.ts); any other
 * name must be a file of an uploaded release, read from the updates folder, whole or by ranges.
 */
import { createReadStream, statSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HqError } from '../auth';
import { deviceOf, requireDevice } from '../http/device';
import type { HeadOfficeServices } from '../http/services';
import { CHANNEL_FILE, PLATFORMS, isFileName } from './manifest';
import { parseRange, rangedBody } from './ranges';
import { storedPath } from './releases';
import { offeredChannelFile } from './rollout';

const paramsSchema = z.object({ platform: z.enum(PLATFORMS), name: z.string().max(200) });

/** The feed's routes over `updatesDir` (null: this head office serves no updates, every file is 404). */
export function updateRoutes(updatesDir: string | null): FastifyPluginAsyncZod<HeadOfficeServices> {
  return async (app, services) => {
    app.get(
      '/updates/:platform/:name',
      { schema: { params: paramsSchema }, preValidation: requireDevice(services) },
      async (request, reply) => {
        const { platform, name } = request.params;
        const notFound = (message: string) => new HqError(404, 'not_found', message);
        if (!isFileName(name)) throw notFound(`No update file ${JSON.stringify(name)}`);
        if (name === CHANNEL_FILE[platform]) {
          const offered = updatesDir && (await offeredChannelFile(services.db, deviceOf(request), platform, name));
          if (!offered) throw notFound('No release is offered to this PC');
          return reply
            .code(200)
            .header('cache-control', 'no-store')
            .header('content-type', 'text/yaml; charset=utf-8')
            .header('x-counterdesk-release', offered.version)
            .send(offered.text);
        }
        const file =
          updatesDir &&
          (await services.db
            .selectFrom('updateFile')
            .select(['size', 'sha512'])
            .where('platform', '=', platform)
            .where('name', '=', name)
            .executeTakeFirst());
        if (!file) throw notFound(`No update file ${name}`);
        const path = storedPath(updatesDir!, platform, name);
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          throw new HqError(500, 'internal', `Release file ${name} is recorded but missing from the updates folder`);
        }
        const contentType = name.endsWith('.blockmap') ? 'application/gzip' : 'application/octet-stream';
        // The files of a version never change (releases.ts), so a PC may keep what it fetched.
        reply.header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=31536000, immutable');
        const range = parseRange(request.headers.range, size);
        if (range.kind === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
        if (range.kind === 'ranges') {
          const answer = rangedBody(path, size, range.ranges, contentType);
          return reply.code(answer.status).headers(answer.headers).send(answer.body);
        }
        return reply
          .code(200)
          .header('content-type', contentType)
          .header('content-length', String(size))
          .send(createReadStream(path));
      },
    );
  };
}
