/**
 * What a batch leaves beside the states (docs/SYNC.md §2.3 step 4, §2.6): refused changes for the sync
 * problems page, field conflicts lost by a writer, and stamps re-stamped for clock skew.
 */
import type { Transaction } from 'kysely';
import type { WireChange } from '../db/sync/protocol';
import type { ApplyContext } from './batch-types';
import type { HqDB } from './db/schema';

export type Rejection = { change: WireChange; code: string; reason: string };
export type Conflict = {
  entity: string;
  entityId: string;
  field: string;
  winnerValue: unknown;
  winnerHlc: string;
  loserValue: unknown;
  loserHlc: string;
};
export type Skew = { changeId: string; hlc: string; restamped: string; skewMs: number };

export async function saveSideRecords(
  trx: Transaction<HqDB>,
  ctx: ApplyContext,
  rejections: Rejection[],
  conflicts: Conflict[],
  skews: Skew[],
): Promise<void> {
  if (rejections.length > 0) {
    await trx
      .insertInto('rejectedChange')
      .values(
        rejections.map(({ change, code, reason }) => ({
          replicaId: ctx.replicaId,
          deviceId: ctx.deviceId,
          storeId: ctx.storeId,
          seq: ctx.replicaId ? change.seq : null,
          changeId: change.changeId,
          entity: change.entity,
          entityId: change.entityId,
          op: change.op,
          fields: JSON.stringify(change.fields),
          code,
          reason,
          receivedAt: new Date(ctx.nowMs),
        })),
      )
      .execute();
  }
  if (conflicts.length > 0) {
    await trx
      .insertInto('conflictLog')
      .values(
        conflicts.map((c) => ({
          ...c,
          winnerValue: JSON.stringify(c.winnerValue ?? null),
          loserValue: JSON.stringify(c.loserValue ?? null),
          loserReplica: ctx.replicaId,
          loggedAt: new Date(ctx.nowMs),
        })),
      )
      .execute();
  }
  if (skews.length > 0 && ctx.replicaId) {
    await trx
      .insertInto('clockSkew')
      .values(skews.map((s) => ({ ...s, replicaId: ctx.replicaId!, loggedAt: new Date(ctx.nowMs) })))
      .execute();
  }
}
