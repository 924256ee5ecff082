/**
 * Queuing a message to the customer about their ticket, in the caller's transaction: the customer's
 * consent and do-not-contact decide whether anything is queued, their language which template, the
 * store's quiet hours when it may go out. The row is the outbox head office sends from
 * (docs/architecture/customer-messages.md); it works offline like any other write.
 *
 * One message per ticket, event and occasion (the appointment's time, the follow-up's due date):
 * the message id is derived from the three, so asking twice, or on two PCs of the store, queues it
 * once.
 */
import { v5 as uuidV5 } from 'uuid';
import { newId } from '../ids';
import { insertRecorded, type TxContext } from '../sync/change-log';
import { zonedInstant } from '../tickets/calendar';
import type { MessageEvent, MessageLanguage, NotQueuedReason } from './contract';
import { firstSendable, type QuietHours } from './quiet-hours';
import { loadQuietHours, loadTemplate } from './settings';
import { CHECK_HINT, renderTemplate } from './templates';
import type { CustomerMessageRow } from './tables';

/** Namespace of the derived message ids (a fixed random UUID: only ids made from it must not collide). */
const MESSAGE_ID_NAMESPACE = '6f1d0c3e-2b0a-4c57-9d56-7a3e51f0b2d4';
/** The follow-up message goes out on its due date at this store-local time (quiet hours still apply). */
const FOLLOW_UP_TIME = '10:00';
/** The service desk's default zone (db/tickets/settings.ts), for a store that never saved its settings. */
const DEFAULT_ZONE = 'Asia/Shanghai';

export type TicketMessageRequest = Readonly<{
  ticketId: string;
  event: MessageEvent;
  /** The desk's never-backwards time (db/tickets/now.ts): not_before is never earlier than it. */
  nowMs: number;
  /** appointment_booked/changed: the appointment (ISO). */
  appointmentAt?: string;
  /** follow_up: the local date (YYYY-MM-DD) the follow-up is due. */
  dueDate?: string;
  /** estimate_ready: the version handed over; a new version is a new message. */
  estimateVersion?: number;
}>;

export type QueueResult =
  Readonly<{ queued: true; messageId: string }> | Readonly<{ queued: false; reason: NotQueuedReason }>;

export function messageIdFor(ticketId: string, event: MessageEvent, occasion: string): string {
  return uuidV5(`${ticketId}|${event}|${occasion}`, MESSAGE_ID_NAMESPACE);
}

function occasionOf(request: TicketMessageRequest): string {
  if (request.event === 'appointment_booked' || request.event === 'appointment_changed')
    return request.appointmentAt ?? '';
  if (request.event === 'follow_up') return request.dueDate ?? '';
  if (request.event === 'estimate_ready') return `v${request.estimateVersion ?? 1}`;
  return '';
}

type Recipient = Readonly<{ phone: string; language: MessageLanguage }> | Readonly<{ refused: NotQueuedReason }>;

/**
 * Whom to text, or why not: do-not-contact wins over everything, then consent (a customer gets only
 * the messages they agreed to), then a preferred channel other than SMS, then a mobile to text.
 */
