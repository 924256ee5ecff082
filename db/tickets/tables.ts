/**
 * Table types of the service tickets (migration 0003), joined into `DB` in db/schema.ts.
 *
 * A ticket is a header (last writer wins per field, docs/SYNC.md §2.5) plus an append-only event log.
 * The columns marked "derived" are a cache of the fold over the events (db/tickets/derive.ts),
 * rewritten in the same transaction as each event and rebuildable at any time; they are never
 * sent in the change log, because the receiving side derives them from the events it gets.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { Tier } from '../customers/contract';
import type { ClockCounts } from './contract-targets';
import type { ForRole, PauseReasonName, Priority, TicketType } from './workflow';

export type TicketTable = {
  id: string;
  /** S012-2-20261123-0042: store code, counter number, local date, the counter's daily sequence. */
  number: string;
  storeId: string;
  customerId: string;
  /** The customer's registered product (db/customers); null for goods not registered. */
  productId: string | null;
  type: TicketType;
  priority: Priority;
  channel: string | null;
  /** Complaint or feedback category; null for the other types. */
  category: string | null;
  /** One line for lists: the question, what happened, the fault. */
  summary: string;
  /** JSON: the type's intake form (db/tickets/intake.ts), validated by its schema. */
  form: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The after-sales ticket this repair job was opened from (migration 0011); null otherwise. */
  parentTicketId: string | null;
  /** HLC of the last header change (the LWW stamp). */
  hlc: string;
  /** Derived: the workflow state. */
  status: string;
  /** Derived: 1 until the ticket reaches a final state of its workflow. */
  isOpen: number;
  /** Derived: the responsible person (the technician, for repairs). */
  assigneeId: string | null;
  /** Derived: escalated to the after-sales manager. */
  escalatedAt: string | null;
  /** Derived: waiting for the customer or for parts (the SLA clock is paused). */
  pausedFor: PauseReasonName | null;
  /** Derived: local date (YYYY-MM-DD) the follow-up call is due. */
  followUpDue: string | null;
  /** Derived: the repair appointment agreed with the customer (ISO). */
  appointmentAt: string | null;
  /** Derived: the repair's planned local date (YYYY-MM-DD), set when scheduled. */
  plannedDate: string | null;
  /** Derived: the consultation's promised reply time (ISO). */
  promisedReplyAt: string | null;
  /** Derived (migration 0019): a reopened complaint waiting for every after-sales manager, or for the admin. */
  forRole: ForRole | null;
  /** Derived: HLC of the last event that changed the state: with `hlc`, the ticket's version. */
  stateHlc: string;
  /** Derived: events that did not fit the workflow when merged (docs/SYNC.md §2.5), kept for review. */
  flaggedEvents: number;
};

/** Append-only: never updated or deleted. The ticket's state is the fold of these in HLC order. */
export type TicketEventTable = {
  id: string;
  ticketId: string;
  /** A workflow action of the ticket's machine, or an annotation (note, attach, sla_breach). */
  action: string;
  /** The status before and after, as the writer saw them (the fold recomputes them). */
  fromStatus: string | null;
  toStatus: string | null;
  staffId: string | null;
  /** When, from the event's HLC stamp, so a PC clock set back cannot reorder a ticket's history. */
  at: string;
  note: string;
  /** JSON of the action's data (assignee, plan, appointment, rating, …). */
  data: string;
  hlc: string;
};

/** Local, derived from the events and the store calendar: never synced, rebuilt when hours change. */
export type TicketSlaTable = {
  ticketId: string;
  respondTargetMinutes: number;
  resolveTargetMinutes: number;
  respondedAt: string | null;
  respondDueAt: string | null;
  respondBreachedAt: string | null;
  resolvedAt: string | null;
  resolveDueAt: string | null;
  resolveBreachedAt: string | null;
  /** The running clock's next deadline and the moment it turns "near breach"; null when paused or done. */
  nextDueAt: string | null;
  warnAt: string | null;
  /** Fingerprint of the calendar the deadlines were computed in: a change of hours or holidays shows. */
  calendarKey: string;
  computedAt: string;
  /** The clock the deadlines count in (migration 0016): the target's `counts`. */
  clockCounts: Generated<ClockCounts>;
};

export type TicketAttachmentTable = {
  id: string;
  ticketId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  caption: string;
  createdBy: string | null;
  createdAt: string;
  hlc: string;
};

/** The customer's signature on a service form, bound to the SHA-256 of the form's canonical JSON. */
export type TicketSignatureTable = {
  id: string;
  ticketId: string;
  /** The event (e.g. the repair's `complete`) the signature was given for. */
  eventId: string;
  signerName: string;
  /** JSON: strokes of [x, y] points on a pad of `width`×`height`, redrawable as SVG for printing. */
  strokes: string;
  width: number;
  height: number;
  formJson: string;
  formHash: string;
  signedAt: string;
  hlc: string;
};

/** Closed days and make-up working days (调休) on top of the store's weekly working days. */
export type HolidayTable = {
  date: string;
  kind: 'closed' | 'workday';
  name: string;
  updatedAt: string;
  hlc: string;
};

/** The service desk's store settings: one row, keyed by the store id. */
export type TicketSettingsTable = {
  storeId: string;
  /** N in "follow up within N working days" (docs/DOMAIN.md §6). */
  followUpDays: number;
  /** IANA zone the store's hours and dates are in. */
  timeZone: string;
  /** The region whose holidays the calendar starts from (migration 0016), e.g. `CN` or `CN-GD`. */
  region: Generated<string>;
  updatedAt: string;
  hlc: string;
};

/** Reply and resolution minutes per type × priority × tier (migration 0007); id is `type:priority:tier`. */
export type SlaTargetTable = {
  id: string;
  ticketType: TicketType;
  priority: Priority;
  tier: Tier;
  replyMinutes: number;
  resolveMinutes: number;
  /** Working hours (the store's calendar) or calendar hours (24/7), migration 0016. */
  counts: Generated<ClockCounts>;
  updatedAt: string;
  hlc: string;
};

/** Head office's closed days and make-up working days per region (migration 0016); id is `region:date`. */
export type RegionHolidayTable = {
  id: string;
  region: string;
  date: string;
  kind: 'closed' | 'workday';
  name: string;
  updatedAt: string;
  hlc: string;
};

export type TicketTables = {
  /** Tickets a snapshot brought, folded once at its end (migration 0009; db/tickets/sync-hooks.ts). */
  ticketBacklog: { ticketId: string };
  ticket: TicketTable;
  ticketEvent: TicketEventTable;
  ticketSla: TicketSlaTable;
  ticketAttachment: TicketAttachmentTable;
  ticketSignature: TicketSignatureTable;
  holiday: HolidayTable;
  ticketSettings: TicketSettingsTable;
  slaTarget: SlaTargetTable;
  regionHoliday: RegionHolidayTable;
};

export type TicketRow = Selectable<TicketTable>;
export type NewTicketRow = Insertable<TicketTable>;
export type TicketEventRow = Selectable<TicketEventTable>;
export type TicketSlaRow = Selectable<TicketSlaTable>;
export type HolidayRow = Selectable<HolidayTable>;
