/**
 * The one dispatcher behind Electron IPC and the browser host (docs/DESIGN.md "How a call flows"):
 *   validate input with the method's zod schema → resolve the caller's session → check access →
 *   run the handler in one transaction → result, or a typed error {code, message, key, field?}.
 * It never throws: anything unexpected is logged with its stack and answered as `internal`,
 * and the transaction has rolled back, so nothing was saved.
 */
import type { z } from 'zod';
import {
  areaOf,
  type Access,
  type DeskError,
  type DeskEvent,
  type DeskResult,
  type ErrorCode,
  type FieldIssue,
} from './contract';
import { settleSession, type ClientState, type Logger } from './desk-types';
import { isDiskFull } from './disk-full';
import { DeskFailure, type Actor, type AnyMethod, type HandlerContext, type Services } from './handler';
import { changesSoFar, deskNowIso, MARK_EVERY_MS, saveClockMark } from './clock';
import { newId } from './ids';
import { exclusive } from './exclusive';
import { parseHlc } from './sync/hlc';
import { englishMessage, type MessageKey } from './messages';
import type { DeskMethods, MethodName } from './api';
import { roleCan } from './staff/roles';
import { createSessionActivity, resolveSession } from './staff/session';
import { inTransaction } from './transaction';

/** Signal logs SQL calls over 40 ms; a counter that waits longer than that feels it. */
const SLOW_CALL_MS = 40;

export type Dispatch = (client: ClientState, method: string, input: unknown) => Promise<DeskResult<unknown>>;

export function fail(
  code: ErrorCode,
  key: MessageKey | string,
  field?: string,
  issues?: FieldIssue[],
): { ok: false; error: DeskError } {
  const error: DeskError = { code, key, message: englishMessage(key) };
  if (field !== undefined) error.field = field;
  if (issues !== undefined) error.issues = issues;
  return { ok: false, error };
}

export function validationFailure(zodError: z.ZodError): { ok: false; error: DeskError } {
  const issues = zodError.issues.map((issue) => {
    // Schemas use message keys; zod's own messages (e.g. a wrong type from a hand-made call) are not keys.
    const key = englishMessage(issue.message) === issue.message ? 'invalid_value' : issue.message;
    return { field: issue.path.join('.'), key, message: englishMessage(key) };
  });
  const first = issues[0];
  return fail('validation', first?.key ?? 'invalid_input', first?.field || undefined, issues);
}

/**
 * The `trx` of a method that runs outside a transaction: touching it is a programming error, said
 * loudly rather than writing outside a transaction by accident.
 */
const NO_TRANSACTION = new Proxy({} as HandlerContext['trx'], {
  get(_target, property) {
    throw new Error(`this method runs outside a transaction; it may not use ctx.trx (${String(property)})`);
  },
});

function accessFailure(access: Access, actor: Actor | null, expired: boolean): { ok: false; error: DeskError } | null {
  if (access === 'public') return null;
  if (!actor) return expired ? fail('session_expired', 'session_expired') : fail('not_signed_in', 'not_signed_in');
  if (access === 'signedIn' || roleCan(actor.role, access)) return null;
  return fail('permission_denied', 'permission_denied');
}

