/**
 * A ticket's current state is the fold of its events in (hlc, replica) order (docs/SYNC.md §2.5): the
 * HLC stamp ends with the replica id, so sorting by the stamp is that order. Events merged from
 * another PC that do not fit the workflow at their place in the order (e.g. a step after the
 * ticket was archived) are kept, skipped here, and counted as flagged for review.
 */
import { exhaustive } from '../assert';
import { isFinal, refuseByWorkflow, stepOf } from './steps';
import {
  ACTIONS,
  FOLLOW_UP_ACTIONS,
  FOR_ROLES,
  type AnyMachine,
  type ForRole,
  type MachineAction,
  type PauseReasonName,
  type RepairLocation,
} from './workflow';

export type FoldEvent = Readonly<{
  id: string;
  action: string;
  /** Epoch ms, from the event's HLC stamp. */
  at: number;
  hlc: string;
  data: Readonly<Record<string, unknown>>;
}>;

/** From `start` until the next segment the ticket was in `status`, paused or not. */
export type Segment = Readonly<{ start: number; status: string; pausedFor: PauseReasonName | null }>;

/** `counts`: the clock the minutes are in; events recorded before it existed counted working hours. */
export type SlaTargets = Readonly<{ respondMinutes: number; resolveMinutes: number; counts: 'working' | 'calendar' }>;

export type Derived = {
  status: string;
  assigneeId: string | null;
  escalatedAt: string | null;
  pausedFor: PauseReasonName | null;
  followUpDue: string | null;
  appointmentAt: string | null;
  plannedDate: string | null;
  promisedReplyAt: string | null;
  /** Waiting for a role rather than a person: a reopened complaint routed to the manager(s). */
  forRole: ForRole | null;
  stateHlc: string;
  flagged: string[];
  createdAt: number;
  /** The first step out of the initial state: the first response. */
  respondedAt: number | null;
  segments: Segment[];
  targets: SlaTargets;
  /** Clocks already recorded as breached (sla_breach events). */
  breachesRecorded: Set<'respond' | 'resolve'>;
};

const MACHINE_ACTIONS: ReadonlySet<string> = new Set([...ACTIONS, ...FOLLOW_UP_ACTIONS]);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function targetsFrom(data: Readonly<Record<string, unknown>>, fallback: SlaTargets): SlaTargets {
  const sla = data.sla as { respondMinutes?: unknown; resolveMinutes?: unknown; counts?: unknown } | undefined;
  if (sla && typeof sla.respondMinutes === 'number' && typeof sla.resolveMinutes === 'number') {
    const counts = sla.counts === 'calendar' ? 'calendar' : 'working';
    return { respondMinutes: sla.respondMinutes, resolveMinutes: sla.resolveMinutes, counts };
  }
  return fallback;
}

function forRoleOf(value: unknown): ForRole | null {
  return (FOR_ROLES as ReadonlyArray<unknown>).includes(value) ? (value as ForRole) : null;
}

/**
 * A reopen that recorded where it was routed (db/tickets/manager-route.ts) hands the ticket to that
 * manager, or to nobody but flagged for the role. The choice is in the event, not made here, so
 * every PC folds the same assignee whatever staff it knows. Reopens recorded before routing existed
 * carry no `route` and leave the ticket with its handler, as they did.
 */
function applyRoute(state: Derived, data: Readonly<Record<string, unknown>>): void {
  const route = data.route as { managerId?: unknown; forRole?: unknown } | undefined;
  if (!route || typeof route !== 'object') return;
  state.assigneeId = text(route.managerId);
  state.forRole = state.assigneeId === null ? forRoleOf(route.forRole) : null;
}

