/**
 * Puts each `customer_message` a store pushes into the sender's outbox (migration 0016), in the
 * push's own transaction: a follow-up of every batch (headoffice/batch-types.ts), so a message is
 * either merged and queued for sending or neither. A cancellation that arrives later takes a
 * message that is still waiting out of the queue; one already being sent or sent stays as it is.
 * What is sent (phone, body) is read from the merged record when it is claimed (sender.ts).
 */
import type { Transaction } from 'kysely';
import { normalisePhone } from '../../db/sync/phone-digits';
import type { BatchFollowUp, Working } from '../batch-types';
import type { HqDB } from '../db/schema';

export const MESSAGE_ENTITY = 'customer_message';

type Arrival = { messageId: string; owner: Pick<Working, 'ownerStoreId'>; fields: Readonly<Record<string, unknown>> };

export function smsOutboxFollowUp(pushingStore: string | null): BatchFollowUp {
  const arrivals = new Map<string, Arrival>();
  return {
    merged({ change, record, merged }) {
      if (change.entity !== MESSAGE_ENTITY) return;
      arrivals.set(change.entityId, { messageId: change.entityId, owner: record, fields: merged.fields });
    },
    async afterStates(trx: Transaction<HqDB>) {
      if (arrivals.size === 0) return;
      const rows = [...arrivals.values()].map((a) => outboxRow(a, pushingStore));
      await trx
        .insertInto('smsOutbox')
        .values(rows)
        .onConflict((oc) => oc.column('messageId').doNothing())
        .execute();
      const cancelled = rows.filter((r) => r.status === 'cancelled').map((r) => r.messageId);
      if (cancelled.length > 0)
        await trx
          .updateTable('smsOutbox')
          .set({ status: 'cancelled', updatedAt: new Date() })
          .where('messageId', 'in', cancelled)
          .where('status', '=', 'queued')
          .execute();
    },
  };
}

function outboxRow({ messageId, owner, fields }: Arrival, pushingStore: string | null) {
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const notBefore = Date.parse(text('notBefore'));
  // A message that does not parse is queued anyway: the sender refuses it and says so on the ticket.
  const due = Number.isFinite(notBefore) ? new Date(notBefore) : new Date();
  return {
    messageId,
    storeId: owner.ownerStoreId ?? pushingStore ?? '',
    ticketId: text('ticketId'),
    event: text('event').slice(0, 40),
    phoneDigits: normalisePhone(text('phone'))?.digits ?? '',
    notBefore: due,
    nextAttemptAt: due,
    status: fields.cancelledAt ? ('cancelled' as const) : ('queued' as const),
  };
}
