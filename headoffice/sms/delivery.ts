/**
 * `message_delivery`, the ticket's view of a message's sending, is head office's record in the
 * store's scope (db/messages/sync-entities.ts): written here from the outbox row, through the same
 * merge-and-feed path as head office's other writes, on behalf of the message's store, so it reaches
 * that store's PCs and no other. Callers hold the feed lock (feed.ts `lockFeed`).
 */
import type { Selectable, Transaction } from 'kysely';
import type { Hlc } from '../../db/sync/hlc';
import type { HqDB } from '../db/schema';
import { HqError } from '../auth';
import { writeAsHqIn, type HqWrite } from '../join/hq-write';

export type OutboxRow = Selectable<HqDB['smsOutbox']>;

export const DELIVERY_ENTITY = 'message_delivery';
export const REPLY_ENTITY = 'message_reply';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The delivery record as the outbox row stands; null for a cancelled message (the counter cancelled it). */
export function deliveryWrite(row: OutboxRow, now: Date): HqWrite | null {
  if (row.status === 'cancelled') return null;
  const status = row.status === 'queued' ? 'sending' : row.status;
  return {
    entity: DELIVERY_ENTITY,
    entityId: row.messageId,
    op: 'update',
    fields: {
      messageId: row.messageId,
      status,
      attempts: row.attempts,
      provider: row.provider,
      providerMessageId: row.providerMessageId,
      lastError: row.lastError,
      // Waiting for its next try after a failure that may pass.
      nextAttemptAt: row.status === 'queued' && row.attempts > 0 ? iso(row.nextAttemptAt) : null,
      sentAt: iso(row.sentAt),
      deliveredAt: iso(row.deliveredAt),
      updatedAt: now.toISOString(),
    },
  };
}

/** Writes head office's records for several stores, each on behalf of its store; all or nothing. */
export async function writeForStores(
  trx: Transaction<HqDB>,
  hqClock: Hlc,
  nowMs: number,
  writes: ReadonlyArray<{ storeId: string; write: HqWrite }>,
): Promise<void> {
  if (writes.length === 0) return;
  // Another head-office process (or this one before a restart) may have stamped these records last:
  // the clock moves past their stamps first, so a newer report never loses to an older claim.
  const held = await trx
    .selectFrom('entityState')
    .select('state')
    .where(
      'entityId',
      'in',
      writes.map((w) => w.write.entityId),
    )
    .where('entity', 'in', [...new Set(writes.map((w) => w.write.entity))])
    .execute();
  for (const { state } of held) for (const stamp of Object.values(state.clocks)) hqClock.recv(stamp);
  const byStore = new Map<string, HqWrite[]>();
  for (const { storeId, write } of writes) byStore.set(storeId, [...(byStore.get(storeId) ?? []), write]);
  for (const [storeId, storeWrites] of byStore) {
    const results = await writeAsHqIn(trx, { hqClock, nowMs, onBehalfOf: storeId }, storeWrites);
    const refused = results.find((r) => r.status === 'rejected');
    if (refused)
      throw new HqError(500, 'internal', `Head office refused its own SMS record (${refused.code ?? 'rejected'})`);
  }
}
