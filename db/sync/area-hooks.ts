/**
 * The areas' derived data, rebuilt for records a pull applied (see hooks.ts): a customer's search
 * terms, a ticket's status and SLA folded from its events, and stock on hand from the ledger.
 * Imported once by pull.ts so the hooks are registered wherever sync runs on a counter PC.
 */
import type Database from 'better-sqlite3';
import { deferReindex, reindexCustomers } from '../customers/search-bulk';
import { newId } from '../ids';
import { addToOnHand } from '../parts/ledger/movements';
import { refreshTicket } from '../tickets/events';
import { loadCalendar } from '../tickets/settings';
import { onApplied, type ApplyPhase } from './hooks';

const customerOf = (r: { entityId: string; state: { fields: Record<string, unknown> } }) => (typeof r.state.fields.customerId === 'string' ? r.state.fields.customerId : null);

let sqliteOf: (trx: unknown) => Database.Database = () => {
  throw new Error('sync hooks need the store connection');
};
/** pull.ts hands the connection over before running hooks (the transaction is on it). */
export function useConnection(sqlite: Database.Database): void {
  sqliteOf = () => sqlite;
}

/** A customer's search terms: now for a pull, listed for the background build during a snapshot. */
const reindex = (trx: unknown, ids: Set<string>, { snapshot }: ApplyPhase) => (snapshot ? deferReindex : reindexCustomers)(sqliteOf(trx), ids);
onApplied('customer', async (trx, records, phase) => reindex(trx, new Set(records.map((r) => r.entityId)), phase));
for (const entity of ['customer_phone', 'product']) {
  onApplied(entity, async (trx, records, phase) => reindex(trx, new Set(records.map(customerOf).filter((id): id is string => id !== null)), phase));
}

/** A pulled movement is new here (the ledger is insert-only): the parts area adds it to the on-hand cache. */
onApplied('stock_movement', async (trx, records) => {
  for (const { state } of records) {
    const f = state.fields as { partId?: string; locationId?: string; qty?: number; createdAt?: string };
    if (!f.partId || !f.locationId || typeof f.qty !== 'number') continue;
    await addToOnHand(trx, { partId: f.partId, locationId: f.locationId, qty: f.qty, createdAt: f.createdAt ?? '' });
  }
});

/** Re-fold the tickets whose header or events arrived; breaches are not recorded here (no local change). */
async function refreshTickets(trx: Parameters<Parameters<typeof onApplied>[1]>[0], ticketIds: ReadonlySet<string>): Promise<void> {
  if (ticketIds.size === 0) return;
  const present = await trx.selectFrom('ticket').select('id').where('id', 'in', [...ticketIds]).execute();
  if (present.length === 0) return;
  const store = await trx.selectFrom('store').select('id').limit(1).executeTakeFirst();
  if (!store) return;
  const cal = await loadCalendar(trx);
  const now = Date.now();
  const tx = { trx, txId: newId(), staffId: null, nowIso: new Date(now).toISOString(), stamp: () => { throw new Error('a synced ticket refresh records no change'); } };
  for (const { id } of present) await refreshTicket(tx, id, cal, now, { recordBreaches: false });
}
onApplied('ticket', (trx, records) => refreshTickets(trx, new Set(records.map((r) => r.entityId))));
onApplied('ticket_event', (trx, records) => refreshTickets(trx, new Set(records.map((r) => r.state.fields.ticketId).filter((id): id is string => typeof id === 'string'))));
