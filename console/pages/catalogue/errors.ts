/** A refusal from head office in the reader's language when its code is known, else its own message. */
import type { TFunction } from 'i18next';

const KNOWN = new Set([
  'forbidden',
  'signed_out',
  'csrf',
  'part_no_taken',
  'supplier_name_taken',
  'supplier_retired',
  'unknown_supplier',
  'stale_dry_run',
  'file_too_large',
  'too_many_rows',
  'file_empty',
  'file_unreadable',
  'category_code_taken',
]);

export function errorText(t: TFunction, error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code && KNOWN.has(e.code)) return t(`catalogue:error.${e.code}`);
  return e.message ?? String(error);
}
