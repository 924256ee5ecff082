/**
 * What head office owns of the stores' clocks (`standards.read` to look, `standards.edit` to change):
 *   GET    /console/api/standards/matrix                       the SLA matrix, type × priority × tier
 *   PUT    /console/api/standards/matrix                       { targets }: the cells to set
 *   GET    /console/api/standards/hours-templates              opening-hours templates
 *   POST   /console/api/standards/hours-templates              a new template
 *   PUT    /console/api/standards/hours-templates/:id          a changed template
 *   DELETE /console/api/standards/hours-templates/:id          a template no longer offered
 *   GET    /console/api/standards/regions                      regions with days
 *   GET    /console/api/standards/holidays?region&year         a region's days of a year
 *   GET    /console/api/standards/holidays/fill?region&year    what filling from the data package would do
 *   POST   /console/api/standards/holidays/fill                { region, year }: do it
 *   PUT    /console/api/standards/holidays/day                 { region, date, kind, name }
 *   DELETE /console/api/standards/holidays/day/:region/:date   remove one day
 * Every change is head office's own synced write with its audit entry, in one transaction
 * (writeAsHqAudited): it reaches the stores through the feed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import {
  fillYearSchema,
  hoursTemplateSchema,
  regionDayKeySchema,
  regionDaySchema,
  regionYearQuery,
  saveMatrixSchema,
  type SaveMatrixResult,
} from '../contract/standards';
import { consoleGuard, staffOf } from '../guard';
import { writeAsHqAudited } from '../hq-writes';
import {
  listTemplates,
  planCreateTemplate,
  planRemoveTemplate,
  planUpdateTemplate,
} from '../standards/hours-templates';
import { planMatrixSave, readMatrix, type Plan } from '../standards/matrix';
import {
  fillWrites,
  planFill,
  planRemoveDay,
  planSaveDay,
  regionSummaries,
  regionYear,
} from '../standards/region-days';

const templateParams = z.object({ id: z.string().min(1).max(64) });

export const standardsRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const { db } = services;
  const read = consoleGuard(services, 'standards.read');
  const edit = consoleGuard(services, 'standards.edit');
  const nowIso = () => new Date(services.now()).toISOString();
  const apply = async (request: Parameters<typeof staffOf>[0], plan: Plan): Promise<void> => {
    if (plan.writes.length > 0) await writeAsHqAudited(services, staffOf(request), plan.writes, plan.audit);
  };

  app.get('/console/api/standards/matrix', { preValidation: read }, async (request, reply) =>
    sendJson(request, reply, 200, await readMatrix(db)),
  );

  app.put(
    '/console/api/standards/matrix',
    { schema: { body: saveMatrixSchema }, preValidation: edit },
    async (request, reply) => {
      const plan = await planMatrixSave(db, request.body.targets, nowIso());
      await apply(request, plan);
      const answer: SaveMatrixResult = { ...(await readMatrix(db)), changed: plan.writes.length };
      return sendJson(request, reply, 200, answer);
    },
  );

  app.get('/console/api/standards/hours-templates', { preValidation: read }, async (request, reply) =>
    sendJson(request, reply, 200, { rows: await listTemplates(db) }),
  );

  app.post(
    '/console/api/standards/hours-templates',
    { schema: { body: hoursTemplateSchema }, preValidation: edit },
    async (request, reply) => {
      const plan = await planCreateTemplate(db, request.body, nowIso());
      await apply(request, plan);
      return sendJson(request, reply, 201, { id: plan.id, rows: await listTemplates(db) });
    },
  );

  app.put(
    '/console/api/standards/hours-templates/:id',
    { schema: { params: templateParams, body: hoursTemplateSchema }, preValidation: edit },
    async (request, reply) => {
      await apply(request, await planUpdateTemplate(db, request.params.id, request.body, nowIso()));
      return sendJson(request, reply, 200, { rows: await listTemplates(db) });
    },
  );

  app.delete(
    '/console/api/standards/hours-templates/:id',
    { schema: { params: templateParams }, preValidation: edit },
    async (request, reply) => {
      await apply(request, await planRemoveTemplate(db, request.params.id));
      return sendJson(request, reply, 200, { rows: await listTemplates(db) });
    },
  );

  app.get('/console/api/standards/regions', { preValidation: read }, async (request, reply) =>
    sendJson(request, reply, 200, { rows: await regionSummaries(db) }),
  );

  app.get(
    '/console/api/standards/holidays',
    { schema: { querystring: regionYearQuery }, preValidation: read },
    async (request, reply) =>
      sendJson(request, reply, 200, await regionYear(db, request.query.region, request.query.year)),
  );

  app.get(
    '/console/api/standards/holidays/fill',
    { schema: { querystring: fillYearSchema }, preValidation: read },
    async (request, reply) =>
      sendJson(request, reply, 200, await planFill(db, request.query.region, request.query.year)),
  );

  app.post(
    '/console/api/standards/holidays/fill',
    { schema: { body: fillYearSchema }, preValidation: edit },
    async (request, reply) => {
      const plan = await planFill(db, request.body.region, request.body.year);
      await apply(request, fillWrites(plan, nowIso()));
      return sendJson(request, reply, 200, plan);
    },
  );

  app.put(
    '/console/api/standards/holidays/day',
    { schema: { body: regionDaySchema }, preValidation: edit },
    async (request, reply) => {
      const day = request.body;
      await apply(request, await planSaveDay(db, day, nowIso()));
      return sendJson(request, reply, 200, await regionYear(db, day.region, Number(day.date.slice(0, 4))));
    },
  );

  app.delete(
    '/console/api/standards/holidays/day/:region/:date',
    { schema: { params: regionDayKeySchema }, preValidation: edit },
    async (request, reply) => {
      const { region, date } = request.params;
      await apply(request, await planRemoveDay(db, region, date));
      return sendJson(request, reply, 200, await regionYear(db, region, Number(date.slice(0, 4))));
    },
  );
};
