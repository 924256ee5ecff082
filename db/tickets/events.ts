/**
 * Appending to a ticket's event log, and rewriting the state derived from it. Events are
 * append-only (op 'append' in the change log, never updated or deleted); the ticket's derived
 * columns and its SLA row are a cache of the fold, rewritten in the same transaction and never
 * logged, because every replica derives them from the events it has.
 */
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../ids';
import type { DB } from '../schema';
import { appendRecorded, type TxContext } from '../sync/change-log';
import { parseHlc } from '../sync/hlc';
import type { StoreCalendar } from './calendar';
import { foldEvents, type Derived, type FoldEvent } from './derive';
import { machineOf } from './machines/index';
import { computeSla, type SlaClocks } from './sla';
import { isFinal } from './steps';
import type { TicketEventRow, TicketRow } from './tables';
import { ticketTargets } from './targets';
import type { EventAction, RepairLocation } from './workflow';

export type NewEvent = Readonly<{
  ticketId: string;
  action: EventAction;
  fromStatus: string | null;
  toStatus: string | null;
  note?: string;
  data?: Readonly<Record<string, unknown>>;
}>;

/** An event's time is its HLC stamp's: monotonic on this PC even if the wall clock is set back. */
export function hlcInstant(hlc: string): string {
  return new Date(parseHlc(hlc).millis).toISOString();
}

export async function appendEvent(tx: TxContext, event: NewEvent): Promise<TicketEventRow> {
  const hlc = tx.stamp();
  const row: TicketEventRow = {
    id: newId(),
    ticketId: event.ticketId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    staffId: tx.staffId,
    at: hlcInstant(hlc),
    note: event.note ?? '',
    data: JSON.stringify(event.data ?? {}),
    hlc,
  };
  await appendRecorded(tx, 'ticketEvent', 'ticket_event', row);
  return row;
}

export function toFoldEvent(row: Pick<TicketEventRow, 'id' | 'action' | 'at' | 'hlc' | 'data'>): FoldEvent {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // A malformed payload from elsewhere folds as an event without data (and is likely flagged).
  }
  return { id: row.id, action: row.action, at: Date.parse(row.at), hlc: row.hlc, data };
}

export function locationOf(ticket: Pick<TicketRow, 'type' | 'form'>): RepairLocation | null {
  if (ticket.type !== 'repair') return null;
  const form = JSON.parse(ticket.form) as { location?: unknown };
  return form.location === 'on_site' || form.location === 'in_store' ? form.location : null;
}

export type TicketFold = Readonly<{ ticket: TicketRow; events: ReadonlyArray<TicketEventRow>; derived: Derived }>;

export async function foldTicket(db: Kysely<DB>, ticketId: string): Promise<TicketFold | undefined> {
  const ticket = await db.selectFrom('ticket').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return undefined;
  const events = await db
    .selectFrom('ticketEvent')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('hlc')
    .execute();
  const current = await ticketTargets(db, ticket);
  const machine = machineOf(ticket.type);
  const derived = foldEvents(machine, events.map(toFoldEvent), locationOf(ticket), current);
  // A finished ticket keeps the targets it was held to; an open one follows the table as edited.
  if (!isFinal(machine, derived.status)) derived.targets = current;
  return { ticket, events, derived };
}

/**
 * Re-derive a ticket from its events and write the cache: status and the other derived columns,
 * and the SLA row. Breaches found that no event records yet are appended as `sla_breach` events.
 * Exported for sync, which calls it after applying events that arrived from elsewhere.
 */
export async function refreshTicket(
  tx: TxContext,
  ticketId: string,
  cal: StoreCalendar,
  now: number,
  { recordBreaches = true }: { recordBreaches?: boolean } = {},
): Promise<TicketFold & { clocks: SlaClocks; breachesRecorded: number }> {
  const fold = await foldTicket(tx.trx, ticketId);
  if (!fold) throw new Error(`refreshTicket: no ticket ${ticketId}`);
  const { derived, ticket } = fold;
  const machine = machineOf(ticket.type);
  await tx.trx
    .updateTable('ticket')
    .set({
      status: derived.status,
      isOpen: isFinal(machine, derived.status) ? 0 : 1,
      assigneeId: derived.assigneeId,
      escalatedAt: derived.escalatedAt,
      pausedFor: derived.pausedFor,
      followUpDue: derived.followUpDue,
      appointmentAt: derived.appointmentAt,
      plannedDate: derived.plannedDate,
      promisedReplyAt: derived.promisedReplyAt,
      forRole: derived.forRole,
      stateHlc: derived.stateHlc,
      flaggedEvents: derived.flagged.length,
    })
    .where('id', '=', ticketId)
    .execute();
  const clocks = computeSla(machine, derived, cal, now);
  await writeSla(tx.trx, ticketId, clocks, cal.settings.key ?? '', now, derived.targets.counts);
  let breachesRecorded = 0;
  for (const clock of recordBreaches ? (['respond', 'resolve'] as const) : []) {
    const breachedAt = clocks[clock].breachedAt;
    if (breachedAt !== null && breachedAt <= now && !derived.breachesRecorded.has(clock)) {
      await appendEvent(tx, {
        ticketId,
        action: 'sla_breach',
        fromStatus: null,
        toStatus: null,
        data: { clock, dueAt: new Date(breachedAt).toISOString() },
      });
      breachesRecorded += 1;
    }
  }
  return { ...fold, clocks, breachesRecorded };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

async function writeSla(
  trx: Transaction<DB>,
  ticketId: string,
  clocks: SlaClocks,
  calendarKey: string,
  now: number,
  clockCounts: 'working' | 'calendar',
): Promise<void> {
  const { respond, resolve } = clocks;
  // Before the first response both clocks run; the list shows whichever runs out first.
  const running =
    [respond, resolve]
      .filter((c) => c.state === 'running' && c.dueAt !== null)
      .sort((a, b) => a.dueAt! - b.dueAt!)[0] ?? null;
  const row = {
    respondTargetMinutes: respond.targetMinutes,
    resolveTargetMinutes: resolve.targetMinutes,
    respondedAt: respond.state === 'stopped' ? iso(respond.stoppedAt) : null,
    respondDueAt: iso(respond.dueAt),
    respondBreachedAt: iso(respond.breachedAt),
    resolvedAt: resolve.state === 'stopped' ? iso(resolve.stoppedAt) : null,
    resolveDueAt: iso(resolve.dueAt),
    resolveBreachedAt: iso(resolve.breachedAt),
    nextDueAt: iso(running?.dueAt ?? null),
    warnAt: iso(running?.warnAt ?? null),
    calendarKey,
    computedAt: new Date(now).toISOString(),
    clockCounts,
  };
  await trx
    .insertInto('ticketSla')
    .values({ ticketId, ...row })
    .onConflict((oc) => oc.column('ticketId').doUpdateSet(row))
    .execute();
}
