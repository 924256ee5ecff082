/**
 * A refusal from head office in the reader's language: the catalogue's own codes from this page's
 * text, the shell's codes (signed out, forbidden, …) and any other message as the shell shows them.
 */
import i18next from 'i18next';
import { ApiError } from '../../api';
import { errorText as shellErrorText } from '../../shell/error-text';

const CODES = [
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
] as const;
type CatalogueCode = (typeof CODES)[number];
const isCatalogueCode = (code: string): code is CatalogueCode => (CODES as ReadonlyArray<string>).includes(code);

export function errorText(error: unknown): string {
  if (error instanceof ApiError && isCatalogueCode(error.code))
    return i18next.t(`error.${error.code}`, { ns: 'catalogue' });
  return shellErrorText(error);
}
