/**
 * Carrying out head office's decision on what this store offered when it joined (headoffice/join/),
 * once, on the PC that made the record (the offer names its device):
 *
 * - accepted: nothing to do here; head office's copy of the record arrives by the feed.
 * - dropped: nothing either; the record stays on this PC, readable, with its stock and history.
 * - mapped, a part: the local part is replaced by head office's. Its stock moves through the
 *   ledger (a transfer out of the local part and a transfer in to head office's, per location,
 *   both appended and synced), so history stays on the local part and on-hand follows; the local
 *   part is retired and its number gets a suffix, so head office's part with the same number
 *   (kept aside until now: a number a record here already had) can be stored. If head office's part
 *   is not here yet, the transfer waits for it (`settleMappedTo`, run when it arrives).
 * - mapped, a supplier: the local supplier is retired; its receipts keep naming it.
 *
 * The local record is written without a change log: head office never adopted it, so nobody else
 * holds it. `settled_at` makes every outcome happen once.
 */
import { sql } from 'kysely';
import { JOIN_REASON_PREFIX } from '../contract';
import { newId } from '../../ids';
import type { SyncWork } from '../../sync/registration';
import { appendMovement } from '../ledger/movements';

/** The suffix a mapped part's number gets (`P-123~local`): it frees the number for head office's. */
export const RETIRED_NUMBER_SUFFIX = '~local';

type OfferRow = {
  id: string;
  entity: string;
  entityId: string;
  status: string;
  mappedTo: string | null;
  mappedLabel: string | null;
};

async function thisDevice(work: SyncWork): Promise<string | null> {
  const row = await work.trx.selectFrom('syncState').select('value').where('key', '=', 'device_id').executeTakeFirst();
  return row?.value ?? null;
}

/** The outcomes among these offers (ids) not yet carried out on this PC. */
export async function settleOffers(work: SyncWork, ids: ReadonlyArray<string>): Promise<void> {
  if (ids.length === 0) return;
  const device = await thisDevice(work);
  if (device === null) return;
  const offers = await work.trx
    .selectFrom('joinOffer')
    .select(['id', 'entity', 'entityId', 'status', 'mappedTo', 'mappedLabel'])
    .where('id', 'in', [...ids])
    .where('deviceId', '=', device)
    .where('status', '<>', 'pending')
    .where('settledAt', 'is', null)
    .execute();
  for (const offer of offers) await settle(work, offer);
}

/** Head office's parts just stored here: the mapped offers that waited for them. */
export async function settleMappedTo(work: SyncWork, partIds: ReadonlyArray<string>): Promise<void> {
  if (partIds.length === 0) return;
  const waiting = await work.trx
    .selectFrom('joinOffer')
    .select('id')
    .where('mappedTo', 'in', [...partIds])
    .where('status', '=', 'mapped')
    .where('settledAt', 'is', null)
    .execute();
  await settleOffers(
    work,
    waiting.map((w) => w.id),
  );
}

async function settle(work: SyncWork, offer: OfferRow): Promise<void> {
  const nowIso = new Date(work.nowMs()).toISOString();
  const done = (movedQty = 0) =>
    work.trx.updateTable('joinOffer').set({ settledAt: nowIso, movedQty }).where('id', '=', offer.id).execute();
  if (offer.status !== 'mapped' || offer.mappedTo === null) return void (await done());
  if (offer.entity === 'supplier') {
    await work.trx
      .updateTable('supplier')
      .set({ retiredAt: sql<string>`coalesce(retired_at, ${nowIso})` })
      .where('id', '=', offer.entityId)
      .execute();
    return void (await done());
  }
  if (offer.entity !== 'part') return void (await done());
  await retireLocalPart(work, offer.entityId, nowIso);
  const target = await work.trx.selectFrom('part').select('id').where('id', '=', offer.mappedTo).executeTakeFirst();
  if (!target) {
    // Head office's part was kept aside for the number the local part held: now free, try again.
    work.retryKeptAside();
    return;
  }
  await done(await moveStock(work, offer, nowIso));
}

async function retireLocalPart(work: SyncWork, partId: string, nowIso: string): Promise<void> {
  await work.trx
    .updateTable('part')
    .set({
      retiredAt: sql<string>`coalesce(retired_at, ${nowIso})`,
      partNo: sql<string>`CASE WHEN part_no LIKE ${`%${RETIRED_NUMBER_SUFFIX}`} THEN part_no ELSE part_no || ${RETIRED_NUMBER_SUFFIX} END`,
    })
    .where('id', '=', partId)
    .execute();
}

/** The local part's stock, per location, transferred to head office's part; returns the units moved. */
async function moveStock(work: SyncWork, offer: OfferRow, nowIso: string): Promise<number> {
  const stock = await work.trx
    .selectFrom('stockOnHand')
    .select(['locationId', 'qty'])
    .where('partId', '=', offer.entityId)
    .where('qty', '<>', 0)
    .orderBy('locationId')
    .execute();
  const tx = { trx: work.trx, txId: newId(), staffId: null, nowIso, stamp: work.stamp };
  const reason = `${JOIN_REASON_PREFIX}${offer.mappedLabel ?? offer.mappedTo}`.slice(0, 200);
  let moved = 0;
  for (const { locationId, qty } of stock) {
    const common = { docType: 'transfer' as const, docId: offer.id, reason };
    await appendMovement(tx, { ...common, partId: offer.entityId, locationId, kind: 'transfer_out', qty: -qty });
    await appendMovement(tx, { ...common, partId: offer.mappedTo!, locationId, kind: 'transfer_in', qty });
    moved += Math.abs(qty);
  }
  return moved;
}