/** What a step does besides moving the status: the facts the lists and the board read. */
function applyEffects(state: Derived, action: MachineAction, event: FoldEvent): void {
  const { data } = event;
  switch (action) {
    case 'assign':
    case 'reassign':
      state.assigneeId = text(data.assigneeId);
      state.forRole = null;
      return;
    case 'follow_up_reopen':
    case 'customer_disagrees':
      applyRoute(state, data);
      return;
    case 'schedule':
    case 'reschedule':
      state.assigneeId = text(data.technicianId);
      state.plannedDate = text(data.plannedDate);
      state.appointmentAt = null;
      return;
    case 'contact_customer':
      state.appointmentAt = text(data.appointmentAt);
      return;
    case 'escalate':
      state.escalatedAt = new Date(event.at).toISOString();
      return;
    case 'wait_customer':
      state.pausedFor = 'customer';
      return;
    case 'wait_parts':
      state.pausedFor = 'parts';
      return;
    case 'resume':
      state.pausedFor = null;
      return;
    case 'promise_reply':
      state.promisedReplyAt = text(data.promisedAt);
      return;
    case 'answer':
      state.promisedReplyAt = null;
      return;
    case 'follow_up_unreached':
      state.followUpDue = text(data.followUpDue) ?? state.followUpDue;
      return;
    case 'resolve':
      state.forRole = null;
      return;
    // Nothing besides moving the status (a first reply stops the respond clock in foldEvents and
    // assigns nobody).
    case 'first_reply':
    case 'void':
    case 'start_investigation':
    case 'propose_solution':
    case 'inform_customer':
    case 'archive':
    case 'verify':
    case 'decline':
    case 'decide_plan':
    case 'customer_confirms':
    case 'customer_declines':
    case 'start_work':
    case 'mark_done':
    case 'replan':
    case 'arrive':
    case 'record_work':
    case 'complete':
    case 'review':
    case 'close':
    case 'follow_up_satisfied':
      return;
    default:
      return exhaustive(action, 'action');
  }
}

/** The derived facts that are also ticket columns (db/tickets/tables.ts), bar the stamp and the flag count. */
export type InitialDerived = Pick<
  Derived,
  | 'status'
  | 'assigneeId'
  | 'escalatedAt'
  | 'pausedFor'
  | 'followUpDue'
  | 'appointmentAt'
  | 'plannedDate'
  | 'promisedReplyAt'
  | 'forRole'
>;

/**
 * A ticket before any step: the machine's first state, nobody assigned, nothing pending. The fold
 * starts from it and the header (header.ts) writes it into the derived columns at intake, so the two
 * cannot drift apart.
 */
export function initialDerived(machine: AnyMachine): InitialDerived {
  return {
    status: machine.initial,
    assigneeId: null,
    escalatedAt: null,
    pausedFor: null,
    followUpDue: null,
    appointmentAt: null,
    plannedDate: null,
    promisedReplyAt: null,
    forRole: null,
  };
}

export function foldEvents(
  machine: AnyMachine,
  events: ReadonlyArray<FoldEvent>,
  location: RepairLocation | null,
  fallbackTargets: SlaTargets,
): Derived {
  const state: Derived = {
    ...initialDerived(machine),
    stateHlc: '',
    flagged: [],
    createdAt: events[0]?.at ?? 0,
    respondedAt: null,
    segments: [],
    targets: fallbackTargets,
    breachesRecorded: new Set(),
  };
  const sorted = [...events].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  let created = false;

  for (const event of sorted) {
    if (event.action === 'create') {
      if (created) state.flagged.push(event.id);
      else {
        created = true;
        state.createdAt = event.at;
        state.targets = targetsFrom(event.data, fallbackTargets);
        state.stateHlc = event.hlc;
        state.segments.push({ start: event.at, status: machine.initial, pausedFor: null });
      }
      continue;
    }
    if (event.action === 'set_priority') state.targets = targetsFrom(event.data, state.targets);
    if (event.action === 'sla_breach' && (event.data.clock === 'respond' || event.data.clock === 'resolve'))
      state.breachesRecorded.add(event.data.clock);
    if (!MACHINE_ACTIONS.has(event.action)) continue;

    const action = event.action as MachineAction;
    const refused = !created || refuseByWorkflow(machine, { ...state, location }, action) !== null;
    const to = stepOf(machine, state.status, action)?.to;
    if (refused || to === undefined) {
      state.flagged.push(event.id);
      continue;
    }
    const before = { status: state.status, pausedFor: state.pausedFor };
    const next = to === 'same' ? state.status : to;
    applyEffects(state, action, event);
    if (machine.followUp !== null && next === machine.followUp && before.status !== next)
      state.followUpDue = text(event.data.followUpDue);
    if (next !== machine.followUp) state.followUpDue = null;
    state.status = next;
    if (isFinal(machine, next)) {
      state.pausedFor = null;
      state.forRole = null;
    }
    // The first response: the first step out of the initial state, or a first reply given at the
    // counter before anyone is made responsible.
    if (
      state.respondedAt === null &&
      before.status === machine.initial &&
      (next !== machine.initial || action === 'first_reply')
    )
      state.respondedAt = event.at;
    if (before.status !== state.status || before.pausedFor !== state.pausedFor) {
      state.segments.push({ start: event.at, status: state.status, pausedFor: state.pausedFor });
    }
    state.stateHlc = event.hlc;
  }
  return state;
}
