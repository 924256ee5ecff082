/**
 * Product categories and their 三包 terms, head office's settings rows that every counter uses: the
 * whole unit's warranty months (a registered product's warranty end), the main components' months,
 * and the return and exchange windows in days that an after-sales plan is judged by
 * (docs/architecture/sanbao-rules.md). Pure: zod and types.
 */
import { z } from 'zod';
import { requiredText } from './catalogue';

export const categoryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,19}$/, 'must be 2–20 lowercase letters, digits or _, starting with a letter');

const months = z.number().int('must be whole months').min(0, 'must not be negative').max(120, 'at most 120 months');
// The counters' CHECK allows 0–3650 days (ten years); a value they would refuse must not leave head office.
const days = z.number().int('must be whole days').min(0, 'must not be negative').max(3650, 'at most 3650 days');

const categoryShape = {
  nameZh: requiredText(20),
  nameEn: requiredText(40),
  warrantyMonths: months,
  /** 主要部件三包有效期: at least the whole unit's. */
  mainPartsMonths: months,
  /** 退货期 and 换货期, in days after the purchase day; within the return window an exchange is allowed too. */
  returnDays: days,
  exchangeDays: days,
  position: z.number().int().min(0).max(999),
};

function termsInOrder(
  value: { warrantyMonths: number; mainPartsMonths: number; returnDays: number; exchangeDays: number },
  ctx: z.RefinementCtx,
): void {
  if (value.mainPartsMonths < value.warrantyMonths)
    ctx.addIssue({ code: 'custom', path: ['mainPartsMonths'], message: 'must not be shorter than the whole unit’s' });
  if (value.exchangeDays < value.returnDays)
    ctx.addIssue({ code: 'custom', path: ['exchangeDays'], message: 'must not be shorter than the return window' });
}

export const categoryFieldsSchema = z.object(categoryShape).superRefine(termsInOrder);
export const categoryCreateSchema = z.object({ code: categoryCodeSchema, ...categoryShape }).superRefine(termsInOrder);
export type CategoryFields = z.output<typeof categoryFieldsSchema>;
export type CategoryCreate = z.output<typeof categoryCreateSchema>;
export const categoryParamsSchema = z.object({ code: categoryCodeSchema });

export type CategoryView = CategoryCreate & {
  /** False while head office has never set it: the counters still hold the built-in default. */
  setByHeadOffice: boolean;
  updatedAt: string | null;
};
