/**
 * A document's statuses as data (requisitions, goods receipts, stocktakes; purchase orders next):
 * for each status, the actions it allows and the status each leads to; for each action, who may
 * take it and what a refusal says. Handlers never compare statuses themselves: they ask
 * `takeStep` and write the status it returns, so a pair that is not listed is refused — that is
 * the whole rule, as in the ticket machines (db/tickets/machines/). Adding a document is declaring
 * one `DocumentMachine` beside its handlers (docs/architecture/documents-as-machines.md).
 */
import { assert } from './assert';
import { DeskFailure, type Actor } from './handler';
import type { MessageKey } from './messages';
import { roleCan, type Permission } from './staff/roles';

export type DocumentStep<S extends string> = Readonly<{
  /**
   * The status after the step: one status; 'same' for work on the document that does not move it
   * (counting a line, inspecting a delivery); or a list when the document's own figures decide
   * which (issuing part of a form or the rest of it).
   */
  to: S | 'same' | ReadonlyArray<S>;
}>;

export type DocumentActor = Readonly<{
  /** What the caller's role must hold (the method's access in its contract says the same). */
  permission: Permission;
  /** Whoever opened the document may take the action without the permission (withdrawing one's own request). */
  opener?: boolean;
  /** The refusal when neither holds; the dispatcher's own `permission_denied` unless the action says more. */
  refused?: MessageKey;
}>;

export type DocumentMachine<S extends string, A extends string> = Readonly<{
  /** The input field that names the document: refusals point at it. */
  field: string;
  statuses: ReadonlyArray<S>;
  actions: ReadonlyArray<A>;
  /** The status a new document starts in (its create method writes it). */
  initial: S;
  /** status → action → step. A pair that is not listed is refused. */
  steps: Readonly<Record<S, Readonly<Partial<Record<A, DocumentStep<S>>>>>>;
  who: Readonly<Record<A, DocumentActor>>;
  /**
   * What a refused pair says (always a `conflict`: the document moved on, or never got there):
   * the action's key, or a sharper one for the status it was tried from.
   */
  refusals: Readonly<Record<A, Readonly<{ key: MessageKey; from?: Readonly<Partial<Record<S, MessageKey>>> }>>>;
}>;

/** What `takeStep` needs of the document as it stands in this transaction. */
export type DocumentState<S extends string> = Readonly<{ status: S; openedBy: string | null }>;

export type StepRefusal = Readonly<{ code: 'conflict' | 'permission_denied'; key: MessageKey }>;

export function stepFrom<S extends string, A extends string>(
  machine: DocumentMachine<S, A>,
  status: S,
  action: A,
): DocumentStep<S> | undefined {
  return machine.steps[status]?.[action];
}

/** Why this person may not take the action now, or null: who first, then from which status. */
export function refuseStep<S extends string, A extends string>(
  machine: DocumentMachine<S, A>,
  state: DocumentState<S>,
  action: A,
  actor: Actor | null,
): StepRefusal | null {
  const who = machine.who[action];
  const byOpener = who.opener === true && actor !== null && state.openedBy === actor.staffId;
  if (!byOpener && (actor === null || !roleCan(actor.role, who.permission)))
    return { code: 'permission_denied', key: who.refused ?? 'permission_denied' };
  if (stepFrom(machine, state.status, action)) return null;
  const refusal = machine.refusals[action];
  return { code: 'conflict', key: refusal.from?.[state.status] ?? refusal.key };
}

/** The step the action is from the document's status, or a DeskFailure saying why not. Nothing is written before it. */
export function takeStep<S extends string, A extends string>(
  machine: DocumentMachine<S, A>,
  state: DocumentState<S>,
  action: A,
  actor: Actor | null,
): DocumentStep<S> {
  const refusal = refuseStep(machine, state, action, actor);
  if (refusal) throw new DeskFailure(refusal.code, refusal.key, machine.field);
  const step = stepFrom(machine, state.status, action);
  assert(step, 'a step that is not refused is listed');
  return step;
}

/** Where the step lands: its one status, or `decided` (what the figures say) when it lists several. */
export function landing<S extends string>(step: DocumentStep<S>, from: S, decided?: S): S {
  if (step.to === 'same') return from;
  if (typeof step.to === 'string') return step.to as S;
  assert(
    decided !== undefined && step.to.includes(decided),
    `a step to ${step.to.join(' or ')} cannot land on ${String(decided)}`,
  );
  return decided;
}

/** The statuses the machine lets the action start from, for lists and tests. */
export function statusesAllowing<S extends string, A extends string>(machine: DocumentMachine<S, A>, action: A): S[] {
  return machine.statuses.filter((status) => stepFrom(machine, status, action) !== undefined);
}
