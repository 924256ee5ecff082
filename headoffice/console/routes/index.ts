/**
 * The console's API routes, one plugin per subject, all under /console/api and all guarded by
 * `consoleGuard` (guard.ts) except signing in. A new subject adds its plugin here.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HeadOfficeServices } from '../../http/services';
import { auditRoutes } from './audit';
import { joinRoutes } from './join';
import { overviewRoutes } from './overview';
import { staffRoutes } from './staff';

export const consoleRoutes: ReadonlyArray<FastifyPluginAsyncZod<HeadOfficeServices>> = [
  overviewRoutes,
  staffRoutes,
  auditRoutes,
  joinRoutes,
];
