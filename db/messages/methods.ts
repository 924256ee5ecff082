/**
 * The desk methods of customer messages. They are named in the tickets area (`tickets.*`): the
 * messages are shown on the ticket and its settings page, which hear `tickets.changed`.
 */
import { DeskFailure, requireActor, type Handler, areaMethods, method } from '../handler';
import { noInput } from '../fields';
import { deskNow } from '../tickets/now';
import { loadCalendar, requireStore } from '../tickets/settings';
import type { HandlerContext } from '../handler';
import { messagePreview, type MessagePreview } from './preview';
import { cancelMessage } from './cancel';
import { requeueMessage } from './queue';
import { messageActionSchema, messageSettingsSchema, ticketMessagesSchema } from './schemas';
import { loadMessageSettings, saveMessageSettings, type MessageSettingsView } from './settings';
import { loadTicketMessages, type TicketMessagesView } from './view';

const ticketsMessages: Handler<typeof ticketMessagesSchema, TicketMessagesView> = async (ctx, input) =>
  loadTicketMessages(ctx.trx, input.ticketId, requireActor(ctx));

async function messageOrFail(ctx: Parameters<Handler<typeof messageActionSchema, unknown>>[0], messageId: string) {
  const row = await ctx.trx.selectFrom('customerMessage').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!row) throw new DeskFailure('not_found', 'not_found');
  const delivery = await ctx.trx
    .selectFrom('messageDelivery')
    .select('status')
    .where('messageId', '=', messageId)
    .executeTakeFirst();
  return { row, status: delivery?.status ?? null };
}

const ticketsCancelMessage: Handler<typeof messageActionSchema, TicketMessagesView> = async (ctx, input) => {
  const { row, status } = await messageOrFail(ctx, input.messageId);
  if (row.cancelledAt !== null || status !== null)
    throw new DeskFailure('validation', 'message_not_cancellable', 'messageId');
  await cancelMessage(ctx, row.id, 'cancelled_by_staff');
  return loadTicketMessages(ctx.trx, row.ticketId, requireActor(ctx));
};

const ticketsResendMessage: Handler<typeof messageActionSchema, TicketMessagesView> = async (ctx, input) => {
  const { row, status } = await messageOrFail(ctx, input.messageId);
  if (status !== 'failed' && !(row.cancelledAt !== null && status === null))
    throw new DeskFailure('validation', 'message_not_resendable', 'messageId');
  const result = await requeueMessage(ctx, row, deskNow(ctx));
  if (!result.queued) throw new DeskFailure('validation', 'message_no_consent', 'messageId');
  return loadTicketMessages(ctx.trx, row.ticketId, requireActor(ctx));
};

export type MessageSettingsPage = MessageSettingsView & Readonly<{ preview: MessagePreview }>;

async function withPreview(ctx: HandlerContext, view: MessageSettingsView): Promise<MessageSettingsPage> {
  const store = await requireStore(ctx.trx);
  const today = (await loadCalendar(ctx.trx)).localDate(deskNow(ctx));
  return { ...view, preview: await messagePreview(ctx.trx, store, today) };
}

const ticketsMessageSettings: Handler<typeof noInput, MessageSettingsPage> = async (ctx) =>
  withPreview(ctx, await loadMessageSettings(ctx.trx, (await requireStore(ctx.trx)).id));

const ticketsSaveMessageSettings: Handler<typeof messageSettingsSchema, MessageSettingsPage> = async (ctx, input) =>
  withPreview(ctx, await saveMessageSettings(ctx, (await requireStore(ctx.trx)).id, input));

/** Customer messages: the ticket's outbox and replies, and the store's templates and quiet hours. */
// prettier-ignore
export const messagesMethods = areaMethods('tickets', {
  /** The ticket's messages with their delivery state, the customer's replies, and why none can be sent. */
  'tickets.messages': method(ticketMessagesSchema, { access: 'tickets.read', mutates: false }, ticketsMessages),
  /** Cancel a message still waiting to be sent. */
  'tickets.cancelMessage': method(messageActionSchema, { access: 'tickets.work', mutates: true }, ticketsCancelMessage),
  /** Queue a failed or cancelled message again (consent is checked again). */
  'tickets.resendMessage': method(messageActionSchema, { access: 'tickets.work', mutates: true }, ticketsResendMessage),
  /** Quiet hours and the templates per event and language (defaults where not edited). */
  'tickets.messageSettings': method(noInput, { access: 'tickets.read', mutates: false }, ticketsMessageSettings),
  /** Save quiet hours and templates: every template is checked before anything is written. */
  'tickets.saveMessageSettings': method(messageSettingsSchema, { access: 'messages.settings', mutates: true }, ticketsSaveMessageSettings),
});
