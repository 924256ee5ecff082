/**
 * The shapes every desk API method is built from. No Node imports: the renderer imports this
 * (through db/api.ts) to validate forms with the very schema the dispatcher validates calls with.
 */
import type { z } from 'zod';
import type { Permission } from './staff/roles';

/** Who may call: anyone (first run, sign-in), any signed-in staff member, or holders of a permission. */
export type Access = 'public' | 'signedIn' | Permission;

/**
 * What the dispatcher checks before it runs a method: the input schema, who may call, and how it
 * runs. Each area declares its methods with their handlers in `db/<area>/methods.ts`.
 */
export type MethodContract<I extends z.ZodType = z.ZodType> = {
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
};

/** Events the app pushes to the renderer: `<area>.changed` after a mutating call commits. */
export const DESK_EVENTS = [
  'session.changed',
  'setup.changed',
  'staff.changed',
  'store.changed',
  'customers.changed',
  'parts.changed',
  'print.changed',
  'tickets.changed',
  'charges.changed',
  'training.changed',
  'sync.changed',
  'backup.changed',
] as const;
export type DeskEvent = (typeof DESK_EVENTS)[number];

type AreaOfEvent<E> = E extends `${infer A}.changed` ? A : never;
/**
 * What a method name may start with: an area with a `changed` event, or `app`, whose methods only
 * read (the dispatcher announces `<area>.changed` after a mutating method, so a writing method
 * needs an area with an event).
 */
export type MethodArea = AreaOfEvent<DeskEvent> | 'app';

/** `customers.create` → `customers`: the area whose `<area>.changed` a mutating call announces. */
export function areaOf(name: string): string {
  return name.slice(0, name.indexOf('.'));
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

/** Errors travel as data (docs/STYLE.md §5). `key` is the message key in the `errors` i18n namespace. */
export type DeskError = {
  code: ErrorCode;
  message: string;
  key: string;
  field?: string;
  issues?: ReadonlyArray<FieldIssue>;
};

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskError };
