/**
 * The words of the ticket workflows (docs/DOMAIN.md §2–§6): types, states and actions, and the shape
 * of a state machine. No Node imports: the renderer names buttons and states from these lists.
 * The machines themselves are in db/tickets/machines/, one per type.
 */
import type { Role } from '../staff/roles';

export const TICKET_TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = {
  consultation: ['recorded', 'awaiting_reply', 'answered', 'voided'],
  complaint: [
    'recorded',
    'assigned',
    'investigating',
    'solution_proposed',
    'follow_up',
    'reopened',
    'resolved',
    'archived',
    'voided',
  ],
  aftersales: [
    'requested',
    'verified',
    'plan_decided',
    'confirmed',
    'in_progress',
    'follow_up',
    'reopened',
    'closed',
    'declined',
    'voided',
  ],
  repair: ['received', 'scheduled', 'appointment_set', 'in_repair', 'follow_up', 'reopened', 'closed', 'voided'],
  feedback: ['recorded', 'reviewed', 'closed', 'voided'],
} as const satisfies Record<TicketType, ReadonlyArray<string>>;

export type StatusOf<T extends TicketType> = (typeof STATUSES)[T][number];
export type TicketStatus = StatusOf<TicketType>;
export const ALL_STATUSES: ReadonlyArray<TicketStatus> = [...new Set(Object.values(STATUSES).flat())];

/** Steps a staff member takes through `tickets.act`. */
export const ACTIONS = [
  'assign',
  'reassign',
  'escalate',
  'wait_customer',
  'wait_parts',
  'resume',
  'void',
  // consultation
  'answer',
  'promise_reply',
  // complaint
  'first_reply',
  'start_investigation',
  'propose_solution',
  'inform_customer',
  'customer_disagrees',
  'resolve',
  'archive',
  // after-sales
  'verify',
  'decline',
  'decide_plan',
  'customer_confirms',
  'customer_declines',
  'start_work',
  'mark_done',
  'replan',
  // repair
  'schedule',
  'contact_customer',
  'arrive',
  'record_work',
  'complete',
  'reschedule',
  // feedback
  'review',
  'close',
] as const;
export type StepAction = (typeof ACTIONS)[number];

/** Outcomes of the follow-up call (`tickets.recordFollowUp` picks one from what the call found). */
export const FOLLOW_UP_ACTIONS = ['follow_up_satisfied', 'follow_up_reopen', 'follow_up_unreached'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export type MachineAction = StepAction | FollowUpAction;

/** Events that annotate a ticket without moving it: never part of a machine. */
export const ANNOTATIONS = [
  'create',
  'note',
  'attach',
  'sign',
  /** A lead accepts that the signed form changed, with the reason in the note (db/tickets/signature-check.ts). */
  'accept_form_change',
  'set_priority',
  'sla_breach',
] as const;
export type Annotation = (typeof ANNOTATIONS)[number];
export type EventAction = MachineAction | Annotation;

/**
 * Whom a reopened complaint waits for when no single manager could be made responsible
 * (db/tickets/manager-route.ts): every after-sales manager, or, in a store without one, the admin.
 */
export const FOR_ROLES = ['aftersales_manager', 'admin'] as const;
export type ForRole = (typeof FOR_ROLES)[number];

/** While a ticket waits for the customer or for parts, only these steps are possible. */
export const WHILE_PAUSED: ReadonlyArray<MachineAction> = ['resume', 'reassign', 'escalate', 'void'];

export const REPAIR_LOCATIONS = ['in_store', 'on_site'] as const;
export type RepairLocation = (typeof REPAIR_LOCATIONS)[number];

/** Waiting for the customer or for parts: the SLA clock stops meanwhile. */
export type PauseReasonName = 'customer' | 'parts';

export type Step<S extends string> = Readonly<{
  /** The state after the step; 'same' for steps that do not move the ticket (reassign, escalate, pause). */
  to: S | 'same';
  roles: ReadonlyArray<Role>;
  /** The ticket's assignee may take this step whatever their role. */
  assignee?: boolean;
  /** Only for repairs done at this location. */
  location?: RepairLocation;
}>;

export type Machine<T extends TicketType> = Readonly<{
  type: T;
  initial: StatusOf<T>;
  /** state → action → step. A pair that is not listed is not allowed: that is the whole rule. */
  steps: Readonly<Record<StatusOf<T>, Readonly<Partial<Record<MachineAction, Step<StatusOf<T>>>>>>>;
  /** The work is done (the resolution clock stops; a reopen starts it again). */
  resolved: ReadonlyArray<StatusOf<T>>;
  /** Entering this state schedules the follow-up call N working days later. */
  followUp: StatusOf<T> | null;
  /** Nothing more happens. */
  final: ReadonlyArray<StatusOf<T>>;
}>;

export type AnyMachine = { [T in TicketType]: Machine<T> }[TicketType];
