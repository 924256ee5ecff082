/** What the tickets area answers with: list rows, the ticket page, the board. No Node imports. */
import type { Tier } from '../customers/contract';
import type { ClockCounts } from './contract-targets';
import type { ComplaintDepartment, TicketForm } from './intake';
import type { ServiceFormSource } from './service-form';
import type { AnyServiceForm, FormAgreement, FormChange } from './signed-changes';
import type { SlaLevel } from './sla';
import type { WarrantyStatus, WarrantyView } from './warranty-status';
import type {
  EventAction,
  ForRole,
  MachineAction,
  PauseReasonName,
  Priority,
  RepairLocation,
  TicketType,
} from './workflow';

export type StaffRef = Readonly<{ id: string; name: string }>;

export type SlaView = Readonly<{
  /** The clock shown: the first response until it is given, then the resolution. */
  clock: 'respond' | 'resolve';
  level: SlaLevel;
  dueAt: string | null;
  /** Working minutes left (negative: overdue by that much). */
  remainingMinutes: number | null;
  respondBreached: boolean;
  resolveBreached: boolean;
}>;

export type TicketListItem = Readonly<{
  id: string;
  number: string;
  type: TicketType;
  status: string;
  priority: Priority;
  channel: string | null;
  category: string | null;
  summary: string;
  customerId: string;
  customerName: string;
  customerTier: Tier;
  assignee: StaffRef | null;
  escalated: boolean;
  pausedFor: PauseReasonName | null;
  location: RepairLocation | null;
  createdAt: string;
  followUpDue: string | null;
  appointmentAt: string | null;
  plannedDate: string | null;
  promisedReplyAt: string | null;
  /** Nobody responsible yet: waiting for every after-sales manager, or the admin (db/tickets/manager-route.ts). */
  forRole: ForRole | null;
  sla: SlaView;
  /**
   * After-sales requests and repairs: the 三包 status judged on the day the ticket was taken (the
   * customer's rights are fixed when they claim them), with the windows' last days.
   */
  sanbao: WarrantyView | null;
}>;

/**
 * A line of the follow-up list: the ticket and the phones to call, in full for roles with
 * `customers.personal`, masked (138****5678) for everyone else — masked here, never in the page.
 */
export type FollowUpItem = TicketListItem & Readonly<{ phones: ReadonlyArray<string> }>;

export type TimelineEntry = Readonly<{
  id: string;
  action: EventAction;
  fromStatus: string | null;
  toStatus: string | null;
  staffName: string | null;
  at: string;
  note: string;
  data: Readonly<Record<string, unknown>>;
  /** Merged from elsewhere and did not fit the workflow: kept, not applied (docs/SYNC.md §2.5). */
  flagged: boolean;
}>;

export type AttachmentMeta = Readonly<{
  id: string;
  fileName: string;
  mime: string;
  size: number;
  caption: string;
  createdAt: string;
  createdByName: string | null;
}>;

