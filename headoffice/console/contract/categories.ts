/**
 * Product categories and their warranty months (三包 terms), head office's settings rows that every
 * counter uses to compute a registered product's warranty end. Pure: zod and types.
 */
import { z } from 'zod';
import { requiredText } from './catalogue';

export const categoryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,19}$/, 'must be 2–20 lowercase letters, digits or _, starting with a letter');

export const categoryFieldsSchema = z.object({
  nameZh: requiredText(20),
  nameEn: requiredText(40),
  warrantyMonths: z.number().int('must be whole months').min(0, 'must not be negative').max(120, 'at most 120 months'),
  position: z.number().int().min(0).max(999),
});
export const categoryCreateSchema = categoryFieldsSchema.extend({ code: categoryCodeSchema });
export type CategoryFields = z.output<typeof categoryFieldsSchema>;
export type CategoryCreate = z.output<typeof categoryCreateSchema>;
export const categoryParamsSchema = z.object({ code: categoryCodeSchema });

export type CategoryView = CategoryCreate & {
  /** False while head office has never set it: the counters still hold the built-in default. */
  setByHeadOffice: boolean;
  updatedAt: string | null;
};
