/**
 * What a method handler receives and how it fails, and how an area declares its methods: one line
 * per method, `'<area>.<verb>': method(inputSchema, { access, mutates }, handler)`, in a table per
 * area (`db/<area>/methods.ts`). The dispatcher (db/dispatcher.ts) runs the handler inside one
 * transaction; docs/architecture/add-a-method.md walks through adding one.
 */
import type { z } from 'zod';
import type { Access, ErrorCode, MethodArea, MethodContract } from './contract';
import type { ClientState, UpdateStatus } from './desk-types';
import type { MessageKey } from './messages';
import type { Store } from './open';
import type { Role } from './staff/roles';
import type { TxContext } from './sync/change-log';
import type { DeskSync } from './sync/desk-sync';
import type { PinThrottle } from './staff/pin-throttle';
import type { AppInfo } from './store/contract';
import type { StorageService } from './storage/service';

export type Actor = Readonly<{ staffId: string; name: string; role: Role; sessionId: string }>;

export type Services = Readonly<{
  store: Store;
  storage: StorageService;
  pinThrottle: PinThrottle;
  appInfo: AppInfo;
  sync: DeskSync;
  /** The updater's latest report (db/desk.ts keeps it; the shell's updater sends it). */
  updates: { status(): UpdateStatus };
}>;

export type HandlerContext = TxContext & {
  /**
   * Work that stands whether the call succeeds or is refused (a wrong PIN counts toward the
   * lockout although the sign-in fails and its transaction rolls back): the dispatcher runs it
   * after the call's transaction has ended, in a short transaction of its own.
   */
  standing(work: () => void): void;
  actor: Actor | null;
  /** The transport's state for this caller: sign-in and sign-out set its session. */
  client: ClientState;
  services: Services;
};

/** A handler takes what its input schema parsed and resolves to the method's result. */
export type Handler<S extends z.ZodType, R> = (ctx: HandlerContext, input: z.output<S>) => Promise<R>;

/** One desk method: what the dispatcher checks before the call, and the handler it runs. */
export type MethodDeclaration<
  S extends z.ZodType = z.ZodType,
  R = unknown,
  M extends boolean = boolean,
> = MethodContract<S> & {
  mutates: M;
  handler: Handler<S, R>;
};

/** Any declared method, whatever its input and result (a handler of any input fits `never`). */
export type AnyMethod = MethodContract & { handler: (ctx: HandlerContext, input: never) => Promise<unknown> };

/**
 * Declares a method: its handler must take what `input` parses to (a handler written for another
 * schema fails to compile here), and the method's result type is the handler's.
 */
export function method<S extends z.ZodType, R, const M extends boolean>(
  input: S,
  how: { access: Access; mutates: M; outsideTransaction?: boolean },
  handler: Handler<NoInfer<S>, R>,
): MethodDeclaration<S, R, M> {
  return { input, ...how, handler };
}

/**
 * Each name in an area's table is `<area>.<verb>`, and an `app.` method only reads: the
 * dispatcher announces `<area>.changed` after a mutating call, and `app` has no such event.
 */
type InArea<A extends MethodArea, T> = {
  [K in keyof T]: K extends `${A}.${string}`
    ? K extends `app.${string}`
      ? T[K] extends { mutates: false }
        ? T[K]
        : 'app methods only read: app has no changed event'
      : T[K]
    : `method names in this table start with ${A}.`;
};

/** An area's table of methods, checked to be named in `area` (or one of `area`). */
export function areaMethods<const A extends MethodArea, T extends Record<string, AnyMethod>>(
  _area: A | readonly A[],
  table: T & InArea<A, T>,
): T {
  return table;
}

/** A failure the user can act on; anything else thrown is an internal error. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly field?: string,
  ) {
    super(key);
    this.name = 'DeskFailure';
  }
}

export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new DeskFailure('not_signed_in', 'not_signed_in');
  return ctx.actor;
}
