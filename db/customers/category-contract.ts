/**
 * A standalone store's own 三包 terms per product category (docs/architecture/category-terms.md):
 * the schema of one category's save and what the editor reads. No Node imports: the settings page
 * validates with the same schema.
 */
import { z } from 'zod';
import { textInput } from '../fields';
import type { ProductCategory } from './product-contract';

/** Ten years: the counters' CHECK on return_days and exchange_days (migration 0022). */
export const MAX_WINDOW_DAYS = 3650;
/** The CHECK on main_parts_months; the whole unit's months stay within it too. */
export const MAX_WARRANTY_MONTHS = 120;

const days = z
  .number({ error: 'category_days_range' })
  .int('category_days_range')
  .min(0, 'category_days_range')
  .max(MAX_WINDOW_DAYS, 'category_days_range');
const months = z
  .number({ error: 'category_months_range' })
  .int('category_months_range')
  .min(0, 'category_months_range')
  .max(MAX_WARRANTY_MONTHS, 'category_months_range');

export const categorySaveSchema = z
  .object({
    /** Fixed: products point at it. A new code adds a category. */
    code: textInput({ error: 'required' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9_]{1,19}$/, 'category_code_format'),
    nameZh: textInput({ error: 'required' }).trim().min(1, 'required').max(20, 'too_long'),
    nameEn: textInput({ error: 'required' }).trim().min(1, 'required').max(40, 'too_long'),
    returnDays: days,
    exchangeDays: days,
    warrantyMonths: months,
    mainPartsMonths: months,
  })
  .superRefine((value, ctx) => {
    // Within the return window an exchange is allowed too, and a main part never has less cover
    // than the whole unit: the same order head office's console keeps.
    if (value.exchangeDays < value.returnDays)
      ctx.addIssue({ code: 'custom', path: ['exchangeDays'], message: 'category_exchange_shorter' });
    if (value.mainPartsMonths < value.warrantyMonths)
      ctx.addIssue({ code: 'custom', path: ['mainPartsMonths'], message: 'category_main_parts_shorter' });
  });
export type CategorySave = z.output<typeof categorySaveSchema>;

export type CategoryTermsView = Readonly<{
  /** Who edits the terms: the store until it is enrolled, then head office. */
  owner: 'store' | 'head_office';
  categories: ReadonlyArray<ProductCategory>;
}>;
