/**
 * What sync must know about customer messages on a counter PC: a pulled rated reply records its
 * ticket's follow-up (replies.ts). A snapshot folds its tickets only at its end, so its replies wait
 * until the tickets' backlog is empty, then are applied once, in one bounded pass.
 */
import { newId } from '../ids';
import type { SyncRegistration, SyncWork } from '../sync/registration';
import { applyRatedReply, ratedRepliesWaiting } from './replies';

/** A store has few follow-ups waiting; a snapshot's pass over them is bounded all the same. */
const REPLIES_PER_SNAPSHOT = 500;

async function applyReplies(work: SyncWork, replyIds: ReadonlyArray<string>): Promise<void> {
  if (replyIds.length === 0) return;
  const now = work.nowMs();
  const tx = { trx: work.trx, txId: newId(), staffId: null, nowIso: new Date(now).toISOString(), stamp: work.stamp };
  for (const id of replyIds) await applyRatedReply(tx, id, now);
}

export function registerMessagesSync(sync: SyncRegistration): void {
  sync.onApplied(
    'message_reply',
    async (work, records, { snapshot }) => {
      if (snapshot) return;
      const rated = records.filter((r) => typeof r.state.fields.rating === 'number').map((r) => r.entityId);
      await applyReplies(work, rated);
    },
    { fields: ['rating', 'ticketId', 'messageId'] },
  );
  sync.onSnapshotDone(async (work) => {
    const backlog = await work.trx.selectFrom('ticketBacklog').select('ticketId').limit(1).executeTakeFirst();
    if (backlog) return true;
    await applyReplies(work, await ratedRepliesWaiting(work.trx, REPLIES_PER_SNAPSHOT));
    return false;
  });
}
