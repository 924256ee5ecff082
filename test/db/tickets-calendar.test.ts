/**
 * Working time: the store's hours on its working days, less closed holidays, plus make-up working
 * days (调休). Everything SLA clocks and follow-up dates count in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCalendar, wallClockForTest, type DayKind } from '../../db/tickets/calendar';
import { sh } from './tickets-fixture';

// National Day week 2026: Thu 1 Oct – Wed 7 Oct closed; Sat 10 Oct is a make-up working day.
// (Sun 27 Sep is a make-up day too; the store is closed on Sundays otherwise.)
const holidays = new Map<string, DayKind>([
  ['2026-09-27', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, DayKind] => [`2026-10-${d}`, 'closed']),
  ['2026-10-10', 'workday'],
]);
const cal = createCalendar({
  timeZone: 'Asia/Shanghai',
  opensAt: '09:00',
  closesAt: '21:00',
  workingDays: [1, 2, 3, 4, 5, 6],
  holidays,
});

describe('working time', () => {
  it('counts only opening hours across a night', () => {
    // Monday 20:00 → Tuesday 10:00: one hour before closing, one after opening.
    expect(cal.workingMinutesBetween(sh('2026-11-23 20:00'), sh('2026-11-24 10:00'))).toBe(120);
    expect(cal.addWorkingMinutes(sh('2026-11-23 20:30'), 60)).toBe(sh('2026-11-24 09:30'));
  });

  it('skips the closed Sunday over a weekend', () => {
    // Saturday 20:00 → Monday 10:00.
    expect(cal.workingMinutesBetween(sh('2026-11-28 20:00'), sh('2026-11-30 10:00'))).toBe(120);
    expect(cal.addWorkingMinutes(sh('2026-11-28 20:45'), 30)).toBe(sh('2026-11-30 09:15'));
  });

  it('skips closed holidays and counts make-up working days', () => {
    // Wednesday 30 Sep 20:00 → Thursday 8 Oct 10:00: the whole holiday week is closed.
    expect(cal.workingMinutesBetween(sh('2026-09-30 20:00'), sh('2026-10-08 10:00'))).toBe(120);
    // Saturday 26 Sep 21:00 → Monday 28 Sep 09:00: Sunday 27 Sep is a make-up working day (12 hours).
    expect(cal.workingMinutesBetween(sh('2026-09-26 21:00'), sh('2026-09-28 09:00'))).toBe(12 * 60);
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-09-27')).toBe(true);
  });

  it('adds a day of working time over a holiday: 24 working hours is two opening days', () => {
    expect(cal.addWorkingMinutes(sh('2026-09-30 15:00'), 24 * 60)).toBe(sh('2026-10-09 15:00'));
  });

  it('starts counting at opening when a clock starts while the desk is closed', () => {
    expect(cal.addWorkingMinutes(sh('2026-11-23 06:00'), 15)).toBe(sh('2026-11-23 09:15'));
    expect(cal.addWorkingMinutes(sh('2026-11-29 12:00'), 15)).toBe(sh('2026-11-30 09:15'));
    expect(cal.workingMinutesBetween(sh('2026-11-29 08:00'), sh('2026-11-29 20:00'))).toBe(0);
  });

  it('counts follow-up days in working days', () => {
    // Done on Friday 27 Nov: 3 working days later is Wednesday (Saturday counts, Sunday does not).
    expect(cal.addWorkingDays(sh('2026-11-27 16:00'), 3)).toBe('2026-12-01');
    // Done on Wed 30 Sep: Thu–Wed are closed, Thu 8 is day 1, Fri 9 day 2, Sat 10 (make-up) day 3.
    expect(cal.addWorkingDays(sh('2026-09-30 16:00'), 3)).toBe('2026-10-10');
  });

  it('reads local dates in the store’s zone, not UTC', () => {
    // 23:30 UTC on the 22nd is already 07:30 on the 23rd in Shanghai.
    expect(cal.localDate(Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(cal.localTime(Date.parse('2026-11-22T23:30:00Z'))).toBe('07:30');
  });

  it('handles a zone with daylight saving', () => {
    const berlin = createCalendar({
      timeZone: 'Europe/Berlin',
      opensAt: '09:00',
      closesAt: '17:00',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      holidays: new Map(),
    });
    // Clocks go forward on Sunday 29 March 2026: opening is 07:00 UTC the day after, 08:00 UTC the day before.
    expect(berlin.window('2026-03-28')![0]).toBe(Date.parse('2026-03-28T08:00:00Z'));
    expect(berlin.window('2026-03-30')![0]).toBe(Date.parse('2026-03-30T07:00:00Z'));
    expect(berlin.workingMinutesBetween(Date.parse('2026-03-28T15:00:00Z'), Date.parse('2026-03-30T08:00:00Z'))).toBe(
      60 + 8 * 60 + 60,
    );
  });

  it('refuses to look for working time that does not exist', () => {
    const never = createCalendar({
      timeZone: 'Asia/Shanghai',
      opensAt: '09:00',
      closesAt: '21:00',
      workingDays: [],
      holidays: new Map(),
    });
    expect(() => never.addWorkingMinutes(sh('2026-11-23 09:00'), 15)).toThrow(/No working time/);
  });
});

describe('wall clock of an instant', () => {
  const { wallParts, intlWallParts } = wallClockForTest;
  const zones = [
    'Asia/Shanghai',
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Asia/Kathmandu',
  ];
  // Offset changes in 2026: Los Angeles and St John's in March and November, London in March and
  // October, Lord Howe (half an hour, at 15:30 UTC) in April and October.
  const changes = [
    '2026-03-08T10:00:00Z',
    '2026-11-01T09:00:00Z',
    '2026-03-29T01:00:00Z',
    '2026-10-25T01:00:00Z',
    '2026-04-04T15:00:00Z',
    '2026-10-03T15:30:00Z',
    '2026-03-08T05:30:00Z',
  ].map(Date.parse);
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
    .map(([at, delta]) => at + delta);
  const anyInstant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2031-01-01T00:00:00Z') });

  it('is what Intl says, across offset changes too, with the offsets cached', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(nearChange, anyInstant), (zone, ms) => {
        expect(wallParts(ms, zone)).toEqual(intlWallParts(ms, zone));
        // Asked again (now from the cache), the same.
        expect(wallParts(ms, zone)).toEqual(intlWallParts(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });
});
