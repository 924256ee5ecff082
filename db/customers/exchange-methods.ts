/** Handlers for import (dry run, import, cancel) and export. */
import type { Handler } from '../handler';
import { findStoreRow } from '../store/queries';
import { exportCustomers } from './export';
import { beginImport, cancelImport, checkImportRows, commitImport } from './import';

export const customersImportBegin: Handler<'customers.importBegin'> = async (ctx, input) => ({ batchId: await beginImport(ctx, input.kind, input.fileName) });

export const customersImportCheck: Handler<'customers.importCheck'> = async (ctx, input) => checkImportRows(ctx, input.batchId, input.rows);

export const customersImportCommit: Handler<'customers.importCommit'> = async (ctx, input) => {
  const store = await findStoreRow(ctx.trx);
  return commitImport(ctx, input.batchId, store?.id ?? null);
};

export const customersImportCancel: Handler<'customers.importCancel'> = async (ctx, input) => {
  await cancelImport(ctx.trx, input.batchId);
  return null;
};

export const customersExport: Handler<'customers.export'> = async (ctx, input) => exportCustomers(ctx, input.query, input.format);
