/**
 * Cancelling a queued message: only one head office has not started sending (no delivery record,
 * or one that failed for good is past saving anyway). The cancel fields are the only ones of a
 * message that change after it is queued (db/messages/sync-entities.ts).
 */
import { recordChange, type TxContext } from '../sync/change-log';
import type { MessageEvent } from './contract';

/** Messages of a ticket still waiting: not cancelled, and head office has not begun sending them. */
export async function waitingMessages(
  tx: TxContext,
  ticketId: string,
  events?: ReadonlyArray<MessageEvent>,
): Promise<ReadonlyArray<Readonly<{ id: string; event: MessageEvent }>>> {
  let query = tx.trx
    .selectFrom('customerMessage as m')
    .leftJoin('messageDelivery as d', 'd.messageId', 'm.id')
    .select(['m.id', 'm.event'])
    .where('m.ticketId', '=', ticketId)
    .where('m.cancelledAt', 'is', null)
    .where('d.messageId', 'is', null);
  if (events) query = query.where('m.event', 'in', [...events]);
  return query.execute();
}

export async function cancelMessage(tx: TxContext, messageId: string, reason: string): Promise<void> {
  const hlc = tx.stamp();
  const fields = { cancelledAt: tx.nowIso, cancelReason: reason };
  await tx.trx
    .updateTable('customerMessage')
    .set({ ...fields, hlc })
    .where('id', '=', messageId)
    .execute();
  await recordChange(tx, { entity: 'customer_message', entityId: messageId, op: 'update', hlc, fields });
}

/** Cancel what no longer applies (an appointment moved, the follow-up done by phone, the ticket voided). */
export async function cancelWaiting(
  tx: TxContext,
  ticketId: string,
  reason: string,
  events?: ReadonlyArray<MessageEvent>,
  except?: string,
): Promise<number> {
  const waiting = (await waitingMessages(tx, ticketId, events)).filter((m) => m.id !== except);
  for (const m of waiting) await cancelMessage(tx, m.id, reason);
  return waiting.length;
}
