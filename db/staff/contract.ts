/** Staff, sign-in sessions and first-run setup: schemas, result types, access. No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { method } from '../contract';
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
export const counterNoSchema = z.number({ error: 'counter_no_range' }).int('counter_no_range').min(1, 'counter_no_range').max(99, 'counter_no_range');
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
  pin: z.union([z.literal(''), pinSchema]).optional(),
  active: z.boolean(),
});
export type StaffCreateInput = z.input<typeof staffCreateSchema>;
export type StaffUpdateInput = z.input<typeof staffUpdateSchema>;

export const sessionContract = {
  /** What the app shows first: setup, sign-in, or the signed-in staff member. */
  'session.status': method<SessionStatus>()({ input: z.object({}), access: 'public', mutates: false }),
  /** Active staff to pick from on the sign-in screen (names and roles only). */
  'session.staffList': method<ReadonlyArray<StaffSummary>>()({ input: z.object({}), access: 'public', mutates: false }),
  /** Sign in with a PIN; the session belongs to this window (IPC) or this browser host. */
  'session.signIn': method<SignedInStaff>()({
    input: z.object({ staffId: z.uuid({ error: 'invalid_value' }), pin: pinSchema }),
    access: 'public',
    mutates: true,
  }),
  /** Sign out, by hand or because the screen locked after being idle. */
  'session.signOut': method<null>()({
    input: z.object({ reason: z.enum(['manual', 'idle']).default('manual') }),
    access: 'public',
    mutates: true,
  }),
};

export const setupContract = {
  /** First run: create the store and its first admin, and sign that admin in. */
  'setup.createStore': method<SignedInStaff>()({ input: setupSchema, access: 'public', mutates: true }),
};

export const staffContract = {
  /** Everyone on the store's staff list, active or not. */
  'staff.list': method<ReadonlyArray<StaffSummary>>()({ input: z.object({}), access: 'staff.manage', mutates: false }),
  /** Add a staff member with a role and a PIN. */
  'staff.create': method<StaffSummary>()({ input: staffCreateSchema, access: 'staff.manage', mutates: true }),
  /** Rename, change role, reset the PIN, deactivate or reactivate. */
  'staff.update': method<StaffSummary>()({ input: staffUpdateSchema, access: 'staff.manage', mutates: true }),
};
