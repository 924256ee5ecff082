/**
 * Keeps the report rollups (migration 0011) right as changes arrive: a follow-up of every batch
 * (headoffice/batch-types.ts `BatchFollowUp`), so a store's push, head office's own writes and a
 * retry all pass through it, and the rollups move in the batch's transaction or not at all.
 *
 * It gathers the batch's ticket headers (their last merged state), its new ticket events and its
 * new stock movements; once the states are saved it reads the touched tickets' facts, folds in
 * what arrived, and moves the rollups by the new contribution less the old one. A ticket whose
 * category, status or month changes, that is reopened or deleted, leaves its old row and enters
 * the new one. Events and movements are append-only: a retry of one never reaches `merged`
 * (apply.ts answers it as a duplicate first), so nothing is counted twice.
 */
import type { Transaction } from 'kysely';
import type { BatchFollowUp, Working } from '../batch-types';
import type { HqDB } from '../db/schema';
import { PartsDeltas, writePartsDeltas } from './parts-rollup';
import { loadFacts, RollupDeltas, saveFacts, writeTicketDeltas } from './rollup-write';
import { contributionOf, emptyFacts, eventOf, withEvent, withHeader, type TicketFacts } from './ticket-facts';

type Fields = Readonly<Record<string, unknown>>;
/** Who owns a record: a batch's `Working` (read late, see `merged`), or a saved state's owner column. */
type Owner = Pick<Working, 'ownerStoreId'>;
export type HeaderChange = { fields: Fields; deleted: boolean; owner: Owner };
export type Arrivals = {
  headers: Map<string, HeaderChange>;
  events: Map<string, Fields[]>;
  movements: { owner: Owner; fields: Fields }[];
};

export const noArrivals = (): Arrivals => ({ headers: new Map(), events: new Map(), movements: [] });

export function reportRollups(): BatchFollowUp {
  const arrivals = noArrivals();
  return {
    merged({ change, record, merged }) {
      if (change.entity === 'ticket') {
        // The owner is read once the batch is written: a ticket new in this batch gets it after its merge.
        arrivals.headers.set(change.entityId, {
          fields: merged.fields,
          deleted: merged.deleted !== null,
          owner: record,
        });
      } else if (change.entity === 'ticket_event' && !record.existed && merged.deleted === null) {
        const ticketId = merged.fields.ticketId;
        if (typeof ticketId === 'string')
          arrivals.events.set(ticketId, [...(arrivals.events.get(ticketId) ?? []), eventOf(merged)]);
      } else if (change.entity === 'stock_movement' && !record.existed && merged.deleted === null) {
        arrivals.movements.push({ owner: record, fields: merged.fields });
      }
    },
    afterStates: (trx) => applyArrivals(trx, arrivals),
  };
}

/** Folds what arrived into the touched tickets' facts and moves the rollups by the difference. */
export async function applyArrivals(trx: Transaction<HqDB>, arrivals: Arrivals): Promise<void> {
  const ticketIds = [...new Set([...arrivals.headers.keys(), ...arrivals.events.keys()])];
  const deltas = new RollupDeltas();
  const saved: TicketFacts[] = [];
  if (ticketIds.length > 0) {
    const known = await loadFacts(trx, ticketIds);
    for (const ticketId of ticketIds) {
      const before = known.get(ticketId) ?? emptyFacts(ticketId);
      let after = before;
      const header = arrivals.headers.get(ticketId);
      if (header) after = withHeader(after, header.fields, header.deleted, header.owner.ownerStoreId ?? before.storeId);
      for (const event of arrivals.events.get(ticketId) ?? []) after = withEvent(after, event);
      deltas.add(contributionOf(before), -1);
      deltas.add(contributionOf(after), 1);
      saved.push(after);
    }
  }
  const parts = new PartsDeltas();
  for (const m of arrivals.movements) parts.add(m.owner.ownerStoreId, m.fields);
  await saveFacts(trx, saved);
  await writeTicketDeltas(trx, deltas);
  await writePartsDeltas(trx, parts);
}
