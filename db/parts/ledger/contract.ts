/** The stock ledger: manual movements, reversals, a part's history. No Node imports. */
import { z } from 'zod';
import { textInput } from '../../fields';
import { idSchema, qtySchema, reasonSchema, signedQtySchema } from '../fields';
import type { DocType, MovementKind } from '../tables';

export const adjustSchema = z.object({
  partId: idSchema,
  locationId: idSchema.optional(),
  qty: signedQtySchema,
  reason: reasonSchema,
});
export type AdjustInput = z.input<typeof adjustSchema>;

export const transferSchema = z
  .object({
    partId: idSchema,
    fromLocationId: idSchema,
    toLocationId: idSchema,
    qty: qtySchema,
    reason: textInput().trim().max(200, 'too_long').default(''),
  })
  .refine((value) => value.fromLocationId !== value.toLocationId, { message: 'same_location', path: ['toLocationId'] });
export type TransferInput = z.input<typeof transferSchema>;

export const reverseSchema = z.object({ movementId: idSchema, reason: reasonSchema });

export const historySchema = z.object({
  partId: idSchema,
  locationId: idSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export type MovementView = Readonly<{
  id: string;
  partId: string;
  at: string;
  kind: MovementKind;
  qty: number;
  /** On-hand (at this location, or over all when the history is for every location) after the movement. */
  balanceAfter: number;
  locationId: string;
  locationCode: string;
  reason: string;
  docType: DocType;
  docId: string | null;
  /** The human number of the document (requisition, receipt, …), when it has one. */
  docNumber: string | null;
  staffName: string | null;
  reversesId: string | null;
  reversedById: string | null;
}>;

export type PartHistory = Readonly<{
  partId: string;
  onHand: number;
  movements: ReadonlyArray<MovementView>;
  more: boolean;
}>;

export type OnHandCheck = Readonly<{
  mismatches: ReadonlyArray<{ partId: string; locationId: string; cached: number; ledger: number }>;
}>;