export function createDispatcher({
  services,
  methods,
  logger,
  emit,
}: {
  services: Services;
  /** The joined table of every method (db/methods.ts); the dispatcher looks each call up in it. */
  methods: DeskMethods;
  logger: Logger;
  emit: (event: DeskEvent) => void;
}): Dispatch {
  /** The clock's mark as last committed by a call (a rolled-back call's mark does not count). */
  const markSaved = { millis: 0 };
  const activity = createSessionActivity();

  async function run(client: ClientState, name: MethodName, rawInput: unknown): Promise<DeskResult<unknown>> {
    // Read per call: a restore replaces the open store.
    const { store } = services;
    const contract: AnyMethod = methods[name];
    const damaged = store.health.damage !== null;
    // A damaged file is written no more: every write could spread the damage. Reads go on.
    if (damaged && contract.mutates && !contract.outsideTransaction)
      return fail('database_damaged', 'database_damaged');
    const parsed = contract.input.safeParse(rawInput ?? {});
    if (!parsed.success) return validationFailure(parsed.error);

    const session = await resolveSession(store.db, client.sessionId, {
      wallMs: store.now(),
      nowIso: deskNowIso(store.hlc),
      activity,
      readOnly: damaged,
    });
    if (!session.actor && client.sessionId) client.sessionId = null;
    const denied = accessFailure(contract.access, session.actor, session.expired);
    if (denied) return denied;

    // The schema above parsed the input, and `method()` checked the handler takes what it parses to.
    const handler = contract.handler as (ctx: HandlerContext, input: unknown) => Promise<unknown>;
    const sessionBefore = client.sessionId;
    if (contract.outsideTransaction)
      return { ok: true, value: await handler(outsideContext(client, session.actor, store), parsed.data) };
    const standing: Array<() => void> = [];
    try {
      const work = async (trx: HandlerContext['trx']) => {
        const changesBefore = changesSoFar(store.statements);
        const ctx: HandlerContext = {
          trx,
          txId: newId(),
          staffId: session.actor?.staffId ?? null,
          nowIso: deskNowIso(store.hlc),
          stamp: () => store.hlc.send(),
          standing: (work) => standing.push(work),
          actor: session.actor,
          client,
          services,
        };
        const result = await handler(ctx, parsed.data);
        // The clock's mark commits with what the call stored, so no stored time is ever above it.
        // A damaged file is opened read-only: nothing, not even the mark, is written to it.
        if (
          !damaged &&
          (changesSoFar(store.statements) > changesBefore ||
            parseHlc(store.hlc.last()).millis - markSaved.millis >= MARK_EVERY_MS)
        ) {
          saveClockMark(store.statements, store.hlc);
          return { result, marked: parseHlc(store.hlc.last()).millis };
        }
        return { result, marked: null };
      };
      const value = await inTransaction(store.db, work, (rollbackError) =>
        logger.warn(`desk call ${name}: rollback failed`, {
          error: rollbackError instanceof Error ? rollbackError.stack : String(rollbackError),
        }),
      );
      if (value.marked !== null) markSaved.millis = Math.max(markSaved.millis, value.marked);
      if (contract.mutates) {
        emit(`${areaOf(name)}.changed` as DeskEvent);
        if (client.sessionId !== sessionBefore && areaOf(name) !== 'session') emit('session.changed');
      }
      return { ok: true, value: value.result };
    } finally {
      // After the transaction, committed or rolled back, so what it records stands either way.
      if (standing.length > 0) await exclusive(store, () => standing.forEach((work) => work()));
    }
  }

  function outsideContext(client: ClientState, actor: Actor | null, store: Services['store']): HandlerContext {
    return {
      trx: NO_TRANSACTION,
      txId: newId(),
      staffId: actor?.staffId ?? null,
      nowIso: deskNowIso(store.hlc),
      stamp: () => store.hlc.send(),
      // No transaction to roll back: what it records stands at once.
      standing: (work) => work(),
      actor,
      client,
      services,
    };
  }

  const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(methods, name);

  return async (client, method, input) => {
    if (!isMethodName(method)) return fail('unknown_method', 'unknown_method');
    const started = performance.now();
    const sent = client.sessionId;
    // The call works on its own copy of the sign-in; what it leaves is settled into the window's
    // state once it returns, so overlapping calls cannot undo each other's sign-in.
    const call: ClientState = { sessionId: sent };
    try {
      const result = await run(call, method, input);
      settleSession(client, sent, call.sessionId);
      return result;
    } catch (error) {
      // A handler's failure rolled its transaction back: a sign-in it started is not settled.
      if (error instanceof DeskFailure) return fail(error.code, error.key, error.field);
      if (isDiskFull(error)) {
        logger.error(`desk call ${method} failed: the disk is full`, {
          error: error instanceof Error ? error.stack : String(error),
        });
        return fail('disk_full', 'disk_full');
      }
      logger.error(`desk call ${method} failed`, { error: error instanceof Error ? error.stack : String(error) });
      return fail('internal', 'internal');
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) logger.warn(`slow desk call ${method}`, { ms: Math.round(ms) });
    }
  };
}
