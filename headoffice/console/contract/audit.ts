/** The console's audit log as the console lists it. */
import { z } from 'zod';

export const auditQuerySchema = z.object({
  action: z.string().max(60).optional(),
  username: z.string().max(32).optional(),
  target: z.string().max(120).optional(),
  /** Rows older than this id (the last id of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditRow = {
  id: number;
  at: string;
  username: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
};
export type AuditPage = { rows: AuditRow[]; more: boolean };
