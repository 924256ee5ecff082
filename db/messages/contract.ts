/**
 * Customer messages: the shared vocabulary of the counter's outbox (db/messages/queue.ts) and head
 * office's sender. Pure TypeScript, no Node imports: head office, the counter and the renderer use it.
 */

/** What happened on the ticket that the customer is told about. */
export const MESSAGE_EVENTS = [
  'ticket_received',
  'estimate_ready',
  'appointment_booked',
  'appointment_changed',
  'ready_for_pickup',
  'job_done',
  'follow_up',
] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

export const MESSAGE_CHANNELS = ['sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const DELIVERY_STATUSES = ['sending', 'sent', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A stored message body is at most this long (the column's check); a rendered template, TEMPLATE_MAX_CHARS. */
export const MESSAGE_BODY_MAX = 500;
export const TEMPLATE_MAX_CHARS = 300;
export const REPLY_BODY_MAX = 200;

/** The outbox row as sync carries it (entity `customer_message`, owner store, scope store). */
export type CustomerMessageFields = Readonly<{
  id: string;
  ticketId: string;
  customerId: string;
  event: MessageEvent;
  channel: MessageChannel;
  /** The full number to send to (a mainland mobile, 11 digits). */
  phone: string;
  language: MessageLanguage;
  body: string;
  /** ISO instant: not sent before this (the store's quiet hours, already applied). */
  notBefore: string;
  createdAt: string;
  createdBy: string | null;
  cancelledAt: string | null;
  cancelReason: string;
}>;

/** Head office's sending state of one message (entity `message_delivery`, owner hq, keyed by the message id). */
export type MessageDeliveryFields = Readonly<{
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  /** `log` (written to head office's log only), `aliyun`, … */
  provider: string;
  providerMessageId: string;
  /** A short code (`timeout`, `rejected:isv.MOBILE_NUMBER_ILLEGAL`), never personal data. */
  lastError: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}>;

/** What the customer texted back (entity `message_reply`, owner hq, scope the message's store). */
export type MessageReplyFields = Readonly<{
  id: string;
  messageId: string;
  ticketId: string;
  body: string;
  /** 1–5 parsed from the reply to a follow-up message; null otherwise. */
  rating: number | null;
  receivedAt: string;
}>;

/** Why `enqueueTicketMessage` queued nothing. */
export const NOT_QUEUED_REASONS = [
  'do_not_contact',
  'no_consent',
  'prefers_other_channel',
  'no_mobile',
  'already_queued',
  'ticket_missing',
] as const;
export type NotQueuedReason = (typeof NOT_QUEUED_REASONS)[number];
