/** The stock ledger: manual movements, reversals, a part's history. No Node imports. */
import { z } from 'zod';
import { textInput } from '../../fields';
import { method } from '../../contract';
import { idSchema, qtySchema, reasonSchema, signedQtySchema } from '../fields';
import type { DocType, MovementKind } from '../tables';

export const adjustSchema = z.object({ partId: idSchema, locationId: idSchema.optional(), qty: signedQtySchema, reason: reasonSchema });
export type AdjustInput = z.input<typeof adjustSchema>;

export const transferSchema = z
  .object({ partId: idSchema, fromLocationId: idSchema, toLocationId: idSchema, qty: qtySchema, reason: textInput().trim().max(200, 'too_long').default('') })
  .refine((value) => value.fromLocationId !== value.toLocationId, { message: 'same_location', path: ['toLocationId'] });
export type TransferInput = z.input<typeof transferSchema>;

export const reverseSchema = z.object({ movementId: idSchema, reason: reasonSchema });

export const historySchema = z.object({ partId: idSchema, locationId: idSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) });

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

export type PartHistory = Readonly<{ partId: string; onHand: number; movements: ReadonlyArray<MovementView>; more: boolean }>;

export type OnHandCheck = Readonly<{ mismatches: ReadonlyArray<{ partId: string; locationId: string; cached: number; ledger: number }> }>;

export const ledgerContract = {
  /** A counted difference or damage outside a stocktake: stock in or out with a reason (the parts lead). */
  'parts.adjust': method<MovementView>()({ input: adjustSchema, access: 'parts.approve', mutates: true }),
  /** Move stock between locations: one movement out, one in, same document. */
  'parts.transfer': method<ReadonlyArray<MovementView>>()({ input: transferSchema, access: 'parts.issue', mutates: true }),
  /** Undo a mistaken movement with an opposite one; the original stays in the ledger. */
  'parts.reverse': method<ReadonlyArray<MovementView>>()({ input: reverseSchema, access: 'parts.approve', mutates: true }),
  /** A part's movements, newest first, with the running on-hand. */
  'parts.history': method<PartHistory>()({ input: historySchema, access: 'parts.read', mutates: false }),
  /** Recompute the cached on-hand from the ledger and say what was wrong. */
  'parts.rebuildOnHand': method<OnHandCheck>()({ input: z.object({}), access: 'parts.approve', mutates: true }),
};
