/**
 * What a provider tells head office after a send: delivery reports (the phone received it, or it
 * failed) and the customer's replies. Each report or reply is applied once (`sms_inbound` keeps its
 * key), in one transaction with the records it writes. A reply is matched to the latest message
 * sent to that phone within `REPLY_WINDOW_DAYS` (the chain sends every store's messages under one
 * sign, so the phone, not the store, finds it), and from it to its ticket and store; a reply to a
 * follow-up that holds one rating digit records the rating (rating.ts).
 */
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids';
import type { Hlc } from '../../db/sync/hlc';
import { normalisePhone } from '../../db/sync/phone-digits';
import type { HqDatabase } from '../db/open';
import type { HqDB } from '../db/schema';
import { lockFeed } from '../feed';
import { REPLY_ENTITY, deliveryWrite, writeForStores } from './delivery';
import type { HqWrite } from '../join/hq-write';
import { ratingOf } from './rating';

export const REPLY_WINDOW_DAYS = 7;
export const MAX_REPLY_CHARS = 200;

export type DeliveryReport = Readonly<{
  /** Our message id (the OutId we sent), when the provider echoes it. */
  messageId: string | null;
  providerMessageId: string;
  delivered: boolean;
  /** The provider's code for a failure (`MK:0001`…), short. */
  code: string;
  /** Identifies this report among the provider's, for applying it once. */
  key: string;
}>;

export type InboundReply = Readonly<{ phone: string; text: string; key: string }>;

export type InboundSummary = { applied: number; repeated: number; unmatched: number };

type Deps = { db: HqDatabase; hqClock: Hlc; now: () => number; provider: string };

async function firstTime(trx: Transaction<HqDB>, provider: string, kind: 'report' | 'reply', key: string) {
  const inserted = await trx
    .insertInto('smsInbound')
    .values({ provider, kind, key: key.slice(0, 200) })
    .onConflict((oc) => oc.columns(['provider', 'kind', 'key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function applyDeliveryReports(
  { db, hqClock, now, provider }: Deps,
  reports: ReadonlyArray<DeliveryReport>,
): Promise<InboundSummary> {
  const summary: InboundSummary = { applied: 0, repeated: 0, unmatched: 0 };
  const nowMs = now();
  const at = new Date(nowMs);
  await db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const writes: { storeId: string; write: HqWrite }[] = [];
    for (const report of reports) {
      if (!(await firstTime(trx, provider, 'report', report.key))) {
        summary.repeated += 1;
        continue;
      }
      let query = trx
        .updateTable('smsOutbox')
        .set({
          status: report.delivered ? 'delivered' : 'failed',
          deliveredAt: report.delivered ? at : null,
          lastError: report.delivered ? '' : report.code,
          // The provider has it: a message waiting for a second look is settled, never sent again.
          unsure: false,
          sentAt: (eb) => eb.fn.coalesce('sentAt', eb.val(at)),
          updatedAt: at,
        })
        .where('status', 'in', ['queued', 'sending', 'sent', 'delivered', 'failed'])
        .where('provider', '=', provider);
      query = report.messageId
        ? query.where('messageId', '=', report.messageId)
        : query.where('providerMessageId', '=', report.providerMessageId).where('providerMessageId', '<>', '');
      const row = await query.returningAll().executeTakeFirst();
      if (!row) {
        summary.unmatched += 1;
        continue;
      }
      summary.applied += 1;
      const write = deliveryWrite(row, at);
      if (write) writes.push({ storeId: row.storeId, write });
    }
    await writeForStores(trx, hqClock, nowMs, writes);
  });
  return summary;
}

/** Mobile digits of a number as a provider writes it (`13800001111`, `+8613800001111`, `8613800001111`). */
export function replyPhoneDigits(phone: string): string | null {
  const trimmed = phone.trim();
  const withPlus = /^86\d{11}$/.test(trimmed) ? `+${trimmed}` : trimmed;
  const normalised = normalisePhone(withPlus);
  return normalised?.kind === 'mobile' ? normalised.digits : null;
}

export async function applyReplies(
  { db, hqClock, now, provider }: Deps,
  replies: ReadonlyArray<InboundReply>,
): Promise<InboundSummary> {
  const summary: InboundSummary = { applied: 0, repeated: 0, unmatched: 0 };
  const nowMs = now();
  const at = new Date(nowMs);
  await db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const writes: { storeId: string; write: HqWrite }[] = [];
    for (const reply of replies) {
      if (!(await firstTime(trx, provider, 'reply', reply.key))) {
        summary.repeated += 1;
        continue;
      }
      const digits = replyPhoneDigits(reply.phone);
      const message = digits
        ? await trx
            .selectFrom('smsOutbox')
            .select(['messageId', 'ticketId', 'storeId', 'event'])
            .where('phoneDigits', '=', digits)
            .where('sentAt', 'is not', null)
            .where('sentAt', '>=', new Date(nowMs - REPLY_WINDOW_DAYS * 86_400_000))
            .where('status', 'in', ['sent', 'delivered'])
            .orderBy('sentAt', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined;
      if (!message) {
        summary.unmatched += 1;
        continue;
      }
      summary.applied += 1;
      const body = reply.text.trim().slice(0, MAX_REPLY_CHARS);
      const id = newId();
      writes.push({
        storeId: message.storeId,
        write: {
          entity: REPLY_ENTITY,
          entityId: id,
          op: 'insert',
          fields: {
            id,
            messageId: message.messageId,
            ticketId: message.ticketId,
            body,
            rating: message.event === 'follow_up' ? ratingOf(body) : null,
            receivedAt: at.toISOString(),
          },
        },
      });
    }
    await writeForStores(trx, hqClock, nowMs, writes);
  });
  return summary;
}
