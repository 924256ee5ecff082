/** Request bodies, checked before anything touches the database; a bad one is a 400 naming the problem. */
import { z } from 'zod';
import { HqError } from './auth';

const id = z.string().min(1).max(64);

export const wireChangeSchema = z.object({
  seq: z.number().int().positive(),
  changeId: id,
  txId: id,
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  op: z.enum(['insert', 'update', 'delete', 'append']),
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string().regex(/^[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-z]+$/),
  staffId: z.string().max(64).nullable(),
  createdAt: z.string().max(40),
  schemaVersion: z.number().int().nonnegative(),
});

export const pushSchema = z.object({
  protocol: z.number().int(),
  replicaId: id,
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string().max(40),
  changes: z.array(wireChangeSchema).max(50_000),
});

export const enrollSchema = z.object({
  code: z.string().min(4).max(40),
  replicaId: id,
  storeCode: z.string().min(1).max(16),
  deviceName: z.string().min(1).max(100),
  counterNo: z.number().int().min(1).max(99).optional(),
});

export const tokenSchema = z.object({ deviceId: id, refreshSecret: z.string().min(16).max(200) });

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HqError(400, 'bad_request', `Malformed request: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body'}`);
  }
  return parsed.data;
}
