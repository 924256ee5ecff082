/**
 * What the service-quality reports read: the tickets taken on a local date of the period, each with
 * its (last) resolution moment, its follow-up ratings and its recorded SLA breaches, from the events.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import type { RatingSummary } from './contract-reports';
import { parseComposite } from '../sync/composite';
import { toFoldEvent } from './events';
import { parseAbout } from './intake';
import { machineOf } from './machines';
import { LOW_RATING } from './step-input';
import type { TicketType } from './workflow';

const DAY = 24 * 60 * 60 * 1000;

export type ReportTicket = {
  id: string;
  type: TicketType;
  channel: string | null;
  category: string | null;
  createdAt: string;
  localDate: string;
  assigneeId: string | null;
  escalated: boolean;
  /** Now in a resolved state of its workflow. */
  resolved: boolean;
  /** Wall-clock minutes from taking to the last entry into a resolved state; null when not resolved. */
  resolveMinutes: number | null;
  ratings: number[];
  /** Follow-ups rated LOW_RATING or less (each sent the ticket back to the manager). */
  lowRatings: number;
  breaches: number;
  product: string | null;
  /** A complaint's `about` staff member (intake.ts); null when it names nobody. */
  aboutStaffId: string | null;
};

const resolvedStates = (type: TicketType): ReadonlyArray<string> => machineOf(type).resolved;

export async function periodTickets(
  db: Kysely<DB>,
  cal: StoreCalendar,
  from: string,
  to: string,
  type?: TicketType,
): Promise<ReportTicket[]> {
  // A UTC window certainly containing the local dates, cut exactly with the calendar below.
  const low = new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString();
  const high = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY).toISOString();
  let query = db
    .selectFrom('ticket as t')
    .leftJoin('product as p', 'p.id', 't.productId')
    .select([
      't.id',
      't.type',
      't.channel',
      't.category',
      't.createdAt',
      't.assigneeId',
      't.escalatedAt',
      't.status',
      't.form',
      'p.brand',
      'p.model',
    ])
    .where('t.createdAt', '>=', low)
    .where('t.createdAt', '<', high);
  if (type) query = query.where('t.type', '=', type);
  const rows = (await query.orderBy('t.createdAt').execute()).filter((t) => {
    const date = cal.localDate(Date.parse(t.createdAt));
    return date >= from && date <= to;
  });
  const byId = new Map<string, ReportTicket>();
  for (const t of rows) {
    byId.set(t.id, {
      id: t.id,
      type: t.type,
      channel: t.channel,
      category: t.category,
      createdAt: t.createdAt,
      localDate: cal.localDate(Date.parse(t.createdAt)),
      assigneeId: t.assigneeId,
      escalated: t.escalatedAt !== null,
      resolved: resolvedStates(t.type).includes(t.status),
      resolveMinutes: null,
      ratings: [],
      lowRatings: 0,
      breaches: 0,
      product: t.brand || t.model ? `${t.brand ?? ''} ${t.model ?? ''}`.trim() : null,
      aboutStaffId: t.type === 'complaint' ? staffAbout(t.form) : null,
    });
  }
  if (byId.size === 0) return [];

  const events = await db
    .selectFrom('ticketEvent')
    .select(['id', 'ticketId', 'action', 'at', 'hlc', 'data', 'fromStatus', 'toStatus'])
    .where('ticketId', 'in', [...byId.keys()])
    .orderBy('hlc')
    .execute();
  for (const row of events) {
    const ticket = byId.get(row.ticketId)!;
    const { data } = toFoldEvent(row);
    if (row.action === 'sla_breach') ticket.breaches += 1;
    if (typeof data.rating === 'number' && row.action.startsWith('follow_up_')) {
      ticket.ratings.push(data.rating);
      if (data.rating <= LOW_RATING) ticket.lowRatings += 1;
    }
    const states = resolvedStates(ticket.type);
    const enters =
      row.toStatus !== null &&
      states.includes(row.toStatus) &&
      (row.fromStatus === null || !states.includes(row.fromStatus));
    if (enters && ticket.resolved)
      ticket.resolveMinutes = Math.round((Date.parse(row.at) - Date.parse(ticket.createdAt)) / 60_000);
  }
  return [...byId.values()];
}

function staffAbout(form: string): string | null {
  const about = parseAbout(parseComposite(form).about);
  return about.kind === 'staff' ? about.staffId : null;
}

/** The value at quantile q (0–1) of sorted numbers, nearest rank; null for none. */
export function quantile(values: ReadonlyArray<number>, q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5 && sorted.length % 2 === 0) return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function summariseRatings(ratings: ReadonlyArray<number>): RatingSummary {
  return {
    count: ratings.length,
    average:
      ratings.length === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100,
    byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: ratings.filter((r) => r === score).length })),
  };
}
