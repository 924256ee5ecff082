/**
 * The catalogue console's requests and answers: parts, prices, suppliers and the import from a
 * spreadsheet. Pure (zod and types), so the console app and head office's routes validate with the
 * same schemas. The field rules are the counter's own (db/parts/fields.ts, db/parts/catalogue/
 * contract.ts): a part number a counter would refuse must not leave head office, because the feed
 * cannot take it back. Money is integer fen.
 */
import { z } from 'zod';

/** ¥10,000,000.00, the counter's ceiling: no single part costs more, and extra zeros are caught. */
export const MAX_FEN = 1_000_000_000;
export const PAGE_SIZE_MAX = 500;
/** An import file: at most 5 MB and 20,000 parts, so a dry run and its apply stay within seconds. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text SQLite stores unchanged at the counter: no NUL, no lone surrogate (db/fields.ts). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine(isStorableText, 'contains a character that cannot be stored');
export const requiredText = (max: number) => text(max).refine((v) => v.length > 0, 'is required');

export const PART_NO_PATTERN = /^[A-Z0-9][A-Z0-9\-./]{0,39}$/;
export const partNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(PART_NO_PATTERN, 'must be 1–40 letters, digits, - . / (starting with a letter or digit)');

export const fenSchema = z
  .number()
  .int('must be a whole number of fen')
  .min(0, 'must not be negative')
  .max(MAX_FEN, 'is over ¥10,000,000.00');

export const idSchema = z.uuid('is not a record id');

export const partFieldsSchema = z.object({
  partNo: partNoSchema,
  name: requiredText(60),
  spec: text(120).default(''),
  models: z.array(requiredText(40)).max(30, 'at most 30 models').default([]),
  unit: requiredText(8),
  supplierIds: z.array(idSchema).max(5, 'at most 5 suppliers').default([]),
  costFen: fenSchema,
  priceFen: fenSchema,
});
export type PartFields = z.output<typeof partFieldsSchema>;
export type PartFieldsInput = z.input<typeof partFieldsSchema>;

export const partListQuerySchema = z.object({
  /** Part of a part number or name. */
  q: text(40).default(''),
  status: z.enum(['active', 'retired', 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
});
export type PartListQuery = z.input<typeof partListQuerySchema>;

export type PartView = PartFields & {
  id: string;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
};
export type PartPage = { items: PartView[]; total: number; page: number; pageSize: number };

export const retireSchema = z.object({ retired: z.boolean() });

export const supplierFieldsSchema = z.object({
  name: requiredText(60),
  contact: text(40).default(''),
  phone: text(30).default(''),
});
export type SupplierFields = z.output<typeof supplierFieldsSchema>;
export type SupplierFieldsInput = z.input<typeof supplierFieldsSchema>;
export type SupplierView = SupplierFields & { id: string; retiredAt: string | null; partCount: number };

export const supplierListQuerySchema = z.object({
  status: z.enum(['active', 'retired', 'all']).default('all'),
});

export const idParamsSchema = z.object({ id: idSchema });

/** A spreadsheet sent for a dry run or to apply: base64 of the file's bytes (CSV or XLSX). */
export const importFileSchema = z.object({
  fileName: requiredText(200).refine((name) => /\.(csv|xlsx)$/i.test(name), 'must end in .csv or .xlsx'),
  contentBase64: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4, 'file is over 5 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
});
export type ImportFile = z.infer<typeof importFileSchema>;

export const importApplySchema = importFileSchema.extend({
  /** The dry run's token: the apply is refused if the file or the catalogue changed since. */
  token: z.string().regex(/^[0-9a-f]{64}$/, 'is not a dry-run token'),
});

/** One field a line would change, in the catalogue's units (fen, text, supplier names). */
export type FieldChange = { field: string; before: string | number | null; after: string | number | null };
export type ImportLine =
  | { line: number; partNo: string; kind: 'add'; fields: Record<string, string | number> }
  | { line: number; partNo: string; kind: 'change'; changes: FieldChange[] }
  | { line: number; partNo: string; kind: 'unchanged' };
/** What is wrong with a line, as a code the console words in its language (with `params`) and in English. */
export const IMPORT_PROBLEMS = [
  'unknown_column',
  'repeated_column',
  'no_part_no_column',
  'money_yuan',
  'money_fen',
  'money_range',
  'too_long',
  'required',
  'part_no_format',
  'unstorable',
  'too_many_models',
  'too_many_suppliers',
  'empty_part_no',
  'repeated_part',
  'new_part_needs',
  'unknown_supplier',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];
export type ImportProblem = {
  line: number;
  column?: string;
  code: ImportProblemCode;
  params?: Record<string, string | number>;
  message: string;
};

export type DryRun = {
  fileName: string;
  rows: number;
  /** The columns understood, as the catalogue's field names. */
  columns: string[];
  added: number;
  changed: number;
  unchanged: number;
  /** Added and changed lines (unchanged ones are only counted). */
  lines: ImportLine[];
  problems: ImportProblem[];
  token: string;
};
export type ImportResult = { added: number; changed: number; unchanged: number };
