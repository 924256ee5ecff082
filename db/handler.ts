/**
 * What a method handler receives and how it fails. Handlers are plain functions in
 * `db/<area>/methods.ts`; the dispatcher (db/dispatcher.ts) runs them inside one transaction.
 */
import type { MethodName, MethodParsed, MethodResult } from './api';
import type { ErrorCode } from './contract';
import type { ClientState } from './desk-types';
import type { MessageKey } from './messages';
import type { Store } from './open';
import type { Role } from './staff/roles';
import type { TxContext } from './sync/change-log';
import type { DeskSync } from './sync/desk-sync';
import type { PinThrottle } from './staff/pin-throttle';
import type { AppInfo } from './store/contract';
import type { StorageService } from './storage/service';

export type Actor = Readonly<{ staffId: string; name: string; role: Role; sessionId: string }>;

export type Services = Readonly<{ store: Store; storage: StorageService; pinThrottle: PinThrottle; appInfo: AppInfo; sync: DeskSync }>;

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

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: MethodParsed<M>) => Promise<MethodResult<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

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
