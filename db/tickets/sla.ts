/**
 * SLA clocks (docs/DOMAIN.md §8): first response and resolution, counted in working time
 * (db/tickets/calendar.ts), stopped while the ticket waits for the customer or for parts, and
 * while it is resolved (a reopen starts the resolution clock again where it stopped).
 *
 * Computed from the stored event times, never from a running timer: the same events and calendar
 * always give the same deadlines, and "now" only decides how much of the running clock has gone.
 * Event times come from HLC stamps and "now" is never before the last stamp, so setting the PC
 * clock back cannot hand a ticket its time back (it only freezes the clock until time catches up).
 * The targets come from the sla_target table (db/tickets/targets.ts); a target that counts calendar
 * hours runs both clocks around the clock (`clockCalendar`).
 */
import { calendarHours, type StoreCalendar } from './calendar';
import type { Derived, Segment } from './derive';
import { isFinal, isResolved } from './steps';
import type { AnyMachine } from './workflow';

/** Near breach: a fifth of the time left. */
export const NEAR_SHARE = 0.2;

export type Clock = Readonly<{
  targetMinutes: number;
  /** running: counting now; paused: waiting for the customer or parts; stopped: met, resolved or void. */
  state: 'running' | 'paused' | 'stopped';
  elapsedMinutes: number;
  /** When a running clock runs out (stays put until the next event changes the ticket). */
  dueAt: number | null;
  /** When a running clock turns "near breach". */
  warnAt: number | null;
  /** When the target was exceeded, if it was (by now). */
  breachedAt: number | null;
  /** When a stopped clock stopped. */
  stoppedAt: number | null;
}>;

type Interval = readonly [number, number];

/** The counting intervals of a clock: segments it counts in, cut at `until` (the response, or now). */
function counting(
  segments: ReadonlyArray<Segment>,
  counts: (s: Segment) => boolean,
  until: number,
): { closed: Interval[]; openFrom: number | null } {
  const closed: Interval[] = [];
  let openFrom: number | null = null;
  segments.forEach((segment, index) => {
    if (!counts(segment) || segment.start >= until) return;
    const next = segments[index + 1];
    if (next && next.start < until) closed.push([segment.start, next.start]);
    else if (next || until !== Number.POSITIVE_INFINITY)
      closed.push([segment.start, Math.min(next?.start ?? until, until)]);
    else openFrom = segment.start;
  });
  return { closed, openFrom };
}

function runClock(
  cal: StoreCalendar,
  target: number,
  closed: ReadonlyArray<Interval>,
  openFrom: number | null,
  now: number,
  stopped: 'paused' | 'stopped',
  stoppedAt: number | null,
): Clock {
  let elapsed = 0;
  let breachedAt: number | null = null;
  for (const [start, end] of closed) {
    const worked = cal.workingMinutesBetween(start, end);
    if (breachedAt === null && elapsed + worked >= target && worked > 0)
      breachedAt = cal.addWorkingMinutes(start, target - elapsed);
    elapsed += worked;
  }
  if (openFrom === null) {
    return {
      targetMinutes: target,
      state: stopped,
      elapsedMinutes: elapsed,
      dueAt: null,
      warnAt: null,
      breachedAt,
      stoppedAt,
    };
  }
  const dueAt = breachedAt ?? cal.addWorkingMinutes(openFrom, target - elapsed);
  const warnLeft = target * (1 - NEAR_SHARE) - elapsed;
  const warnAt = warnLeft <= 0 ? openFrom : cal.addWorkingMinutes(openFrom, warnLeft);
  const total = elapsed + cal.workingMinutesBetween(openFrom, Math.max(now, openFrom));
  return {
    targetMinutes: target,
    state: 'running',
    elapsedMinutes: total,
    dueAt,
    warnAt,
    breachedAt: breachedAt ?? (dueAt <= now ? dueAt : null),
    stoppedAt: null,
  };
}

export type SlaClocks = Readonly<{ respond: Clock; resolve: Clock }>;

/** The calendar a ticket's clocks count in: the store's working hours, or calendar hours. */
export function clockCalendar(cal: StoreCalendar, counts: 'working' | 'calendar'): StoreCalendar {
  return counts === 'calendar' ? calendarHours(cal) : cal;
}

export function computeSla(machine: AnyMachine, derived: Derived, storeCal: StoreCalendar, now: number): SlaClocks {
  const { segments, targets } = derived;
  const cal = clockCalendar(storeCal, targets.counts);
  const last = segments.at(-1);
  const lastPaused = last !== undefined && last.pausedFor !== null;
  const ended = last !== undefined && isFinal(machine, last.status);

  const respondUntil = derived.respondedAt ?? (ended ? last.start : Number.POSITIVE_INFINITY);
  const respondRun = counting(segments, (s) => s.pausedFor === null, respondUntil);
  const respondStoppedAt = derived.respondedAt ?? (ended ? last.start : null);
  const respond = runClock(
    cal,
    targets.respondMinutes,
    respondRun.closed,
    respondRun.openFrom,
    now,
    respondStoppedAt === null && lastPaused ? 'paused' : 'stopped',
    respondStoppedAt,
  );

  const resolveRun = counting(
    segments,
    (s) => s.pausedFor === null && !isResolved(machine, s.status),
    Number.POSITIVE_INFINITY,
  );
  const resolvedNow = last !== undefined && isResolved(machine, last.status);
  const resolve = runClock(
    cal,
    targets.resolveMinutes,
    resolveRun.closed,
    resolveRun.openFrom,
    now,
    resolvedNow ? 'stopped' : 'paused',
    resolvedNow ? last.start : null,
  );
  return { respond, resolve };
}

export type SlaLevel = 'ok' | 'near' | 'breached' | 'paused' | 'done';

/** The clock a list shows: the running one (the response first), its level and working time left. */
export function slaLevel(
  clocks: SlaClocks,
  cal: StoreCalendar,
  now: number,
): { clock: 'respond' | 'resolve'; level: SlaLevel; dueAt: number | null; remainingMinutes: number | null } {
  const clock = clocks.respond.state === 'running' ? 'respond' : 'resolve';
  const c = clocks[clock];
  if (c.state === 'paused') return { clock, level: 'paused', dueAt: null, remainingMinutes: null };
  if (c.state === 'stopped' || c.dueAt === null) return { clock, level: 'done', dueAt: null, remainingMinutes: null };
  const remaining = c.dueAt > now ? cal.workingMinutesBetween(now, c.dueAt) : -cal.workingMinutesBetween(c.dueAt, now);
  const level: SlaLevel = c.dueAt <= now ? 'breached' : c.warnAt !== null && c.warnAt <= now ? 'near' : 'ok';
  return { clock, level, dueAt: c.dueAt, remainingMinutes: Math.round(remaining) };
}
