/** The part catalogue, suppliers and stock locations: schemas and result types (the methods are declared in db/parts/methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../../fields';
import { countSchema, fenSchema, idSchema, MAX_QTY, partNoSchema } from '../fields';
import type { ClearanceView } from '../clearance/contract';

const text = (max: number) => textInput().trim().max(max, 'too_long');
const requiredText = (max: number) => textInput({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long');

const reorderLevelSchema = z
  .number({ error: 'qty_whole' })
  .int('qty_whole')
  .min(0, 'qty_not_negative')
  .max(MAX_QTY, 'qty_too_large')
  .nullable();

/** What a store may set on a part even when head office owns the catalogue (db/parts/ownership.ts). */
const storeFields = {
  bin: text(20).default(''),
  reorderLevel: reorderLevelSchema.default(null),
  reorderQty: countSchema.default(0),
};

const partFields = {
  partNo: partNoSchema,
  name: requiredText(60),
  spec: text(120).default(''),
  models: z.array(requiredText(40)).max(30, 'too_many').default([]),
  unit: requiredText(8),
  supplierIds: z.array(idSchema).max(5, 'too_many').default([]),
  costFen: fenSchema,
  priceFen: fenSchema,
  ...storeFields,
};

export const partCreateSchema = z.object(partFields);
export const partUpdateSchema = z.object({ id: idSchema, ...partFields, retired: z.boolean().default(false) });
export const partStoreFieldsSchema = z.object({ id: idSchema, ...storeFields });
export type PartCreateInput = z.input<typeof partCreateSchema>;
export type PartUpdateInput = z.input<typeof partUpdateSchema>;
export type PartStoreFieldsInput = z.input<typeof partStoreFieldsSchema>;

export const supplierSchema = z.object({
  name: requiredText(60),
  contact: text(40).default(''),
  phone: text(30).default(''),
});
export const supplierUpdateSchema = supplierSchema.extend({ id: idSchema, retired: z.boolean().default(false) });
export type SupplierInput = z.input<typeof supplierSchema>;

export const locationCreateSchema = z.object({
  code: z
    .string({ error: 'required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'location_code_format'),
  name: requiredText(40),
});
export type LocationCreateInput = z.input<typeof locationCreateSchema>;

/** The code is the stable key and is not editable; the name is, and the location can be retired. */
export const locationUpdateSchema = z.object({ id: idSchema, name: requiredText(40), retired: z.boolean() });
export type LocationUpdateInput = z.input<typeof locationUpdateSchema>;

export const partListSchema = z.object({
  /** Any part of the part number, name, specification or a model it fits. */
  query: textInput().trim().max(40, 'too_long').default(''),
  includeRetired: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(200),
});

export type SupplierSummary = Readonly<{ id: string; name: string; contact: string; phone: string; retired: boolean }>;
export type LocationSummary = Readonly<{ id: string; code: string; name: string; retired: boolean }>;
/** A location with the parts it holds: a retire is refused while this list is not empty. */
export type LocationView = LocationSummary &
  Readonly<{ isMain: boolean; stock: ReadonlyArray<{ partNo: string; partName: string; qty: number }> }>;

export type PartSummary = Readonly<{
  id: string;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  models: ReadonlyArray<string>;
  bin: string;
  costFen: number;
  priceFen: number;
  reorderLevel: number | null;
  reorderQty: number;
  retired: boolean;
  /** Σ of the ledger over every location. */
  onHand: number;
}>;

export type PartDetail = PartSummary &
  Readonly<{
    suppliers: ReadonlyArray<SupplierSummary>;
    stock: ReadonlyArray<LocationSummary & { qty: number }>;
    /** The clearance the part is on (its stock sold at a reduced price), or null. */
    clearance: ClearanceView | null;
    createdAt: string;
    updatedAt: string;
  }>;

export type PartsLookups = Readonly<{
  /** 'store' until head office owns the catalogue; then only `storeOwnedFields` are editable here. */
  catalogueOwner: 'store' | 'head_office';
  storeOwnedFields: ReadonlyArray<string>;
  locations: ReadonlyArray<LocationSummary>;
  suppliers: ReadonlyArray<SupplierSummary>;
}>;

export const partGetSchema = z.object({ id: idSchema });
export const locationListSchema = z.object({ includeRetired: z.boolean().default(false) });
