/**
 * A standalone store joining head office: the push side. A store that worked before it enrolled
 * made its own parts, suppliers and standards, kinds of record head office owns. Its enroll
 * request names its last change before enrolling (`join_standalone`); a push of a head-office
 * record up to that change is taken here as a **join offer** (status `offered` to the PC) instead
 * of being refused. One offer per store and record: later changes of the same record merge into
 * its fields while it waits for review. Anything after enrollment, or of a record already decided,
 * is refused as before (`hq_owned`): ownership does not change.
 *
 * Head office tells the store about each offer (and later its outcome) through a `join_offer`
 * record of its own, scoped to the store (db/parts/sync-entities.ts), written through `notify`.
 */
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids';
import type { WireChange } from '../../db/sync/protocol';
import type { ApplyContext } from '../batch-types';
import type { HqDB } from '../db/schema';
import { ruleFor } from '../entities';
import type { HqWrite } from '../admin/ops';
import { OFFERABLE_ENTITIES, offerLabel } from './labels';

type Gathered = { entity: string; entityId: string; fields: Record<string, unknown> };

export type JoinOffers = {
  /** Whether this refused-by-ownership change is taken as an offer (then it is not rejected). */
  takes(change: WireChange): Promise<boolean>;
  /**
   * Saves the batch's offers and hands `notify` head office's records that tell the store
   * (`join_offer`, new ones made the store's); run after the batch's own writes.
   */
  write(trx: Transaction<HqDB>, notify: (writes: HqWrite[]) => Promise<unknown>): Promise<void>;
};

export function joinOffers(trx: Transaction<HqDB>, ctx: ApplyContext, changes: ReadonlyArray<WireChange>): JoinOffers {
  let facts: Promise<{ through: number | null; decided: ReadonlySet<string> }> | null = null;
  const gathered = new Map<string, Gathered>();

  /**
   * Read once, at the batch's first head-office record: how far this replica worked standalone,
   * and which of the batch's records already have a decided offer (a later change of those is an
   * ordinary refusal).
   */
  const loadFacts = async () => {
    const mark = ctx.replicaId
      ? await trx
          .selectFrom('joinStandalone')
          .select('throughSeq')
          .where('replicaId', '=', ctx.replicaId)
          .where('storeId', '=', ctx.storeId!)
          .executeTakeFirst()
      : undefined;
    if (!mark) return { through: null, decided: new Set<string>() };
    const candidates = changes
      .filter((c) => c.seq <= mark.throughSeq && ruleFor(c.entity)?.owner === 'hq')
      .map((c) => c.entityId);
    const rows =
      candidates.length === 0
        ? []
        : await trx
            .selectFrom('joinOffer')
            .select(['entity', 'entityId'])
            .where('storeId', '=', ctx.storeId!)
            .where('status', '<>', 'pending')
            .where('entityId', 'in', [...new Set(candidates)])
            .execute();
    return { through: mark.throughSeq, decided: new Set(rows.map((r) => `${r.entity}\u0000${r.entityId}`)) };
  };

  return {
    async takes(change) {
      if (ctx.storeId === null || change.op === 'delete' || !OFFERABLE_ENTITIES.includes(change.entity)) return false;
      const { through, decided } = await (facts ??= loadFacts());
      if (through === null || change.seq > through) return false;
      const key = `${change.entity}\u0000${change.entityId}`;
      if (decided.has(key)) return false;
      const offer = gathered.get(key) ?? { entity: change.entity, entityId: change.entityId, fields: {} };
      Object.assign(offer.fields, change.fields);
      gathered.set(key, offer);
      return true;
    },

    async write(trx, notify) {
      if (gathered.size === 0) return;
      const storeId = ctx.storeId!;
      const offers = [...gathered.values()];
      const existing = await trx
        .selectFrom('joinOffer')
        .select(['id', 'entity', 'entityId', 'fields'])
        .where('storeId', '=', storeId)
        .where('status', '=', 'pending')
        .where(
          'entityId',
          'in',
          offers.map((o) => o.entityId),
        )
        .execute();
      const byKey = new Map(existing.map((row) => [`${row.entity}\u0000${row.entityId}`, row]));
      const nowIso = new Date(ctx.nowMs).toISOString();
      const writes: HqWrite[] = [];
      for (const offer of offers) {
        const before = byKey.get(`${offer.entity}\u0000${offer.entityId}`);
        const fields = { ...(before?.fields ?? {}), ...offer.fields };
        const label = offerLabel(offer.entity, offer.entityId, fields);
        if (before) {
          await trx
            .updateTable('joinOffer')
            .set({ fields: JSON.stringify(fields), label })
            .where('id', '=', before.id)
            .execute();
          writes.push({
            entity: 'join_offer',
            entityId: before.id,
            op: 'update',
            fields: { label, updatedAt: nowIso },
          });
          continue;
        }
        const id = newId();
        await trx
          .insertInto('joinOffer')
          .values({
            id,
            storeId,
            deviceId: ctx.deviceId,
            entity: offer.entity,
            entityId: offer.entityId,
            label,
            fields: JSON.stringify(fields),
            status: 'pending',
            mappedTo: null,
            decidedBy: null,
            decidedAt: null,
            reason: '',
            offeredAt: new Date(ctx.nowMs),
          })
          .execute();
        writes.push({
          entity: 'join_offer',
          entityId: id,
          op: 'insert',
          fields: {
            entity: offer.entity,
            entityId: offer.entityId,
            label,
            deviceId: ctx.deviceId,
            status: 'pending',
            mappedTo: null,
            mappedLabel: null,
            reason: '',
            offeredAt: nowIso,
            decidedAt: null,
            updatedAt: nowIso,
          },
        });
      }
      await notify(writes);
    },
  };
}
