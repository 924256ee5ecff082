/**
 * The console's messages page (docs/architecture/sms-templates.md): the messages head office could
 * not deliver, retry and cancel, and the provider's approved template code per event. Shared by
 * head office's routes and the console.
 */
import { z } from 'zod';

/** The counter's message events (db/messages/contract.ts MESSAGE_EVENTS), as head office sends them. */
export const SMS_EVENTS = [
  'ticket_received',
  'estimate_ready',
  'appointment_booked',
  'appointment_changed',
  'ready_for_pickup',
  'job_done',
  'follow_up',
] as const;
export type SmsEvent = (typeof SMS_EVENTS)[number];

/** The named variables an approved template of each event may use, sent as its TemplateParam. */
export const TEMPLATE_VARIABLES: Readonly<Record<SmsEvent, ReadonlyArray<TemplateVariable>>> = {
  ticket_received: ['store', 'ticket'],
  estimate_ready: ['store', 'ticket', 'storePhone'],
  appointment_booked: ['store', 'ticket', 'time'],
  appointment_changed: ['store', 'ticket', 'time'],
  ready_for_pickup: ['store', 'ticket'],
  job_done: ['store', 'ticket'],
  follow_up: ['store', 'ticket'],
};
export type TemplateVariable = 'store' | 'ticket' | 'time' | 'storePhone';

/** An Alibaba Cloud template code as its console shows it. */
export const templateCodeSchema = z
  .string()
  .trim()
  .regex(/^SMS_\d{3,20}$/, 'template_code_format');

export const saveTemplateSchema = z.object({
  event: z.enum(SMS_EVENTS),
  /** Empty: the event has no template any more (its messages are refused with `no_template_code`). */
  templateCode: z.union([templateCodeSchema, z.literal('')]),
});

export type TemplateRow = Readonly<{
  event: SmsEvent;
  variables: ReadonlyArray<TemplateVariable>;
  templateCode: string;
  updatedBy: string | null;
  updatedAt: string | null;
}>;

/** What the page lists: the messages not delivered, or every one still in the outbox. */
export const PROBLEM_STATUSES = ['failed', 'queued', 'sending'] as const;

export const problemQuerySchema = z.object({
  status: z.enum(PROBLEM_STATUSES).default('failed'),
  storeId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `updatedAt|messageId` of the last row of the page before. */
  after: z.string().max(120).optional(),
});

export type ProblemMessage = Readonly<{
  messageId: string;
  storeId: string;
  storeCode: string;
  storeName: string;
  event: string;
  status: string;
  attempts: number;
  lastError: string;
  /** Masked (`138****1111`) unless the role may see customers in full. */
  phone: string;
  /** The text, in full only for a role that may see customers in full; otherwise null. */
  body: string | null;
  nextAttemptAt: string | null;
  updatedAt: string;
}>;

export type ProblemPage = Readonly<{ rows: ReadonlyArray<ProblemMessage>; next: string | null }>;

export const messageActionSchema = z.object({ reason: z.string().trim().min(1).max(200) });
