/** The sync area of the desk API: status, problems, enrollment, sync now. No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { method } from '../contract';
import type { SyncStatus } from './status';

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
 * A pulled record this PC keeps aside instead of storing (SYNC.md F19 and refusals): `unknown`, a
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

export const syncContract = {
  /** Last sync, pending and rejected counts, clock warning, progress during a big sync. */
  'sync.status': method<SyncStatus>()({ input: z.object({}), access: 'signedIn', mutates: false }),
  /** Changes head office refused, newest first, with the reason code. */
  'sync.problems': method<ReadonlyArray<SyncProblem>>()({ input: z.object({}), access: 'signedIn', mutates: false }),
  /** Pulled records kept aside on this PC, oldest first, with why. */
  'sync.keptAside': method<ReadonlyArray<KeptAsideRecord>>()({ input: z.object({}), access: 'signedIn', mutates: false }),
  /** Try the kept-aside records again (after the clash that kept them is solved); never waits for it. */
  'sync.retryKeptAside': method<{ started: boolean }>()({ input: z.object({}), access: 'signedIn', mutates: false }),
  /** Enroll this PC with head office (runs in the background; sync.status shows the outcome). */
  'sync.enroll': method<{ started: true }>()({ input: syncEnrollSchema, access: 'store.manage', mutates: true }),
  /** Sync now (a button, or the network coming back): never waits for the sync itself. */
  'sync.now': method<{ started: boolean }>()({ input: z.object({ online: z.boolean().default(false) }), access: 'signedIn', mutates: false }),
};

export type { SyncStatus } from './status';
