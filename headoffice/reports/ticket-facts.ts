/**
 * What the chain reports need of one ticket (`report_ticket`, migration 0011) and what that ticket
 * contributes to the rollups. Pure: the rollup follow-up (rollup-follow-up.ts) and the rebuild
 * (rebuild.ts) both fold headers and events into facts here and write the difference of the
 * contributions before and after.
 *
 * Head office does not fold a ticket's workflow (that needs the store's calendar and machines, which
 * stay on the counter); it reads what each event says: its `toStatus` as the writer saw it, the
 * recorded `sla_breach` events, the follow-up ratings. Every fact is a count, a sum, a minimum or a
 * "latest by HLC", so events arriving in any order, in any batch, give the same facts.
 */

import type { RecordState } from '../../db/sync/protocol';

/** A report month: the local month in China (UTC+8), e.g. 2026-03. */
export const REPORT_OFFSET_MS = 8 * 60 * 60 * 1000;

export function reportMonth(ms: number): string {
  return new Date(ms + REPORT_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * The statuses in which a ticket's work is done (each workflow's `resolved` list in
 * db/tickets/machines/). No status is done in one workflow and not in another, so the union
 * serves every type (test/headoffice/reports/ticket-facts.test.ts holds it to the machines).
 */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set([
  'answered',
  'follow_up',
  'resolved',
  'archived',
  'closed',
  'declined',
  'reviewed',
]);

export const TICKET_TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'] as const;

/** Turnaround buckets, in hours from taking the ticket to its last resolution. */
export const TURNAROUND_BUCKETS = [
  { measure: 'tat1d', underHours: 24 },
  { measure: 'tat3d', underHours: 72 },
  { measure: 'tat7d', underHours: 168 },
  { measure: 'tat14d', underHours: 336 },
  { measure: 'tatOver', underHours: Number.POSITIVE_INFINITY },
] as const;

export type TicketFacts = {
  ticketId: string;
  storeId: string | null;
  /** The header is known and not deleted. */
  live: boolean;
  type: string | null;
  category: string | null;
  channel: string | null;
  createdMs: number | null;
  status: string | null;
  statusHlc: string | null;
  respondedMs: number | null;
  resolvedMs: number | null;
  resolvedHlc: string | null;
  replyBreached: boolean;
  resolveBreached: boolean;
  escalated: boolean;
  reopens: number;
  /** Follow-up ratings by score: ratings[0] counts the 1s … ratings[4] the 5s. */
  ratings: number[];
};

export function emptyFacts(ticketId: string): TicketFacts {
  return {
    ticketId,
    storeId: null,
    live: false,
    type: null,
    category: null,
    channel: null,
    createdMs: null,
    status: null,
    statusHlc: null,
    respondedMs: null,
    resolvedMs: null,
    resolvedHlc: null,
    replyBreached: false,
    resolveBreached: false,
    escalated: false,
    reopens: 0,
    ratings: [0, 0, 0, 0, 0],
  };
}

type Fields = Readonly<Record<string, unknown>>;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const instant = (v: unknown): number | null => {
  const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
};

/** The header's part of the facts: a ticket's merged state (`deleted` set when it was deleted). */
export function withHeader(facts: TicketFacts, fields: Fields, deleted: boolean, storeId: string | null): TicketFacts {
  const type = text(fields.type);
  const createdMs = instant(fields.createdAt);
  return {
    ...facts,
    storeId: storeId ?? text(fields.storeId),
    live: !deleted && type !== null && (TICKET_TYPES as ReadonlyArray<string>).includes(type) && createdMs !== null,
    type,
    category: text(fields.category),
    channel: text(fields.channel),
    createdMs,
  };
}

function eventData(raw: unknown): Fields {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Fields;
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Fields) : {};
  } catch {
    return {};
  }
}

/**
 * A ticket event as `withEvent` reads it: its fields as pushed (action, fromStatus, toStatus, at,
 * data) and its stamp, which travels as the change's HLC (the state's clocks), not as a field.
 */
export function eventOf(state: RecordState): Fields {
  const stamps = Object.values(state.clocks).sort();
  return { ...state.fields, hlc: stamps.at(-1) ?? '' };
}

