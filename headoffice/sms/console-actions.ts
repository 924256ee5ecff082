/**
 * What the console does with messages head office could not deliver: lists them (the phone masked
 * and the text withheld from a role that sees customers masked), sends one again, or cancels one
 * for good. Each action is one transaction under the feed lock, with its audit entry and the
 * ticket's `message_delivery` written for the message's store, so the counter shows the change.
 */
import { sql } from 'kysely';
import type { ProblemMessage, ProblemPage, PROBLEM_STATUSES, SmsEvent } from '../console/contract/messages';
import { recordAudit } from '../console/audit';
import type { ConsoleStaff } from '../console/contract/session';
import { maskPhone } from '../console/masking';
import { HqError } from '../auth';
import { lockFeed } from '../feed';
import type { HeadOfficeServices } from '../http/services';
import { deliveryWrite, writeForStores } from './delivery';
import { MESSAGE_ENTITY } from './outbox-follow-up';

export const CANCELLED_BY_HQ = 'cancelled_by_head_office';

type Query = { status: (typeof PROBLEM_STATUSES)[number]; storeId?: string; limit: number; after?: string };

export async function listProblems(
  services: HeadOfficeServices,
  query: Query,
  fullView: boolean,
): Promise<ProblemPage> {
  const [afterAt, afterId] = query.after?.split('|') ?? [];
  const after =
    afterAt && afterId && !Number.isNaN(Date.parse(afterAt)) ? { at: new Date(afterAt), id: afterId } : null;
  const rows = await services.db
    .selectFrom('smsOutbox as o')
    .innerJoin('hqStore as s', 's.id', 'o.storeId')
    .leftJoin('entityState as m', (join) =>
      join.onRef('m.entityId', '=', 'o.messageId').on('m.entity', '=', MESSAGE_ENTITY),
    )
    .select([
      'o.messageId',
      'o.storeId',
      's.code as storeCode',
      's.name as storeName',
      'o.event',
      'o.status',
      'o.attempts',
      'o.lastError',
      'o.phoneDigits',
      'o.nextAttemptAt',
      'o.updatedAt',
      'm.state',
    ])
    .where('o.status', '=', query.status)
    .$if(query.storeId !== undefined, (q) => q.where('o.storeId', '=', query.storeId!))
    .$if(after !== null, (q) => q.where(sql<boolean>`(o.updated_at, o.message_id) < (${after!.at}, ${after!.id})`))
    .orderBy('o.updatedAt', 'desc')
    .orderBy('o.messageId', 'desc')
    .limit(query.limit + 1)
    .execute();
  const shown: ProblemMessage[] = rows.slice(0, query.limit).map((row) => {
    const body = row.state?.fields.body;
    return {
      messageId: row.messageId,
      storeId: row.storeId,
      storeCode: row.storeCode,
      storeName: row.storeName,
      event: row.event,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      phone: fullView ? row.phoneDigits : maskPhone(row.phoneDigits),
      body: fullView && typeof body === 'string' ? body : null,
      nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
  const last = shown.at(-1);
  return { rows: shown, next: rows.length > query.limit && last ? `${last.updatedAt}|${last.messageId}` : null };
}

export type MessageAction = 'retry' | 'cancel';

/** Retry: a failed message goes back to the queue, due now. Cancel: a failed or waiting one is never sent. */
export async function actOnMessage(
  services: HeadOfficeServices,
  staff: ConsoleStaff,
  messageId: string,
  action: MessageAction,
  reason: string,
): Promise<ProblemMessage['status']> {
  const nowMs = services.now();
  const at = new Date(nowMs);
  return services.db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    const row = await trx
      .selectFrom('smsOutbox')
      .selectAll()
      .where('messageId', '=', messageId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new HqError(404, 'not_found', 'No such message');
    const allowed = action === 'retry' ? row.status === 'failed' : row.status === 'failed' || row.status === 'queued';
    if (!allowed)
      throw new HqError(
        409,
        'conflict',
        `A ${row.status} message cannot be ${action === 'retry' ? 'retried' : 'cancelled'}`,
        {
          status: row.status,
        },
      );
    const updated = await trx
      .updateTable('smsOutbox')
      .set(
        action === 'retry'
          ? { status: 'queued', unsure: false, nextAttemptAt: at, updatedAt: at }
          : { status: 'cancelled', lastError: CANCELLED_BY_HQ, updatedAt: at },
      )
      .where('messageId', '=', messageId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A cancelled row has no delivery of its own; the ticket is told it failed, and why.
    const write = deliveryWrite(action === 'cancel' ? { ...updated, status: 'failed' } : updated, at);
    if (write) await writeForStores(trx, services.hqClock, nowMs, [{ storeId: updated.storeId, write }]);
    await recordAudit(trx, staff, {
      action: `message.${action}`,
      target: `${row.event as SmsEvent} ${messageId}`,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: updated.status, reason },
    });
    return updated.status;
  });
}
