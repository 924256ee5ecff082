/**
 * Reading a machine: which step an action is from a state, and whether this staff member may take
 * it now. The machines are data (db/tickets/machines/); this is the one place that reads them, for
 * both the write path (reject with a clear reason, change nothing) and the fold over merged events.
 */
import type { MessageKey } from '../messages';
import type { Role } from '../staff/roles';
import {
  ACTIONS,
  FOLLOW_UP_ACTIONS,
  WHILE_PAUSED,
  type AnyMachine,
  type MachineAction,
  type PauseReasonName,
  type RepairLocation,
  type Step,
} from './workflow';

export function stepOf(machine: AnyMachine, status: string, action: MachineAction): Step<string> | undefined {
  const byState = (
    machine.steps as Readonly<Record<string, Readonly<Partial<Record<MachineAction, Step<string>>>> | undefined>>
  )[status];
  return byState?.[action];
}

export function isFinal(machine: AnyMachine, status: string): boolean {
  return (machine.final as ReadonlyArray<string>).includes(status);
}

export function isResolved(machine: AnyMachine, status: string): boolean {
  return (machine.resolved as ReadonlyArray<string>).includes(status) || isFinal(machine, status);
}

/** What the step needs to know about the ticket as it stands. */
export type StepState = Readonly<{
  status: string;
  assigneeId: string | null;
  pausedFor: PauseReasonName | null;
  escalatedAt: string | null;
  location: RepairLocation | null;
  /** When the first response was given (epoch ms); a first reply is given once. */
  respondedAt: number | null;
}>;

export type StepRefusal = Readonly<{ code: 'validation' | 'permission_denied'; key: MessageKey }>;

/** Whether the workflow allows the action now, leaving aside who asks. */
export function refuseByWorkflow(machine: AnyMachine, state: StepState, action: MachineAction): StepRefusal | null {
  if (isFinal(machine, state.status)) return { code: 'validation', key: 'ticket_final' };
  const step = stepOf(machine, state.status, action);
  if (!step) return { code: 'validation', key: 'ticket_step_invalid' };
  if (step.location && state.location !== step.location)
    return { code: 'validation', key: 'ticket_step_wrong_location' };
  if (state.pausedFor !== null && !WHILE_PAUSED.includes(action)) return { code: 'validation', key: 'ticket_paused' };
  if (action === 'resume' && state.pausedFor === null) return { code: 'validation', key: 'ticket_not_paused' };
  if (action === 'escalate' && state.escalatedAt !== null)
    return { code: 'validation', key: 'ticket_already_escalated' };
  if (action === 'first_reply' && state.respondedAt !== null)
    return { code: 'validation', key: 'ticket_already_replied' };
  return null;
}

/** Whether the workflow allows it and this staff member may take it (by role, or as the assignee). */
export function refuseStep(
  machine: AnyMachine,
  state: StepState,
  action: MachineAction,
  actor: { staffId: string; role: Role },
): StepRefusal | null {
  const byWorkflow = refuseByWorkflow(machine, state, action);
  if (byWorkflow) return byWorkflow;
  const step = stepOf(machine, state.status, action)!;
  const asAssignee = step.assignee === true && state.assigneeId !== null && state.assigneeId === actor.staffId;
  if (!step.roles.includes(actor.role) && !asAssignee)
    return { code: 'permission_denied', key: 'ticket_role_not_allowed' };
  return null;
}

/** The steps this staff member can take now: the ticket page shows exactly these. */
export function allowedSteps(
  machine: AnyMachine,
  state: StepState,
  actor: { staffId: string; role: Role },
): MachineAction[] {
  return [...ACTIONS, ...FOLLOW_UP_ACTIONS].filter((action) => refuseStep(machine, state, action, actor) === null);
}
