/** The tickets area of the desk API: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { localDate, requiredText, optionalText, ticketIntakeSchema } from './intake';
import { stepSchema } from './step-input';
import { ALL_STATUSES, TICKET_TYPES } from './workflow';

const id = z.uuid({ error: 'invalid_value' });
/** The `version` of the ticket the caller saw (TicketDetail.version). */
const version = textInput({ error: 'invalid_value' }).min(1, 'invalid_value').max(200, 'invalid_value');

export const QUEUES = [
  'open',
  'mine',
  'unassigned',
  'due_soon',
  'breached',
  'due_today',
  'waiting_parts',
  'waiting_customer',
  'follow_up',
  'escalated',
  /** Complaints sent back to the manager: reopened, or waiting for a manager or the admin to take them. */
  'for_manager',
  'all',
] as const;
export type Queue = (typeof QUEUES)[number];

export const ticketQueueSchema = z.object({
  queue: z.enum(QUEUES, { error: 'invalid_value' }).default('open'),
  type: z.enum(TICKET_TYPES, { error: 'invalid_value' }).optional(),
  status: z.enum(ALL_STATUSES as [string, ...string[]], { error: 'invalid_value' }).optional(),
  category: textInput().trim().max(40, 'too_long').optional(),
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

/**
 * A holiday region: a country (`CN`, its national days) or one of its provinces (`CN-GD`), whose
 * own days add to the country's. ISO 3166-1/-2 style codes.
 */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** The regions a store's calendar reads, national first: `CN-GD` → `CN`, `CN-GD`. */
export function regionChain(region: string): string[] {
  const country = region.slice(0, 2);
  return region === country ? [country] : [country, region];
}

export const ticketSettingsSchema = z.object({
  followUpDays: z
    .number({ error: 'follow_up_days_range' })
    .int('follow_up_days_range')
    .min(1, 'follow_up_days_range')
    .max(30, 'follow_up_days_range'),
  timeZone: requiredText(60),
  region: z.string({ error: 'invalid_value' }).regex(REGION_CODE, 'invalid_value').default('CN'),
});
export type TicketSettingsInput = z.input<typeof ticketSettingsSchema>;

export const holidaySchema = z.object({
  date: localDate,
  /** closed: a public holiday the desk is shut; workday: a make-up working day (调休) on a weekend. */
  kind: z.enum(['closed', 'workday'], { error: 'invalid_value' }),
  name: optionalText(40),
});
export type HolidayInput = z.input<typeof holidaySchema>;

export const ticketGetSchema = z.object({ id });
export const ticketNoteSchema = z.object({ ticketId: id, note: requiredText(2000) });
export const attachmentGetSchema = z.object({ id });
export const technicianDaySchema = z.object({ technicianId: id, date: localDate });
/** The week of the board's calendar: any day in it (the week runs Monday to Sunday). */
export const boardWeekSchema = z.object({ date: localDate });
export const holidayYearSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export const holidayRemoveSchema = z.object({ date: localDate });
