/** Signing in to the console and the staff accounts, shared by the server's routes and the console. */
import { z } from 'zod';
import { CONSOLE_ROLES, type ConsolePermission, type ConsoleRole } from './roles';

export const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    USERNAME,
    'a user name is 3–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter',
  );
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `a password has at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `a password has at most ${PASSWORD_MAX} characters`);
export const displayNameSchema = z.string().trim().min(1, 'a name is required').max(60);
export const roleSchema = z.enum(CONSOLE_ROLES);

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(32),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export const changePasswordSchema = z.object({ current: z.string().min(1).max(PASSWORD_MAX), next: passwordSchema });

export type ConsoleStaff = { id: string; username: string; displayName: string; role: ConsoleRole };
export type SessionAnswer = {
  staff: ConsoleStaff;
  permissions: ConsolePermission[];
  /** Sent back in `x-csrf-token` with every request that changes something. */
  csrfToken: string;
};

export const newStaffSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export const staffChangeSchema = z
  .object({ displayName: displayNameSchema, role: roleSchema, disabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export const resetPasswordSchema = z.object({ password: passwordSchema });

export type StaffRow = ConsoleStaff & { disabled: boolean; createdAt: string; passwordChangedAt: string };
