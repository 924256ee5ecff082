/** The tickets area of the desk API: schemas, result types, access. No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import type { StaffSummary } from '../staff/contract';
import { method } from '../contract';
import { localDate, requiredText, optionalText, ticketIntakeSchema } from './intake';
import { ticketTargetsContract } from './contract-targets';
import { ticketReportsContract } from './contract-reports';
import { followUpSchema, stepSchema } from './step-input';
import type { DuePanel, HolidayView, RepairBoard, TicketDetail, TicketListItem, TicketSettingsView } from './views';
import { ALL_STATUSES, TICKET_TYPES } from './workflow';

const id = z.uuid({ error: 'invalid_value' });
/** The `version` of the ticket the caller saw (TicketDetail.version). */
const version = textInput({ error: 'invalid_value' }).min(1, 'invalid_value').max(200, 'invalid_value');

export const QUEUES = ['open', 'mine', 'unassigned', 'due_soon', 'breached', 'waiting_parts', 'waiting_customer', 'follow_up', 'escalated', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

export const ticketQueueSchema = z.object({
  queue: z.enum(QUEUES, { error: 'invalid_value' }).default('open'),
  type: z.enum(TICKET_TYPES, { error: 'invalid_value' }).optional(),
  status: z.enum(ALL_STATUSES as [string, ...string[]], { error: 'invalid_value' }).optional(),
  category: textInput().trim().max(40).optional(),
  /** The responsible person, or the technician for repairs. */
  assigneeId: id.optional(),
  customerId: id.optional(),
  /** Created on or after / on or before these local dates. */
  from: localDate.optional(),
  to: localDate.optional(),
  /** Part of the ticket number or of the summary. */
  text: textInput().trim().max(40, 'too_long').optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type TicketQueueInput = z.input<typeof ticketQueueSchema>;

export const ticketActSchema = z.object({ ticketId: id, version, step: stepSchema });
export type TicketActInput = z.input<typeof ticketActSchema>;

export const ticketUpdateSchema = z.object({ id, version, intake: ticketIntakeSchema });

/** Photos of the goods and other evidence (see db/tickets/attachments.ts for the limits and why). */
export const ATTACHMENT_MAX_BYTES = 640 * 1024;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ticketAttachSchema = z.object({
  ticketId: id,
  fileName: requiredText(120),
  mime: z.enum(ATTACHMENT_TYPES, { error: 'attachment_type' }),
  // base64 of at most ATTACHMENT_MAX_BYTES: 4 characters per 3 bytes.
  dataBase64: z
    .string()
    .min(1, 'required')
    .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4, 'attachment_too_large')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'invalid_value'),
  caption: optionalText(200),
});
export type TicketAttachInput = z.input<typeof ticketAttachSchema>;

export const ticketSettingsSchema = z.object({
  followUpDays: z.number({ error: 'follow_up_days_range' }).int('follow_up_days_range').min(1, 'follow_up_days_range').max(30, 'follow_up_days_range'),
  timeZone: requiredText(60),
});
export type TicketSettingsInput = z.input<typeof ticketSettingsSchema>;

export const holidaySchema = z.object({
  date: localDate,
  /** closed: a public holiday the desk is shut; workday: a make-up working day (调休) on a weekend. */
  kind: z.enum(['closed', 'workday'], { error: 'invalid_value' }),
  name: optionalText(40),
});
export type HolidayInput = z.input<typeof holidaySchema>;

export const ticketsContract = {
  ...ticketTargetsContract,
  ...ticketReportsContract,
  /** Take a ticket at the counter: consultation, complaint, after-sales request, repair or feedback. */
  'tickets.create': method<TicketDetail>()({ input: ticketIntakeSchema, access: 'tickets.intake', mutates: true }),
  /** Correct the intake details (refused with `conflict` if the ticket changed since `version`). */
  'tickets.update': method<TicketDetail>()({ input: ticketUpdateSchema, access: 'tickets.intake', mutates: true }),
  /** One ticket: details, SLA clocks, timeline, attachments, signatures, and the steps you may take. */
  'tickets.get': method<TicketDetail>()({ input: z.object({ id }), access: 'tickets.read', mutates: false }),
  /** A work queue (mine, unassigned, due soon, breached, waiting, follow-up…) with filters. */
  'tickets.queue': method<{ items: ReadonlyArray<TicketListItem>; total: number }>()({ input: ticketQueueSchema, access: 'tickets.read', mutates: false }),
  /** Take one step of the ticket's workflow; refused, changing nothing, if not allowed or stale. */
  'tickets.act': method<TicketDetail>()({ input: ticketActSchema, access: 'tickets.work', mutates: true }),
  /** Add a note to the timeline (any open ticket; notes never conflict). */
  'tickets.note': method<TicketDetail>()({ input: z.object({ ticketId: id, note: requiredText(2000) }), access: 'tickets.work', mutates: true }),
  /** Attach a photo of the goods, a receipt, or other evidence. */
  'tickets.attach': method<TicketDetail>()({ input: ticketAttachSchema, access: 'tickets.work', mutates: true }),
  /** One attachment's content, to show or save it. */
  'tickets.attachment': method<{ id: string; fileName: string; mime: string; dataBase64: string }>()({ input: z.object({ id }), access: 'tickets.read', mutates: false }),
  /** Active staff who can be made responsible for a ticket, with their roles. */
  'tickets.staff': method<ReadonlyArray<StaffSummary>>()({ input: z.object({}), access: 'tickets.read', mutates: false }),
  /** The repair lead's board: open repairs by urgency and due time, and each technician's load. */
  'tickets.board': method<RepairBoard>()({ input: z.object({}), access: 'tickets.read', mutates: false }),
  /** A technician's day: the appointments and planned jobs on one local date. */
  'tickets.technicianDay': method<{ date: string; jobs: ReadonlyArray<TicketListItem> }>()({
    input: z.object({ technicianId: id, date: localDate }),
    access: 'tickets.read',
    mutates: false,
  }),
  /** The counter's glance: what is breached, and what falls due today. */
  'tickets.duePanel': method<DuePanel>()({ input: z.object({}), access: 'tickets.read', mutates: false }),
  /** Customer service's follow-up list: calls due after repairs, after-sales and complaints, and promised replies. */
  'tickets.followUps': method<{ items: ReadonlyArray<TicketListItem>; today: string }>()({ input: z.object({}), access: 'tickets.read', mutates: false }),
  /** Record a follow-up call; a low rating or an unsolved problem reopens the ticket to the manager. */
  'tickets.recordFollowUp': method<TicketDetail>()({ input: followUpSchema, access: 'tickets.work', mutates: true }),
  /** Record, as events, the SLA breaches that happened since a ticket last moved (they count in reports). */
  'tickets.recordBreaches': method<{ recorded: number }>()({ input: z.object({}), access: 'tickets.read', mutates: true }),
  /** The follow-up interval and the store's time zone. */
  'tickets.settings': method<TicketSettingsView>()({ input: z.object({}), access: 'tickets.read', mutates: false }),
  'tickets.updateSettings': method<TicketSettingsView>()({ input: ticketSettingsSchema, access: 'tickets.settings', mutates: true }),
  /** Closed holidays and make-up working days of one year. */
  'tickets.holidays': method<ReadonlyArray<HolidayView>>()({ input: z.object({ year: z.number().int().min(2000).max(2100) }), access: 'tickets.read', mutates: false }),
  'tickets.saveHoliday': method<ReadonlyArray<HolidayView>>()({ input: holidaySchema, access: 'tickets.settings', mutates: true }),
  'tickets.removeHoliday': method<ReadonlyArray<HolidayView>>()({ input: z.object({ date: localDate }), access: 'tickets.settings', mutates: true }),
};
