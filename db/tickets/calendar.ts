/**
 * Working time: the store's opening hours on its working days, less closed holidays, plus make-up
 * working days (调休). SLA clocks and follow-up dates count in it (docs/DESIGN.md data rules), never in
 * wall-clock days. Pure: instants in, instants out, so a clock is computed from stored event times
 * and the same events always give the same answer.
 *
 * Instants are epoch milliseconds; local dates are 'YYYY-MM-DD' in the store's IANA time zone.
 */

export type DayKind = 'closed' | 'workday';

export type CalendarSettings = Readonly<{
  timeZone: string;
  /** "HH:MM", local. */
  opensAt: string;
  closesAt: string;
  /** ISO weekdays, 1 (Mon) … 7 (Sun). */
  workingDays: ReadonlyArray<number>;
  /** Exceptions by local date: a closed holiday, or a make-up working day on a weekend. */
  holidays: ReadonlyMap<string, DayKind>;
  /** A fingerprint of all of the above, stored with deadlines computed in this calendar. */
  key?: string;
}>;

export type StoreCalendar = Readonly<{
  settings: CalendarSettings;
  localDate(ms: number): string;
  /** The local wall-clock time "HH:MM" of an instant. */
  localTime(ms: number): string;
  isWorkingDay(date: string): boolean;
  /** The day's opening window as instants, or null on a day the desk is closed. */
  window(date: string): readonly [number, number] | null;
  workingMinutesBetween(from: number, to: number): number;
  /** The instant `minutes` of working time after `from` (the end of the last open window used). */
  addWorkingMinutes(from: number, minutes: number): number;
  /** The local date `days` working days after the local date of `from`. */
  addWorkingDays(from: number, days: number): string;
}>;

const MINUTE = 60_000;
/** A clock that cannot find enough working time within ten years has a settings problem, not a due date. */
const MAX_DAYS_SCANNED = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

type WallParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The zone's wall clock at an instant, read from Intl (the slow, exact way). */
function intlWallParts(ms: number, timeZone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function exactOffsetMinutes(ms: number, timeZone: string): number {
  const p = intlWallParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

const HOUR = 60 * MINUTE;
/**
 * Offsets of hours with no change of offset in them, by zone and hour. SLA clocks ask for the wall
 * time of thousands of instants per ticket fold, and Intl's formatToParts was most of a snapshot's
 * ticket folding; an hour's offset is cached only when it is the same at both ends of the hour (no
 * zone changes its offset twice within an hour), so DST changes are still read exactly.
 */
const steadyOffsets = new Map<string, number>();

/** Minutes the zone is ahead of UTC at an instant (+480 for Asia/Shanghai). */
function offsetMinutes(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR);
  const key = `${timeZone} ${hour}`;
  const cached = steadyOffsets.get(key);
  if (cached !== undefined) return cached;
  const start = exactOffsetMinutes(hour * HOUR, timeZone);
  if (start !== exactOffsetMinutes(hour * HOUR + HOUR - 1000, timeZone)) return exactOffsetMinutes(ms, timeZone);
  if (steadyOffsets.size >= 100_000) steadyOffsets.clear();
  steadyOffsets.set(key, start);
  return start;
}

function wallParts(ms: number, timeZone: string): WallParts {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes(ms, timeZone) * MINUTE);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** For tests: the wall clock both ways (cached offset, and Intl directly). */
export const wallClockForTest = { wallParts, intlWallParts };

/** The instant a local date and "HH:MM" name in the zone (the later reading across a DST gap). */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetMinutes(guess, timeZone) * MINUTE;
  const second = guess - offsetMinutes(first, timeZone) * MINUTE;
  return second;
}

export function localDateOf(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Plain calendar arithmetic on 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function createCalendar(settings: CalendarSettings): StoreCalendar {
  const { timeZone, opensAt, closesAt, workingDays, holidays } = settings;
  const windows = new Map<string, readonly [number, number] | null>();

  function isWorkingDay(date: string): boolean {
    const exception = holidays.get(date);
    if (exception === 'closed') return false;
    if (exception === 'workday') return true;
    return workingDays.includes(isoWeekday(date));
  }

  function window(date: string): readonly [number, number] | null {
    if (windows.has(date)) return windows.get(date)!;
    const open = isWorkingDay(date)
      ? ([zonedInstant(date, opensAt, timeZone), zonedInstant(date, closesAt, timeZone)] as const)
      : null;
    const result = open && open[1] > open[0] ? open : null;
    windows.set(date, result);
    return result;
  }

  const localDate = (ms: number): string => localDateOf(ms, timeZone);

  function workingMinutesBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    const last = localDate(to);
    let date = localDate(from);
    for (let i = 0; i <= MAX_DAYS_SCANNED; i++) {
      const open = window(date);
      if (open) total += Math.max(0, Math.min(to, open[1]) - Math.max(from, open[0]));
      if (date >= last) break;
      date = addDays(date, 1);
    }
    return total / MINUTE;
  }

  function addWorkingMinutes(from: number, minutes: number): number {
    let left = minutes * MINUTE;
    let date = localDate(from);
    for (let i = 0; i <= MAX_DAYS_SCANNED; i++) {
      const open = window(date);
      if (open && open[1] > from) {
        const start = Math.max(from, open[0]);
        const available = open[1] - start;
        if (left <= available) return start + left;
        left -= available;
      }
      date = addDays(date, 1);
    }
    throw new Error(
      `No working time found within ${MAX_DAYS_SCANNED} days of ${new Date(from).toISOString()}: check the store's working days and holidays`,
    );
  }

  function addWorkingDays(from: number, days: number): string {
    let date = localDate(from);
    let counted = 0;
    for (let i = 0; i <= MAX_DAYS_SCANNED; i++) {
      date = addDays(date, 1);
      if (isWorkingDay(date)) counted += 1;
      if (counted >= days) return date;
    }
    throw new Error(
      `No ${days} working days found after ${localDate(from)}: check the store's working days and holidays`,
    );
  }

  return {
    settings,
    localDate,
    localTime(ms) {
      const p = wallParts(ms, timeZone);
      return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
    },
    isWorkingDay,
    window,
    workingMinutesBetween,
    addWorkingMinutes,
    addWorkingDays,
  };
}

/**
 * The same store calendar counting calendar hours: every minute of every day, nights, weekends and
 * holidays included. A standard that `counts: 'calendar'` runs its clocks in it (a 24-hour promise
 * for an urgent repair means 24 hours on the wall clock); local dates stay the store's.
 */
export function calendarHours(cal: StoreCalendar): StoreCalendar {
  const settings = { ...cal.settings, key: `${cal.settings.key ?? ''}:calendar` };
  return {
    settings,
    localDate: cal.localDate,
    localTime: cal.localTime,
    isWorkingDay: () => true,
    window: (date) =>
      [
        zonedInstant(date, '00:00', settings.timeZone),
        zonedInstant(addDays(date, 1), '00:00', settings.timeZone),
      ] as const,
    workingMinutesBetween: (from, to) => (to <= from ? 0 : (to - from) / MINUTE),
    addWorkingMinutes: (from, minutes) => from + minutes * MINUTE,
    addWorkingDays: (from, days) => addDays(cal.localDate(from), days),
  };
}
