/**
 * Quiet hours: no message goes out at night. The counter applies them when it queues a message, so
 * head office sends at `not_before` without knowing the store's zone. Times are "HH:MM" on the
 * store's wall clock; a window whose start is after its end runs across midnight (21:00–08:00);
 * equal start and end means no quiet hours.
 */
import { addDays, localDateOf, zonedInstant } from '../tickets/calendar';

export type QuietHours = Readonly<{ start: string; end: string }>;
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export function isClockTime(value: string): boolean {
  return HHMM.test(value);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function wallMinutes(ms: number, timeZone: string): number {
  const date = localDateOf(ms, timeZone);
  // Minutes since the local midnight, read back through the zone so a DST day counts right.
  const midnight = zonedInstant(date, '00:00', timeZone);
  return Math.floor((ms - midnight) / 60_000);
}

/** The earliest instant at or after `ms` outside the quiet hours. */
export function firstSendable(ms: number, quiet: QuietHours, timeZone: string): number {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return ms;
  const date = localDateOf(ms, timeZone);
  const now = wallMinutes(ms, timeZone);
  if (start > end) {
    // Across midnight: late evening waits for tomorrow's end, early morning for today's.
    if (now >= start) return zonedInstant(addDays(date, 1), quiet.end, timeZone);
    if (now < end) return zonedInstant(date, quiet.end, timeZone);
    return ms;
  }
  if (now >= start && now < end) return zonedInstant(date, quiet.end, timeZone);
  return ms;
}
