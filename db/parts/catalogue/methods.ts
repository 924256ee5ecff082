/** Handlers for the part catalogue, suppliers and locations. */
import { DeskFailure, type Handler, type HandlerContext } from '../../handler';
import { findLocationRow, insertLocation, listLocations, listLocationViews, updateLocation } from '../ledger/locations';
import { assertCatalogueEditable, catalogueOwner, STORE_OWNED_PART_FIELDS } from '../ownership';
import type {
  PartDetail,
  partListSchema,
  PartSummary,
  partGetSchema,
  PartsLookups,
  partCreateSchema,
  partUpdateSchema,
  partStoreFieldsSchema,
  supplierSchema,
  SupplierSummary,
  supplierUpdateSchema,
  locationCreateSchema,
  LocationSummary,
  locationListSchema,
  LocationView,
  locationUpdateSchema,
} from './contract';
import {
  findPartByNo,
  findPartRow,
  findSupplierRow,
  insertPart,
  insertSupplier,
  listParts,
  listSuppliers,
  loadPartDetail,
  toSupplierSummary,
  updatePart,
  updateSupplier,
} from './queries';
import type { noInput } from '../../fields';

async function detailOrFail(ctx: HandlerContext, id: string): Promise<PartDetail> {
  const detail = await loadPartDetail(ctx.trx, id);
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

async function checkSuppliers(ctx: HandlerContext, ids: ReadonlyArray<string>): Promise<void> {
  for (const [index, id] of ids.entries()) {
    if (!(await findSupplierRow(ctx.trx, id))) throw new DeskFailure('not_found', 'not_found', `supplierIds.${index}`);
  }
}

async function checkPartNoFree(ctx: HandlerContext, partNo: string, exceptId?: string): Promise<void> {
  const holder = await findPartByNo(ctx.trx, partNo);
  if (holder && holder.id !== exceptId) throw new DeskFailure('conflict', 'part_no_taken', 'partNo');
}

export const partsList: Handler<typeof partListSchema, { items: ReadonlyArray<PartSummary> }> = async (ctx, input) => ({
  items: await listParts(ctx.trx, input),
});

export const partsGet: Handler<typeof partGetSchema, PartDetail> = async (ctx, input) => detailOrFail(ctx, input.id);

export const partsLookups: Handler<typeof noInput, PartsLookups> = async (ctx) => ({
  catalogueOwner: await catalogueOwner(ctx.trx),
  storeOwnedFields: STORE_OWNED_PART_FIELDS,
  locations: await listLocations(ctx.trx),
  suppliers: await listSuppliers(ctx.trx),
});

export const partsCreate: Handler<typeof partCreateSchema, PartDetail> = async (ctx, input) => {
  await assertCatalogueEditable(ctx.trx);
  await checkPartNoFree(ctx, input.partNo);
  await checkSuppliers(ctx, input.supplierIds);
  return detailOrFail(ctx, await insertPart(ctx, input));
};

export const partsUpdate: Handler<typeof partUpdateSchema, PartDetail> = async (ctx, input) => {
  await assertCatalogueEditable(ctx.trx);
  const before = await findPartRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  await checkPartNoFree(ctx, input.partNo, before.id);
  await checkSuppliers(ctx, input.supplierIds);
  const { id: _id, ...write } = input;
  await updatePart(ctx, before, write);
  return detailOrFail(ctx, before.id);
};

export const partsUpdateStoreFields: Handler<typeof partStoreFieldsSchema, PartDetail> = async (ctx, input) => {
  const before = await findPartRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  await updatePart(ctx, before, { bin: input.bin, reorderLevel: input.reorderLevel, reorderQty: input.reorderQty });
  return detailOrFail(ctx, before.id);
};

export const partsSupplierCreate: Handler<typeof supplierSchema, SupplierSummary> = async (ctx, input) => {
  await assertCatalogueEditable(ctx.trx);
  return toSupplierSummary(await insertSupplier(ctx, input));
};

export const partsSupplierUpdate: Handler<typeof supplierUpdateSchema, SupplierSummary> = async (ctx, input) => {
  await assertCatalogueEditable(ctx.trx);
  const before = await findSupplierRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  await updateSupplier(ctx, before, input);
  const after = await findSupplierRow(ctx.trx, input.id);
  return toSupplierSummary(after!);
};

export const partsLocationCreate: Handler<typeof locationCreateSchema, LocationSummary> = async (ctx, input) => {
  const row = await insertLocation(ctx, input);
  return { id: row.id, code: row.code, name: row.name, retired: false };
};

export const partsLocations: Handler<typeof locationListSchema, { items: ReadonlyArray<LocationView> }> = async (
  ctx,
  input,
) => ({ items: await listLocationViews(ctx.trx, input.includeRetired) });

export const partsLocationUpdate: Handler<typeof locationUpdateSchema, LocationView> = async (ctx, input) => {
  const before = await findLocationRow(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found', 'id');
  await updateLocation(ctx, before, input);
  const views = await listLocationViews(ctx.trx, true);
  return views.find((v) => v.id === input.id)!;
};
