/**
 * The ticket's messages as its page shows them: each message with where it stands (waiting to be
 * sent, sending, sent, delivered, failed, cancelled), the customer's replies, and, when nothing can
 * be sent to this customer, why. Phones are masked unless the caller may see personal data.
 */
import type { Kysely } from 'kysely';
import { maskPhone } from '../customers/phone';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import { roleCan } from '../staff/roles';
import type { MessageEvent, MessageLanguage, NotQueuedReason } from './contract';
import { followUpEventIdOf } from './replies';

export type MessageState = 'waiting' | 'sending' | 'sent' | 'delivered' | 'failed' | 'cancelled';

export type TicketMessageView = Readonly<{
  id: string;
  event: MessageEvent;
  language: MessageLanguage;
  body: string;
  phone: string;
  state: MessageState;
  notBefore: string;
  createdAt: string;
  cancelReason: string;
  attempts: number;
  lastError: string;
  sentAt: string | null;
  deliveredAt: string | null;
  canCancel: boolean;
  canResend: boolean;
}>;

export type TicketReplyView = Readonly<{
  id: string;
  messageId: string;
  body: string;
  rating: number | null;
  receivedAt: string;
  /** The rating recorded the ticket's follow-up. */
  recordedFollowUp: boolean;
}>;

export type TicketMessagesView = Readonly<{
  messages: ReadonlyArray<TicketMessageView>;
  replies: ReadonlyArray<TicketReplyView>;
  /** Why this customer gets no messages now; null when they can. */
  blocked: NotQueuedReason | null;
}>;

/** A ticket shows its latest messages; older ones stay in the store file. */
const MESSAGES_SHOWN = 50;

function stateOf(cancelledAt: string | null, status: string | null): MessageState {
  if (status === 'sent' || status === 'delivered' || status === 'failed' || status === 'sending') return status;
  return cancelledAt !== null ? 'cancelled' : 'waiting';
}

export async function loadTicketMessages(db: Kysely<DB>, ticketId: string, actor: Actor): Promise<TicketMessagesView> {
  const ticket = await db.selectFrom('ticket').select('customerId').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return { messages: [], replies: [], blocked: 'ticket_missing' };
  const rows = await db
    .selectFrom('customerMessage as m')
    .leftJoin('messageDelivery as d', 'd.messageId', 'm.id')
    .select([
      'm.id',
      'm.event',
      'm.language',
      'm.body',
      'm.phone',
      'm.notBefore',
      'm.createdAt',
      'm.cancelledAt',
      'm.cancelReason',
      'd.status',
      'd.attempts',
      'd.lastError',
      'd.sentAt',
      'd.deliveredAt',
    ])
    .where('m.ticketId', '=', ticketId)
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id')
    .limit(MESSAGES_SHOWN)
    .execute();
  const personal = roleCan(actor.role, 'customers.personal');
  const messages = rows.map((r): TicketMessageView => {
    const state = stateOf(r.cancelledAt, r.status);
    return {
      id: r.id,
      event: r.event,
      language: r.language,
      body: r.body,
      phone: personal ? r.phone : maskPhone(r.phone),
      state,
      notBefore: r.notBefore,
      createdAt: r.createdAt,
      cancelReason: r.cancelReason,
      attempts: r.attempts ?? 0,
      lastError: r.lastError ?? '',
      sentAt: r.sentAt ?? null,
      deliveredAt: r.deliveredAt ?? null,
      canCancel: state === 'waiting',
      canResend: state === 'failed' || state === 'cancelled',
    };
  });
  const replyRows = await db
    .selectFrom('messageReply')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('receivedAt', 'desc')
    .limit(MESSAGES_SHOWN)
    .execute();
  const recorded = new Set(
    replyRows.length === 0
      ? []
      : (
          await db
            .selectFrom('ticketEvent')
            .select('id')
            .where(
              'id',
              'in',
              replyRows.map((r) => followUpEventIdOf(r.id)),
            )
            .execute()
        ).map((e) => e.id),
  );
  const replies = replyRows.map((r): TicketReplyView => ({
    id: r.id,
    messageId: r.messageId,
    body: r.body,
    rating: r.rating,
    receivedAt: r.receivedAt,
    recordedFollowUp: recorded.has(followUpEventIdOf(r.id)),
  }));
  return { messages, replies, blocked: await blockedReason(db, ticket.customerId) };
}

async function blockedReason(db: Kysely<DB>, customerId: string): Promise<NotQueuedReason | null> {
  const customer = await db
    .selectFrom('customer')
    .select(['doNotContact', 'contactConsent', 'preferredChannel'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return 'ticket_missing';
  if (customer.doNotContact === 1) return 'do_not_contact';
  if (customer.contactConsent !== 1) return 'no_consent';
  if (customer.preferredChannel !== null && customer.preferredChannel !== 'sms') return 'prefers_other_channel';
  const mobile = await db
    .selectFrom('customerPhone')
    .select('id')
    .where('customerId', '=', customerId)
    .where('kind', '=', 'mobile')
    .executeTakeFirst();
  return mobile ? null : 'no_mobile';
}
