/**
 * GET /console/api/reports/<name> (`reports.read`): the chain reports over the rollups
 * (headoffice/reports/), each with the same filters (months, stores, ticket type), and
 * GET /console/api/reports/options: the stores to filter by and the months the rollups hold.
 * Aggregates only: no route here answers with a customer.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { sendJson } from '../../http/gzip';
import type { HeadOfficeServices } from '../../http/services';
import { partsReport } from '../../reports/parts-reports';
import { storeRefs } from '../../reports/report-query';
import { storesReport } from '../../reports/store-comparison';
import { complaintsReport, satisfactionReport, slaReport, turnaroundReport } from '../../reports/ticket-reports';
import {
  reportQuerySchema,
  type ReportName,
  type ReportOf,
  type ReportOptions,
  type ReportQuery,
} from '../contract/reports';
import { consoleGuard } from '../guard';

export const reportRoutes: FastifyPluginAsyncZod<HeadOfficeServices> = async (app, services) => {
  const { db } = services;
  const reports: { [N in ReportName]: (q: ReportQuery) => Promise<ReportOf[N]> } = {
    complaints: (q) => complaintsReport(db, q),
    sla: (q) => slaReport(db, q),
    satisfaction: (q) => satisfactionReport(db, q),
    turnaround: (q) => turnaroundReport(db, q),
    parts: (q) => partsReport(db, q, services.now()),
    stores: (q) => storesReport(db, q),
  };

  app.get(
    '/console/api/reports/options',
    { preValidation: consoleGuard(services, 'reports.read') },
    async (request, reply) => {
      const [stores, months] = await Promise.all([
        storeRefs(db),
        sql<{
          first: string | null;
          last: string | null;
        }>`SELECT min(month) AS first, max(month) AS last FROM report_month`.execute(db),
      ]);
      const options: ReportOptions = {
        stores: [...stores.values()],
        months: months.rows[0] ?? { first: null, last: null },
      };
      return sendJson(request, reply, 200, options);
    },
  );

  for (const name of Object.keys(reports) as ReportName[]) {
    app.get(
      `/console/api/reports/${name}`,
      { schema: { querystring: reportQuerySchema }, preValidation: consoleGuard(services, 'reports.read') },
      async (request, reply) => sendJson(request, reply, 200, await reports[name](request.query)),
    );
  }
};
