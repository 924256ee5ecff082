/** The sync area of the desk API: status, problems, enrollment, sync now. No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';

export const syncEnrollSchema = z.object({
  serverUrl: z
    .string()
    .trim()
    .regex(/^https:\/\/[^\s/]+/, 'sync_url_invalid')
    .max(200, 'too_long'),
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(textInput().regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/, 'sync_code_format')),
  caCert: z
    .string()
    .trim()
    .max(20_000, 'too_long')
    .refine((v) => v === '' || v.includes('-----BEGIN CERTIFICATE-----'), 'sync_ca_format')
    .default(''),
});
export type SyncEnrollInput = z.input<typeof syncEnrollSchema>;
/** What the engine enrols with: the form's fields and this PC's name. */
export type EnrollInput = { serverUrl: string; code: string; caCert?: string | null; deviceName: string };

export type SyncProblem = Readonly<{
  seq: number;
  entity: string;
  entityId: string;
  op: string;
  code: string;
  fields: Readonly<Record<string, unknown>>;
  staffName: string | null;
  createdAt: string;
  rejectedAt: string;
}>;

/**
 * A pulled record this PC keeps aside instead of storing (docs/SYNC.md F19 and refusals): `unknown`, a
 * kind of record or field this version does not have yet; `duplicate`, a number or code a record
 * here already has; `incomplete`, a required value still missing; `depends`, it refers to a
 * record that is itself kept aside (`dependsOn`); `refused`, kept by an older version without a
 * reason. `number`: the ticket or document number, or the number of the ticket it belongs to.
 */
export type KeptAsideRecord = Readonly<{
  entity: string;
  entityId: string;
  reason: 'unknown' | 'duplicate' | 'incomplete' | 'depends' | 'refused';
  number: string | null;
  dependsOn: Readonly<{ entity: string; entityId: string }> | null;
  receivedAt: string;
}>;

export const syncNowSchema = z.object({ online: z.boolean().default(false) });

export type { SyncStatus } from './status';
