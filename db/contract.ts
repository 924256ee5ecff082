/**
 * The shapes every desk API method is built from. No Node imports: the renderer imports this
 * (through db/api.ts) to validate forms with the very schema the dispatcher validates calls with.
 */
import type { z } from 'zod';
import type { Permission } from './staff/roles';

/** Who may call: anyone (first run, sign-in), any signed-in staff member, or holders of a permission. */
export type Access = 'public' | 'signedIn' | Permission;

export type MethodContract<I extends z.ZodType = z.ZodType, R = unknown> = {
  input: I;
  access: Access;
  /** Mutating methods run in a write transaction and announce `<area>.changed` after commit. */
  mutates: boolean;
  /**
   * Runs without the dispatcher's transaction: file work on the store itself (a backup, a restore
   * that closes and reopens it) must neither hold the connection for seconds nor run inside a
   * transaction on a file it replaces. Such a method is also allowed while the file is damaged;
   * its handler decides what it may do then.
   */
  outsideTransaction?: boolean;
  /** Phantom: carries the result type; never read at run time. */
  result?: R;
};

/** `method<Result>()({ input, access, mutates })`: the result type is given, the input type inferred. */
export function method<R>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; mutates: boolean; outsideTransaction?: boolean }): MethodContract<I, R> => def;
}

export type ErrorCode =
  | 'validation'
  | 'not_signed_in'
  | 'session_expired'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'bad_pin'
  | 'pin_locked'
  | 'setup_done'
  | 'setup_needed'
  | 'database_damaged'
  | 'busy'
  | 'unknown_method'
  /** The disk the store lives on is full: nothing was saved. */
  | 'disk_full'
  /** A service this process does not run (e.g. sync in a desk opened without its engine). */
  | 'unavailable'
  | 'internal';

export type FieldIssue = { field: string; key: string; message: string };

/** Errors travel as data (STYLE.md §5). `key` is the message key in the `errors` i18n namespace. */
export type DeskError = {
  code: ErrorCode;
  message: string;
  key: string;
  field?: string;
  issues?: ReadonlyArray<FieldIssue>;
};

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskError };
