/**
 * Clearance of slow stock (docs/architecture/supplier-returns.md): a part's stock sold at a reduced
 * price, with a reason, until the stock is gone or someone ends it. No Node imports.
 */
import { z } from 'zod';
import { textInput } from '../../fields';
import { fenSchema, idSchema, reasonSchema } from '../fields';

export const clearanceStartSchema = z.object({ partId: idSchema, priceFen: fenSchema, reason: reasonSchema });
export type ClearanceStartInput = z.input<typeof clearanceStartSchema>;

export const clearanceEndSchema = z.object({
  partId: idSchema,
  reason: textInput().trim().max(200, 'too_long').default(''),
});
export type ClearanceEndInput = z.input<typeof clearanceEndSchema>;

/** The clearance a part is on now: what a job is charged per unit issued, and why. */
export type ClearanceView = Readonly<{
  id: string;
  priceFen: number;
  reason: string;
  startedByName: string | null;
  startedAt: string;
}>;