export type SignatureView = Readonly<{
  id: string;
  eventId: string;
  signerName: string;
  width: number;
  height: number;
  strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** The form as signed (an older version's signatures keep theirs: 'repair-service-form/1'). */
  form: AnyServiceForm;
  formHash: string;
  signedAt: string;
  /** The stored form still hashes to the stored hash. */
  intact: boolean;
  /** The form rebuilt from the ticket as it stands is the one signed (db/tickets/signature-check.ts). */
  matches: boolean;
  /** What changed since signing, when it no longer matches. */
  changes: ReadonlyArray<FormChange>;
}>;

export type ClockView = Readonly<{
  targetMinutes: number;
  state: 'running' | 'paused' | 'stopped';
  elapsedMinutes: number;
  dueAt: string | null;
  breachedAt: string | null;
}>;

/** A ticket linked to this one: the repair job an after-sales plan opened, or the request it came from. */
export type LinkedTicket = Readonly<{ id: string; number: string; type: TicketType; status: string; isOpen: boolean }>;

export type ProductRef = Readonly<{
  id: string;
  label: string;
  serial: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
}>;

export type TicketDetail = TicketListItem &
  Readonly<{
    form: TicketForm;
    product: ProductRef | null;
    warranty: WarrantyStatus | null;
    createdByName: string | null;
    /** Send it back with a step or an edit: if the ticket changed meanwhile, the call is refused. */
    version: string;
    /** The steps the signed-in staff member can take now. */
    allowedSteps: ReadonlyArray<MachineAction>;
    clocks: Readonly<{ respond: ClockView; resolve: ClockView }>;
    /** What the clocks count: the store's working hours, or calendar hours around the clock. */
    clockCounts: ClockCounts;
    /** A complaint: whom it is about (the form's `about`), with the person's name; null for other types. */
    about: AboutView | null;
    timeline: ReadonlyArray<TimelineEntry>;
    attachments: ReadonlyArray<AttachmentMeta>;
    signatures: ReadonlyArray<SignatureView>;
    /** Repairs: whether the latest signature still binds the ticket (null: nothing signed yet). */
    formAgreement: FormAgreement | null;
    flaggedEvents: number;
    /** For repairs: what the service form is built from (with the completion text) when signing. */
    serviceFormSource: ServiceFormSource | null;
    /** For repairs: the completion text as the ticket now says it, to sign the current form again. */
    currentWork: Readonly<{ workDone: string; result: string }> | null;
    /** The customer's phones: in full, or masked (and `form` without the address) when `contactHidden` (visit-contact.ts). */
    customerPhones: ReadonlyArray<string>;
    contactHidden: boolean;
    /** After-sales: the plan last decided ('repair' opens a repair job when the work starts). */
    plan: 'replace' | 'repair' | 'refund' | null;
    /** After-sales: the repair job opened from it. Repair: the after-sales request it came from. */
    repairJob: LinkedTicket | null;
    sourceRequest: LinkedTicket | null;
  }>;

export type AboutView =
  | Readonly<{ kind: 'none' }>
  | Readonly<{ kind: 'staff'; staffId: string; name: string }>
  | Readonly<{ kind: 'department'; department: ComplaintDepartment }>;

/** Someone a repair can be scheduled to, and their load (db/tickets/board.ts). */
export type TechnicianLoad = Readonly<{
  id: string;
  name: string;
  role: 'technician' | 'repair_lead';
  /** Open repairs assigned to them. */
  open: number;
  /** Of those, on today: an appointment today, or planned for today without one. */
  today: number;
  /** Today's jobs at the standard hours per job (STANDARD_JOB_HOURS): an estimate. */
  hoursBooked: number;
}>;

export type RepairBoard = Readonly<{
  /** Urgency first, then the nearest deadline; at most BOARD_JOB_LIMIT of `total`. */
  jobs: ReadonlyArray<TicketListItem>;
  total: number;
  technicians: ReadonlyArray<TechnicianLoad>;
  today: string;
}>;

/** A job on the week calendar: its local day, and its appointment's local time (null: planned only). */
export type CalendarJob = TicketListItem & Readonly<{ day: string; time: string | null }>;

export type BoardWeek = Readonly<{
  /** The Monday, and the seven local dates from it. */
  from: string;
  days: ReadonlyArray<string>;
  today: string;
  jobs: ReadonlyArray<CalendarJob>;
  /** More jobs than one read returns (WEEK_JOB_LIMIT) fall in this week. */
  truncated: boolean;
}>;

/** A job on a technician's own list: the visit address only on their own on-site jobs. */
export type MyJob = TicketListItem & Readonly<{ address: string | null; overdue: boolean; time: string | null }>;

/** A requisition for one of their open jobs that has not been fully issued yet. */
export type PartsWaiting = Readonly<{
  id: string;
  number: string;
  status: 'requested' | 'approved' | 'partly_issued';
  requestedAt: string;
  ticketId: string;
  ticketNumber: string;
  lines: number;
}>;

export type MyJobsToday = Readonly<{
  today: string;
  /** Overdue first, then by appointment time; planned jobs without a time after those. */
  jobs: ReadonlyArray<MyJob>;
  partsWaiting: ReadonlyArray<PartsWaiting>;
}>;

export type TodayFigures = Readonly<{
  today: string;
  open: number;
  breached: number;
  dueToday: number;
  /** Open tickets waiting for the manager: reopened complaints and those routed to the manager. */
  forManager: number;
  /** Follow-up ratings recorded this store-local week (Monday to Sunday). */
  satisfaction: Readonly<{ weekFrom: string; weekTo: string; ratings: number; average: number | null; low: number }>;
}>;

export type DuePanel = Readonly<{
  breached: ReadonlyArray<TicketListItem>;
  dueToday: ReadonlyArray<TicketListItem>;
  today: string;
}>;

/** `region`: the region the day comes from (head office's); null: the store's own day, which wins. */
export type HolidayView = Readonly<{ date: string; kind: 'closed' | 'workday'; name: string; region: string | null }>;

export type TicketSettingsView = Readonly<{ followUpDays: number; timeZone: string; region: string }>;
