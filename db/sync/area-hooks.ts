/**
 * The areas' derived data, rebuilt for records a pull applied (see hooks.ts): a customer's search
 * terms, a ticket's status and SLA folded from its events, and stock on hand from the ledger.
 * Imported once by pull.ts so the hooks are registered wherever sync runs on a counter PC.
 */
import type Database from 'better-sqlite3';
import { deferReindex, reindexCustomers } from '../customers/search-bulk';
import { deskNowMs } from '../clock';
import { newId } from '../ids';
import { addToOnHand } from '../parts/ledger/movements';
import { refreshTicket } from '../tickets/events';
import { loadCalendar } from '../tickets/settings';
import type { Hlc } from './hlc';
import { onApplied, onSnapshotDone, type ApplyPhase } from './hooks';
import type { RecordState } from './protocol';
import { statement } from './statements';

const customerOf = (r: { entityId: string; state: { fields: Record<string, unknown> } }) => (typeof r.state.fields.customerId === 'string' ? r.state.fields.customerId : null);

let sqliteOf: (trx: unknown) => Database.Database = () => {
  throw new Error('sync hooks need the store connection');
};
let clockOf: () => Pick<Hlc, 'nowMs'> = () => {
  throw new Error('sync hooks need the store clock');
};
/** pull.ts hands the connection and the store's clock over before running hooks (the transaction is on it). */
export function useConnection(sqlite: Database.Database, clock: Pick<Hlc, 'nowMs'>): void {
  sqliteOf = () => sqlite;
  clockOf = () => clock;
}

/** A customer's search terms: now for a pull, listed for the background build during a snapshot. */
const reindex = (trx: unknown, ids: Set<string>, { snapshot }: ApplyPhase) => (snapshot ? deferReindex : reindexCustomers)(sqliteOf(trx), ids);
/** The fields search terms come from (customerTerms): a pulled edit of anything else leaves them as they are. */
const TERM_FIELDS: Readonly<Record<string, ReadonlyArray<string>>> = {
  customer: ['name', 'deletedAt'],
  customer_phone: ['digits', 'customerId', 'deletedAt'],
  product: ['serial', 'receiptNo', 'customerId', 'deletedAt'],
};
const termsMoved = (entity: string) => (r: { state: RecordState; changed?: ReadonlyArray<string> }) =>
  r.changed === undefined || r.state.deleted !== null || r.changed.some((f) => TERM_FIELDS[entity]!.includes(f));
onApplied('customer', async (trx, records, phase) => reindex(trx, new Set(records.filter(termsMoved('customer')).map((r) => r.entityId)), phase));
for (const entity of ['customer_phone', 'product']) {
  onApplied(entity, async (trx, records, phase) => reindex(trx, new Set(records.filter(termsMoved(entity)).map(customerOf).filter((id): id is string => id !== null)), phase));
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
  // The desk's never-backwards time, as for a ticket refreshed by a call: a pull never gives a
  // running SLA clock time back, and the SLA row's computedAt is a stored time like any other.
  const now = deskNowMs(clockOf());
  const tx = { trx, txId: newId(), staffId: null, nowIso: new Date(now).toISOString(), stamp: () => { throw new Error('a synced ticket refresh records no change'); } };
  for (const { id } of present) await refreshTicket(tx, id, cal, now, { recordBreaches: false });
}
/** During a snapshot a ticket is listed and folded once at its end, not once per page carrying its events. */
const refreshOrList = (trx: Parameters<Parameters<typeof onApplied>[1]>[0], ids: Set<string>, { snapshot }: ApplyPhase) =>
  snapshot ? Promise.resolve(listForLater(sqliteOf(trx), ids)) : refreshTickets(trx, ids);
function listForLater(sqlite: Database.Database, ticketIds: ReadonlySet<string>): void {
  if (ticketIds.size > 0) statement(sqlite, 'INSERT OR IGNORE INTO ticket_backlog (ticket_id) SELECT value FROM json_each(?)').run(JSON.stringify([...ticketIds]));
}
onApplied('ticket', (trx, records, phase) => refreshOrList(trx, new Set(records.map((r) => r.entityId)), phase));
onApplied('ticket_event', (trx, records, phase) =>
  refreshOrList(trx, new Set(records.map((r) => r.state.fields.ticketId).filter((id): id is string => typeof id === 'string')), phase),
);

const TICKETS_PER_SETTLE = 50;
onSnapshotDone(async (trx) => {
  const sqlite = sqliteOf(trx);
  const ids = (statement(sqlite, 'SELECT ticket_id FROM ticket_backlog ORDER BY ticket_id LIMIT ?').all(TICKETS_PER_SETTLE) as Array<{ ticket_id: string }>).map((r) => r.ticket_id);
  if (ids.length === 0) return false;
  await refreshTickets(trx, new Set(ids));
  statement(sqlite, 'DELETE FROM ticket_backlog WHERE ticket_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
  return ids.length === TICKETS_PER_SETTLE;
});
