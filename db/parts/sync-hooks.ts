/**
 * What sync must know about the parts area on a counter PC: a pulled movement moves on-hand, a return
 * both shipped and cancelled offline is settled as shipped (returns/settle.ts), and head office's
 * decision on what the store offered when it joined is carried out (join/settle.ts).
 */
import type { SyncRegistration } from '../sync/registration';
import { settleMappedTo, settleOffers } from './join/settle';
import { addToOnHand } from './ledger/movements';
import { settleShippedReturns } from './returns/settle';

export function registerPartsSync(sync: SyncRegistration): void {
  // A pulled movement is new here (the ledger is insert-only): it is added to the on-hand cache.
  sync.onApplied('stock_movement', async ({ trx }, records) => {
    for (const { state } of records) {
      const f = state.fields as { partId?: string; locationId?: string; qty?: number; createdAt?: string };
      if (!f.partId || !f.locationId || typeof f.qty !== 'number') continue;
      await addToOnHand(trx, { partId: f.partId, locationId: f.locationId, qty: f.qty, createdAt: f.createdAt ?? '' });
    }
  });
  // A return shipped on one PC and cancelled on another: whichever arrives second (the status, or
  // the cancel's reversals) finds the clash, and the stock the cancel put back leaves again.
  sync.onApplied(
    'supplier_return',
    async (work, records) => {
      await settleShippedReturns(
        work,
        records.map((r) => r.entityId),
      );
    },
    { fields: ['status', 'cancelledAt'] },
  );
  sync.onApplied('stock_movement', async (work, records) => {
    const returns = records
      .map(({ state }) => state.fields as { docType?: unknown; docId?: unknown; reversesId?: unknown })
      .filter((f) => f.docType === 'supplier_return' && typeof f.reversesId === 'string' && typeof f.docId === 'string')
      .map((f) => f.docId as string);
    if (returns.length > 0) await settleShippedReturns(work, returns);
  });
  sync.onApplied(
    'join_offer',
    (work, records) =>
      settleOffers(
        work,
        records.map((r) => r.entityId),
      ),
    {
      fields: ['status', 'mappedTo'],
    },
  );
  // A mapped part's stock waits for head office's part when that was kept aside.
  sync.onApplied(
    'part',
    (work, records) =>
      settleMappedTo(
        work,
        records.map((r) => r.entityId),
      ),
    { fields: ['partNo'] },
  );
}
