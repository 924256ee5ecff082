/** Handlers for import (dry run, import, cancel) and export. */
import type { Handler } from '../handler';
import { findStoreRow } from '../store/queries';
import { exportCustomers } from './export';
import { beginImport, cancelImport, checkImportRows, commitImport } from './import';
import type {
  importBeginSchema,
  importCheckSchema,
  ImportCheckResult,
  importBatchSchema,
  ImportCommitResult,
  exportSchema,
  ExportResult,
} from './exchange-contract';

export const customersImportBegin: Handler<typeof importBeginSchema, { batchId: string }> = async (ctx, input) => ({
  batchId: await beginImport(ctx, input.kind, input.fileName),
});

export const customersImportCheck: Handler<typeof importCheckSchema, ImportCheckResult> = async (ctx, input) =>
  checkImportRows(ctx, input.batchId, input.rows);

export const customersImportCommit: Handler<typeof importBatchSchema, ImportCommitResult> = async (ctx, input) => {
  const store = await findStoreRow(ctx.trx);
  return commitImport(ctx, input.batchId, store?.id ?? null);
};

export const customersImportCancel: Handler<typeof importBatchSchema, null> = async (ctx, input) => {
  await cancelImport(ctx.trx, input.batchId);
  return null;
};

export const customersExport: Handler<typeof exportSchema, ExportResult> = async (ctx, input) =>
  exportCustomers(ctx, input.query, input.format);
