/** SLA targets and the breach report: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { TIERS, type Tier } from '../customers/contract';
import { localDate } from './intake';
import { PRIORITIES, TICKET_TYPES, type Priority, type TicketType } from './workflow';

/**
 * What a standard's clock counts: the store's working hours (its opening hours on working days,
 * less holidays), or calendar hours, around the clock (db/tickets/calendar.ts `calendarHours`).
 */
export const CLOCK_COUNTS = ['working', 'calendar'] as const;
export type ClockCounts = (typeof CLOCK_COUNTS)[number];

/** Thirty days of working time: a target beyond that is a typing mistake, not a service standard. */
export const SLA_MAX_MINUTES = 30 * 24 * 60;

const minutes = z
  .number({ error: 'sla_minutes_whole' })
  .int('sla_minutes_whole')
  .min(1, 'sla_minutes_positive')
  .max(SLA_MAX_MINUTES, 'sla_minutes_too_long');

export const slaTargetSchema = z
  .object({
    ticketType: z.enum(TICKET_TYPES, { error: 'invalid_value' }),
    priority: z.enum(PRIORITIES, { error: 'invalid_value' }),
    tier: z.enum(TIERS, { error: 'invalid_value' }),
    replyMinutes: minutes,
    resolveMinutes: minutes,
    counts: z.enum(CLOCK_COUNTS, { error: 'invalid_value' }).default('working'),
  })
  .refine((t) => t.replyMinutes < t.resolveMinutes, {
    message: 'sla_reply_not_below_resolve',
    path: ['resolveMinutes'],
  });
export type SlaTargetInput = z.input<typeof slaTargetSchema>;

export const saveSlaTargetsSchema = z.object({
  targets: z
    .array(slaTargetSchema)
    .min(1, 'required')
    .max(TICKET_TYPES.length * PRIORITIES.length * TIERS.length, 'invalid_value'),
});
export type SaveSlaTargetsInput = z.input<typeof saveSlaTargetsSchema>;

/**
 * A report reads every ticket of its period and, for complaints, lays out a week or month bucket for
 * each part of it: a year (leap or not) is the longest period a counter's report needs.
 */
export const REPORT_MAX_DAYS = 366;

function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const breachReportSchema = z
  .object({ from: localDate, to: localDate })
  .refine((r) => r.from <= r.to, { message: 'report_range_reversed', path: ['to'], abort: true })
  .refine((r) => periodDays(r.from, r.to) <= REPORT_MAX_DAYS, { message: 'report_span_too_long', path: ['to'] });
export type BreachReportInput = z.input<typeof breachReportSchema>;

export type SlaTargetView = Readonly<{
  ticketType: TicketType;
  priority: Priority;
  tier: Tier;
  replyMinutes: number;
  resolveMinutes: number;
  counts: ClockCounts;
}>;

export type BreachKind = 'respond' | 'resolve';

export type BreachReport = Readonly<{
  from: string;
  to: string;
  /** Tickets taken in the period (created on a local date from `from` to `to`). */
  handled: number;
  /** Of those, the tickets with at least one recorded breach. */
  breachedTickets: number;
  /** breachedTickets / handled, 0 when nothing was handled. */
  breachedShare: number;
  /** Recorded breaches whose deadline fell in the period. */
  breaches: number;
  byType: ReadonlyArray<{ ticketType: TicketType; respond: number; resolve: number }>;
  byKind: Readonly<Record<BreachKind, number>>;
  /** The ticket's responsible person; staffId null: nobody was assigned. */
  byStaff: ReadonlyArray<{ staffId: string | null; name: string | null; respond: number; resolve: number }>;
}>;
