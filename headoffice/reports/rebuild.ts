/**
 * Rebuilds the report rollups from the merged states, for a database that held tickets before the
 * rollups existed (migration 0011 marks it `report_rollups = stale`; headoffice/main.ts rebuilds at
 * start), and for the tests, which hold the rollups to it. It empties the rollups and passes
 * every ticket, ticket event and stock movement through the same fold as a push
 * (rollup-follow-up.ts `applyArrivals`), a page at a time, under the feed lock so no push moves
 * them meanwhile.
 */
import { sql, type Transaction } from 'kysely';
import type { HqDatabase } from '../db/open';
import type { HqDB } from '../db/schema';
import { expandState } from '../../db/sync/compact-state';
import type { RecordState } from '../../db/sync/protocol';
import { lockFeed } from '../feed';
import { applyArrivals, noArrivals } from './rollup-follow-up';
import { eventOf } from './ticket-facts';

const PAGE = 2000;

type StateRow = { entityId: string; ownerStoreId: string | null; state: RecordState };

async function eachPage(
  trx: Transaction<HqDB>,
  entity: string,
  visit: (rows: StateRow[]) => Promise<void>,
): Promise<number> {
  let after = '';
  let seen = 0;
  for (;;) {
    const page = await sql<StateRow>`
      SELECT entity_id, owner_store_id, state FROM entity_state
      WHERE entity = ${entity} AND entity_id > ${after} ORDER BY entity_id LIMIT ${PAGE}`.execute(trx);
    if (page.rows.length === 0) return seen;
    await visit(page.rows.map((row) => ({ ...row, state: expandState(row.state) })));
    seen += page.rows.length;
    after = page.rows.at(-1)!.entityId;
  }
}

/** Empties and refills the rollups; returns how many records were read. */
export async function rebuildReportRollups(
  db: HqDatabase,
): Promise<{ tickets: number; events: number; movements: number }> {
  return db.transaction().execute(async (trx) => {
    await lockFeed(trx);
    await sql`TRUNCATE report_ticket, report_month, report_mix, report_parts_month, report_stock`.execute(trx);
    const tickets = await eachPage(trx, 'ticket', (rows) => {
      const arrivals = noArrivals();
      for (const row of rows)
        arrivals.headers.set(row.entityId, {
          fields: row.state.fields,
          deleted: row.state.deleted !== null,
          owner: { ownerStoreId: row.ownerStoreId },
        });
      return applyArrivals(trx, arrivals);
    });
    const events = await eachPage(trx, 'ticket_event', (rows) => {
      const arrivals = noArrivals();
      for (const row of rows) {
        const ticketId = row.state.fields.ticketId;
        if (row.state.deleted !== null || typeof ticketId !== 'string') continue;
        arrivals.events.set(ticketId, [...(arrivals.events.get(ticketId) ?? []), eventOf(row.state)]);
      }
      return applyArrivals(trx, arrivals);
    });
    const movements = await eachPage(trx, 'stock_movement', (rows) => {
      const arrivals = noArrivals();
      for (const row of rows)
        if (row.state.deleted === null)
          arrivals.movements.push({ owner: { ownerStoreId: row.ownerStoreId }, fields: row.state.fields });
      return applyArrivals(trx, arrivals);
    });
    await sql`DELETE FROM server_meta WHERE key = 'report_rollups'`.execute(trx);
    return { tickets, events, movements };
  });
}

/** At start: rebuild when migration 0011 found tickets the rollups have not seen. */
export async function rebuildReportRollupsIfStale(db: HqDatabase): Promise<boolean> {
  const stale = await db
    .selectFrom('serverMeta')
    .select('value')
    .where('key', '=', 'report_rollups')
    .executeTakeFirst();
  if (stale?.value !== 'stale') return false;
  await rebuildReportRollups(db);
  return true;
}
