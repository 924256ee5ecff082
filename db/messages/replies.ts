/**
 * A customer's rated reply (1–5, to the follow-up message) records the ticket's follow-up, as a
 * follow-up call would (db/tickets/methods.ts ticketsRecordFollowUp): a low rating reopens it to the
 * manager, any other closes it. Run for each `message_reply` a pull writes (sync-hooks.ts).
 *
 * Exactly once: the follow-up event's id is derived from the reply's, so a reply pulled again, or
 * again after a restore brought back the event, finds the event there and records nothing; and only
 * a ticket still waiting for its follow-up takes one (a call recorded first wins). A reply whose
 * message is not this PC's, or names another ticket than its message's, is never applied.
 */
import { v5 as uuidV5 } from 'uuid';
import type { Transaction } from 'kysely';
import type { DB } from '../schema';
import { appendRecorded, type TxContext } from '../sync/change-log';
import { foldTicket, hlcInstant, refreshTicket } from '../tickets/events';
import { machineOf } from '../tickets/machines/index';
import { managerRoute, routesToManager } from '../tickets/manager-route';
import { loadCalendar } from '../tickets/settings';
import { LOW_RATING } from '../tickets/step-input';
import type { TicketEventRow } from '../tickets/tables';

const FOLLOW_UP_EVENT_NAMESPACE = 'c2a5e0f4-4d8b-4b1e-9a77-0e6a3d2f51c9';

export function followUpEventIdOf(replyId: string): string {
  return uuidV5(`reply|${replyId}`, FOLLOW_UP_EVENT_NAMESPACE);
}

export type ReplyOutcome = 'recorded' | 'no_rating' | 'not_ours' | 'already' | 'not_waiting';

export async function applyRatedReply(tx: TxContext, replyId: string, nowMs: number): Promise<ReplyOutcome> {
  const reply = await tx.trx.selectFrom('messageReply').selectAll().where('id', '=', replyId).executeTakeFirst();
  if (!reply || reply.rating === null) return 'no_rating';
  const message = await tx.trx
    .selectFrom('customerMessage')
    .select(['ticketId', 'event'])
    .where('id', '=', reply.messageId)
    .executeTakeFirst();
  if (!message || message.ticketId !== reply.ticketId) return 'not_ours';
  const eventId = followUpEventIdOf(reply.id);
  const done = await tx.trx.selectFrom('ticketEvent').select('id').where('id', '=', eventId).executeTakeFirst();
  if (done) return 'already';
  const fold = await foldTicket(tx.trx, reply.ticketId);
  if (!fold) return 'not_ours';
  const machine = machineOf(fold.ticket.type);
  if (machine.followUp === null || fold.derived.status !== machine.followUp) return 'not_waiting';

  const action = reply.rating <= LOW_RATING ? 'follow_up_reopen' : 'follow_up_satisfied';
  const step = machine.steps[fold.derived.status as keyof typeof machine.steps] as Record<string, { to: string }>;
  const to = step[action]?.to;
  if (!to) return 'not_waiting';
  const data: Record<string, unknown> = {
    reached: true,
    rating: reply.rating,
    via: 'sms',
    replyId: reply.id,
    messageId: reply.messageId,
  };
  if (routesToManager(fold.ticket.type, action)) data.route = await managerRoute(tx.trx);
  const hlc = tx.stamp();
  const row: TicketEventRow = {
    id: eventId,
    ticketId: reply.ticketId,
    action,
    fromStatus: fold.derived.status,
    toStatus: to === 'same' ? fold.derived.status : to,
    staffId: null,
    at: hlcInstant(hlc),
    note: reply.body,
    data: JSON.stringify(data),
    hlc,
  };
  await appendRecorded(tx, 'ticketEvent', 'ticket_event', row);
  await refreshTicket(tx, reply.ticketId, await loadCalendar(tx.trx), nowMs, { recordBreaches: false });
  return 'recorded';
}

/** Rated replies to tickets still waiting for their follow-up (a snapshot leaves them to its end): at most `limit`. */
export async function ratedRepliesWaiting(trx: Transaction<DB>, limit: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('messageReply as r')
    .innerJoin('ticket as t', 't.id', 'r.ticketId')
    .select('r.id')
    .where('r.rating', 'is not', null)
    .where('t.status', '=', 'follow_up')
    .orderBy('r.receivedAt')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
