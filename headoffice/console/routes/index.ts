/**
 * The console's API routes, one plugin per subject, all under /console/api and all guarded by
 * `consoleGuard` (guard.ts) except signing in. A new subject adds its plugin here.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HeadOfficeServices } from '../../http/services';
import { auditRoutes } from './audit';
import { catalogueRoutes } from './catalogue';
import { catalogueImportRoutes } from './catalogue-import';
import { catalogueSettingsRoutes } from './catalogue-settings';
import { customerRoutes } from './customers';
import { joinRoutes } from './join';
import { messageRoutes } from './messages';
import { overviewRoutes } from './overview';
import { reportRoutes } from './reports';
import { staffRoutes } from './staff';
import { standardsRoutes } from './standards';
import { storeRoutes } from './stores';

export const consoleRoutes: ReadonlyArray<FastifyPluginAsyncZod<HeadOfficeServices>> = [
  overviewRoutes,
  staffRoutes,
  auditRoutes,
  standardsRoutes,
  catalogueRoutes,
  catalogueImportRoutes,
  catalogueSettingsRoutes,
  storeRoutes,
  customerRoutes,
  reportRoutes,
  joinRoutes,
  messageRoutes,
];
