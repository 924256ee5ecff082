/**
 * What sync must know about the tickets area on a counter PC: a ticket whose header or events
 * arrived is folded again (status, SLA). During a snapshot it is listed in ticket_backlog and
 * folded once at the end, not once per page carrying its events.
 */
import { sql } from 'kysely';
import { newId } from '../ids';
import type { SyncRegistration, SyncWork } from '../sync/registration';
import { refreshTicket } from './events';
import { loadCalendar } from './settings';

/** Re-fold the tickets whose header or events arrived; breaches are not recorded here (no local change). */
async function refreshTickets({ trx, nowMs }: SyncWork, ticketIds: ReadonlySet<string>): Promise<void> {
  if (ticketIds.size === 0) return;
  const present = await trx
    .selectFrom('ticket')
    .select('id')
    .where('id', 'in', [...ticketIds])
    .execute();
  if (present.length === 0) return;
  const store = await trx.selectFrom('store').select('id').limit(1).executeTakeFirst();
  if (!store) return;
  const cal = await loadCalendar(trx);
  // The desk's never-backwards time, as for a ticket refreshed by a call: a pull never gives a
  // running SLA clock time back, and the SLA row's computedAt is a stored time like any other.
  const now = nowMs();
  const tx = {
    trx,
    txId: newId(),
    staffId: null,
    nowIso: new Date(now).toISOString(),
    stamp: () => {
      throw new Error('a synced ticket refresh records no change');
    },
  };
  for (const { id } of present) await refreshTicket(tx, id, cal, now, { recordBreaches: false });
}

async function listForLater({ trx }: SyncWork, ticketIds: ReadonlySet<string>): Promise<void> {
  if (ticketIds.size === 0) return;
  await sql`INSERT OR IGNORE INTO ticket_backlog (ticket_id) SELECT value FROM json_each(${JSON.stringify([...ticketIds])})`.execute(
    trx,
  );
}

const refreshOrList = (work: SyncWork, ids: Set<string>, snapshot: boolean) =>
  snapshot ? listForLater(work, ids) : refreshTickets(work, ids);

const TICKETS_PER_SETTLE = 50;

export function registerTicketsSync(sync: SyncRegistration): void {
  sync.onApplied('ticket', (work, records, { snapshot }) =>
    refreshOrList(work, new Set(records.map((r) => r.entityId)), snapshot),
  );
  sync.onApplied('ticket_event', (work, records, { snapshot }) =>
    refreshOrList(
      work,
      new Set(records.map((r) => r.state.fields.ticketId).filter((id): id is string => typeof id === 'string')),
      snapshot,
    ),
  );
  sync.onSnapshotDone(async (work) => {
    const ids = (
      await work.trx
        .selectFrom('ticketBacklog')
        .select('ticketId')
        .orderBy('ticketId')
        .limit(TICKETS_PER_SETTLE)
        .execute()
    ).map((r) => r.ticketId);
    if (ids.length === 0) return false;
    await refreshTickets(work, new Set(ids));
    await work.trx.deleteFrom('ticketBacklog').where('ticketId', 'in', ids).execute();
    return ids.length === TICKETS_PER_SETTLE;
  });
}
