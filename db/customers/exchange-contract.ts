/**
 * Import and export of customers and products: schemas and result types. No Node imports.
 * The renderer reads the file (CSV or XLSX) and maps its columns; the rows come here in chunks to be
 * checked and staged, and the import itself writes all staged good rows in one transaction.
 */
import { z } from 'zod';
import { textInput } from '../fields';

export const IMPORT_KINDS = ['customers', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields a column can be mapped to, per kind; `phone` names the owner in a product import. */
export const IMPORT_FIELDS = {
  customers: ['name', 'phone', 'phone2', 'address', 'tier', 'notes'],
  products: ['phone', 'category', 'brand', 'model', 'serial', 'purchaseDate', 'purchaseStore', 'receiptNo', 'price'],
} as const satisfies Record<ImportKind, ReadonlyArray<string>>;
export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number];

export const REQUIRED_IMPORT_FIELDS: Readonly<Record<ImportKind, ReadonlyArray<string>>> = {
  customers: ['name', 'phone'],
  products: ['phone', 'category', 'brand', 'model'],
};

/** A mapped row carries one value per import field; more columns are not a spreadsheet row. */
const IMPORT_MAX_COLUMNS = 20;

/** Rows per check call: keeps each call well under the browser host's 1 MB body limit. */
export const IMPORT_CHUNK_ROWS = 500;
/**
 * One import is written in one transaction, and the counter waits while it runs (about 1 ms a
 * row on the reference machine): 5,000 rows keeps that to a few seconds. Bigger files are split.
 */
export const IMPORT_MAX_ROWS = 5_000;
/** Rows per export: a whole-store export belongs to head office, not a counter. */
export const EXPORT_MAX_ROWS = 20_000;

export const importBeginSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: textInput().trim().min(1, 'required').max(200, 'too_long'),
});
export const importCheckSchema = z.object({
  batchId: z.uuid({ error: 'invalid_value' }),
  rows: z
    .array(
      z.object({
        line: z.number().int().min(1).max(10_000_000),
        values: z
          .record(z.string().max(40, 'too_long'), textInput().max(500, 'too_long'))
          .refine((values) => Object.keys(values).length <= IMPORT_MAX_COLUMNS, 'too_many'),
      }),
    )
    .min(1)
    .max(IMPORT_CHUNK_ROWS, 'too_many'),
});
export const importBatchSchema = z.object({ batchId: z.uuid({ error: 'invalid_value' }) });

export type BadRow = Readonly<{ line: number; key: string; field: string | null }>;
export type ImportCheckResult = Readonly<{ staged: number; bad: ReadonlyArray<BadRow> }>;
export type ImportCommitResult = Readonly<{ imported: number; skipped: number }>;

export const exportSchema = z.object({
  /** The search shown on screen, or '' for the whole customer list. */
  query: textInput().trim().max(40, 'too_long').default(''),
  format: z.enum(['xlsx', 'csv']),
});
export type ExportRow = Readonly<{
  name: string;
  phones: string;
  tier: 'regular' | 'silver' | 'gold' | 'vip';
  addresses: string;
  products: number;
  createdAt: string;
}>;
export type ExportResult = Readonly<{ rows: ReadonlyArray<ExportRow>; truncated: boolean }>;