export async function recipientOf(tx: TxContext, customerId: string): Promise<Recipient> {
  const customer = await tx.trx
    .selectFrom('customer')
    .select(['doNotContact', 'contactConsent', 'preferredChannel', 'language'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return { refused: 'ticket_missing' };
  if (customer.doNotContact === 1) return { refused: 'do_not_contact' };
  if (customer.contactConsent !== 1) return { refused: 'no_consent' };
  if (customer.preferredChannel !== null && customer.preferredChannel !== 'sms')
    return { refused: 'prefers_other_channel' };
  const mobile = await tx.trx
    .selectFrom('customerPhone')
    .select('digits')
    .where('customerId', '=', customerId)
    .where('kind', '=', 'mobile')
    .orderBy('position')
    .executeTakeFirst();
  if (!mobile) return { refused: 'no_mobile' };
  return { phone: mobile.digits, language: customer.language ?? 'zh-CN' };
}

const TIME_FORMAT: Record<MessageLanguage, Intl.DateTimeFormatOptions> = {
  'zh-CN': { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  en: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

export function formatMessageTime(iso: string, language: MessageLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { ...TIME_FORMAT[language], timeZone }).format(new Date(iso));
}

export async function enqueueTicketMessage(tx: TxContext, request: TicketMessageRequest): Promise<QueueResult> {
  const ticket = await tx.trx
    .selectFrom('ticket')
    .select(['id', 'number', 'storeId', 'customerId'])
    .where('id', '=', request.ticketId)
    .executeTakeFirst();
  if (!ticket) return { queued: false, reason: 'ticket_missing' };
  const id = messageIdFor(ticket.id, request.event, occasionOf(request));
  const existing = await tx.trx.selectFrom('customerMessage').select('id').where('id', '=', id).executeTakeFirst();
  if (existing) return { queued: false, reason: 'already_queued' };
  const to = await recipientOf(tx, ticket.customerId);
  if ('refused' in to) return { queued: false, reason: to.refused };

  const store = await tx.trx
    .selectFrom('store')
    .select(['name', 'phone'])
    .where('id', '=', ticket.storeId)
    .executeTakeFirst();
  const { timeZone, quiet } = await storeClock(tx, ticket.storeId);
  const template = await loadTemplate(tx.trx, ticket.storeId, request.event, to.language);
  const body = renderTemplate(template, {
    store: store?.name ?? '',
    ticket: ticket.number,
    time: request.appointmentAt ? formatMessageTime(request.appointmentAt, to.language, timeZone) : '',
    storePhone: store?.phone ?? '',
    check: CHECK_HINT[to.language],
  });
  const earliest =
    request.event === 'follow_up' && request.dueDate
      ? Math.max(request.nowMs, zonedInstant(request.dueDate, FOLLOW_UP_TIME, timeZone))
      : request.nowMs;
  const row: CustomerMessageRow = {
    id,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    event: request.event,
    channel: 'sms',
    phone: to.phone,
    language: to.language,
    body,
    notBefore: new Date(firstSendable(earliest, quiet, timeZone)).toISOString(),
    createdAt: new Date(request.nowMs).toISOString(),
    createdBy: tx.staffId,
    cancelledAt: null,
    cancelReason: '',
    hlc: tx.stamp(),
  };
  await insertRecorded(tx, 'customerMessage', 'customer_message', row);
  return { queued: true, messageId: id };
}

/**
 * A failed or cancelled message queued again now, as a new message with the same text (quiet
 * hours applied anew), or why not: the customer may have withdrawn consent meanwhile.
 */
export async function requeueMessage(tx: TxContext, original: CustomerMessageRow, nowMs: number): Promise<QueueResult> {
  const to = await recipientOf(tx, original.customerId);
  if ('refused' in to) return { queued: false, reason: to.refused };
  const ticket = await tx.trx
    .selectFrom('ticket')
    .select('storeId')
    .where('id', '=', original.ticketId)
    .executeTakeFirst();
  if (!ticket) return { queued: false, reason: 'ticket_missing' };
  const { timeZone, quiet } = await storeClock(tx, ticket.storeId);
  const row: CustomerMessageRow = {
    ...original,
    id: newId(),
    phone: to.phone,
    notBefore: new Date(firstSendable(nowMs, quiet, timeZone)).toISOString(),
    createdAt: new Date(nowMs).toISOString(),
    createdBy: tx.staffId,
    cancelledAt: null,
    cancelReason: '',
    hlc: tx.stamp(),
  };
  await insertRecorded(tx, 'customerMessage', 'customer_message', row);
  return { queued: true, messageId: row.id };
}

async function storeClock(tx: TxContext, storeId: string): Promise<Readonly<{ timeZone: string; quiet: QuietHours }>> {
  const settings = await tx.trx
    .selectFrom('ticketSettings')
    .select('timeZone')
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  return { timeZone: settings?.timeZone ?? DEFAULT_ZONE, quiet: await loadQuietHours(tx.trx, storeId) };
}
