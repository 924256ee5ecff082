/**
 * `maxBytes` of a pull or snapshot page, from the query string: the device's choice, by default
 * PULL_MAX_BYTES and at most four times that, so one request cannot ask for an unbounded page.
 */
import { z } from 'zod';
import { PULL_MAX_BYTES } from '../../db/sync/protocol';

export const pageBytesSchema = z.coerce
  .number()
  .int()
  .positive()
  .optional()
  .transform((bytes) => Math.min(bytes ?? PULL_MAX_BYTES, 4 * PULL_MAX_BYTES));