/** Adds one ticket event (see `eventOf`). */
export function withEvent(facts: TicketFacts, event: Fields): TicketFacts {
  const next = { ...facts, ratings: [...facts.ratings] };
  const action = text(event.action);
  const from = text(event.fromStatus);
  const to = text(event.toStatus);
  const hlc = text(event.hlc) ?? '';
  const at = instant(event.at);
  const data = eventData(event.data);
  if (to !== null && (next.statusHlc === null || hlc > next.statusHlc)) {
    next.status = to;
    next.statusHlc = hlc;
  }
  // The first move out of the first state is the first response, and so is a first reply given at
  // the counter before anyone was made responsible (db/tickets/derive.ts).
  if (((from !== null && to !== null && from !== to) || action === 'first_reply') && at !== null)
    next.respondedMs = next.respondedMs === null ? at : Math.min(next.respondedMs, at);
  if (to !== null && RESOLVED_STATUSES.has(to) && (from === null || !RESOLVED_STATUSES.has(from)) && at !== null) {
    if (next.resolvedHlc === null || hlc > next.resolvedHlc) {
      next.resolvedMs = at;
      next.resolvedHlc = hlc;
    }
  }
  if (to === 'reopened' && from !== 'reopened') next.reopens += 1;
  if (action === 'escalate') next.escalated = true;
  if (action === 'sla_breach' && data.clock === 'respond') next.replyBreached = true;
  if (action === 'sla_breach' && data.clock === 'resolve') next.resolveBreached = true;
  const rating = data.rating;
  if (
    action?.startsWith('follow_up_') &&
    typeof rating === 'number' &&
    Number.isInteger(rating) &&
    rating >= 1 &&
    rating <= 5
  )
    next.ratings[rating - 1]! += 1;
  return next;
}

export const MONTH_MEASURES = [
  'tickets',
  'voided',
  'resolved',
  'reopened',
  'escalated',
  'replyMet',
  'replyBreached',
  'replyOpen',
  'resolveMet',
  'resolveBreached',
  'resolveOpen',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  'tatCount',
  'tatMinutes',
  'tat1d',
  'tat3d',
  'tat7d',
  'tat14d',
  'tatOver',
] as const;
export type MonthMeasure = (typeof MONTH_MEASURES)[number];
export type MonthMeasures = Record<MonthMeasure, number>;

export type Contribution = {
  month: string;
  storeId: string;
  type: string;
  category: string;
  channel: string;
  measures: Partial<MonthMeasures>;
};

/** What a ticket adds to the rollups: nothing until its header is known (and after it is deleted). */
export function contributionOf(facts: TicketFacts): Contribution | null {
  if (!facts.live || facts.storeId === null || facts.type === null || facts.createdMs === null) return null;
  const m: Partial<MonthMeasures> = { tickets: 1 };
  const voided = facts.status === 'voided';
  const resolved = facts.status !== null && RESOLVED_STATUSES.has(facts.status);
  if (voided) m.voided = 1;
  if (resolved) m.resolved = 1;
  if (facts.reopens > 0) m.reopened = 1;
  if (facts.escalated) m.escalated = 1;
  if (facts.replyBreached) m.replyBreached = 1;
  else if (facts.respondedMs !== null) m.replyMet = 1;
  else if (!voided) m.replyOpen = 1;
  if (facts.resolveBreached) m.resolveBreached = 1;
  else if (resolved) m.resolveMet = 1;
  else if (!voided) m.resolveOpen = 1;
  facts.ratings.forEach((count, index) => {
    if (count > 0) m[`rating${index + 1}` as MonthMeasure] = count;
  });
  if (resolved && facts.resolvedMs !== null) {
    const minutes = Math.max(0, Math.round((facts.resolvedMs - facts.createdMs) / 60_000));
    m.tatCount = 1;
    m.tatMinutes = minutes;
    m[TURNAROUND_BUCKETS.find((b) => minutes < b.underHours * 60)!.measure] = 1;
  }
  return {
    month: reportMonth(facts.createdMs),
    storeId: facts.storeId,
    type: facts.type,
    category: facts.category ?? '',
    channel: facts.channel ?? '',
    measures: m,
  };
}
