/** Staff, sign-in sessions and first-run setup: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { ROLES, type Permission, type Role } from './roles';

export const pinSchema = textInput({ error: 'pin_format' }).regex(/^\d{4,8}$/, 'pin_format');
export const staffNameSchema = textInput({ error: 'required' }).trim().min(1, 'required').max(40, 'too_long');
export const roleSchema = z.enum(ROLES, { error: 'invalid_value' });

export type StaffSummary = Readonly<{ id: string; name: string; role: Role; active: boolean }>;
export type SignedInStaff = StaffSummary & Readonly<{ permissions: ReadonlyArray<Permission> }>;

export const storeCodeSchema = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'store_code_format');
export const counterNoSchema = z
  .number({ error: 'counter_no_range' })
  .int('counter_no_range')
  .min(1, 'counter_no_range')
  .max(99, 'counter_no_range');
export const storeNameSchema = textInput({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long');

export const setupSchema = z.object({
  storeCode: storeCodeSchema,
  storeName: storeNameSchema,
  counterNo: counterNoSchema,
  adminName: staffNameSchema,
  adminPin: pinSchema,
});
export type SetupInput = z.input<typeof setupSchema>;

export type SessionStatus = Readonly<{
  needsSetup: boolean;
  store: Readonly<{ code: string; name: string; counterNo: number; idleLockMinutes: number }> | null;
  staff: SignedInStaff | null;
}>;

export const staffCreateSchema = z.object({ name: staffNameSchema, role: roleSchema, pin: pinSchema });
export const staffUpdateSchema = z.object({
  id: z.uuid({ error: 'invalid_value' }),
  name: staffNameSchema,
  role: roleSchema,
  /** Left out or empty: the PIN stays as it is. */
  pin: z.union([z.literal(''), pinSchema], { error: 'pin_format' }).optional(),
  active: z.boolean(),
});
export type StaffCreateInput = z.input<typeof staffCreateSchema>;
export type StaffUpdateInput = z.input<typeof staffUpdateSchema>;

export const signInSchema = z.object({ staffId: z.uuid({ error: 'invalid_value' }), pin: pinSchema });
export const signOutSchema = z.object({ reason: z.enum(['manual', 'idle']).default('manual') });
