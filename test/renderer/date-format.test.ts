/**
 * The one date format (renderer/format/date.ts): the store's language decides the pattern, epoch ms
 * and ISO text give the same answer, and nothing that is not a date reaches the screen as
 * "Invalid Date" or "NaN".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, NO_DATE, toDayjs, todayIso } from '../../renderer/format/date';
import { formatDate as printDate, formatDateTime as printDateTime } from '../../renderer/print/format';

// Local time is the counter PC's; pin it so the expectations do not depend on where the test runs.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = savedZone;
});

// 2026-12-07 13:58:02 in Shanghai.
const INSTANT = '2026-12-07T05:58:02.000Z';
const MS = Date.parse(INSTANT);

describe('formatDateTime / formatDate / formatTime', () => {
  it('writes Chinese screens as 2026-12-07 13:58', () => {
    expect(formatDateTime(INSTANT, 'zh-CN')).toBe('2026-12-07 13:58');
    expect(formatDate(INSTANT, 'zh-CN')).toBe('2026-12-07');
    expect(formatTime(INSTANT, 'zh-CN')).toBe('13:58');
  });

  it('writes English screens as 7 Dec 2026, 13:58, never 12/7/2026', () => {
    expect(formatDateTime(INSTANT, 'en')).toBe('7 Dec 2026, 13:58');
    expect(formatDate(INSTANT, 'en')).toBe('7 Dec 2026');
    expect(formatTime(INSTANT, 'en')).toBe('13:58');
  });

  it('gives epoch milliseconds and ISO text the same answer', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      expect(formatDateTime(MS, language)).toBe(formatDateTime(INSTANT, language));
      expect(formatDate(MS, language)).toBe(formatDate(INSTANT, language));
    }
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(formatDate('2026-03-15', 'zh-CN')).toBe('2026-03-15');
    expect(formatDate('2026-03-15', 'en')).toBe('15 Mar 2026');
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2026-03-15', 'en')).toBe('15 Mar 2026');
    } finally {
      process.env.TZ = 'Asia/Shanghai';
    }
  });

  it('writes a date in the year 9999 and years before 100 in full', () => {
    expect(formatDate('9999-12-31', 'zh-CN')).toBe('9999-12-31');
    expect(formatDateTime('9999-06-30T04:00:00Z', 'en')).toBe('30 Jun 9999, 12:00');
    expect(formatDate('0099-01-02', 'zh-CN')).toBe('0099-01-02');
  });

  it('shows "—" for a missing or invalid value, never "Invalid Date"', () => {
    const bad: unknown[] = [
      null,
      undefined,
      '',
      'yesterday',
      '12/7/2026',
      '2026-02-30',
      '2026-13-01',
      NaN,
      Infinity,
      8.64e15 + 1,
    ];
    for (const value of bad)
      for (const language of ['zh-CN', 'en'] as const) {
        const shown = [
          formatDate(value as string, language),
          formatDateTime(value as string, language),
          formatTime(value as string, language),
        ];
        expect(shown, String(value)).toEqual([NO_DATE, NO_DATE, NO_DATE]);
      }
  });

  it('falls back to English patterns for a language it does not know', () => {
    expect(formatDate('2026-03-15', 'fr')).toBe('15 Mar 2026');
  });

  it('reads only ISO text: calendar dates strictly, instants with their zone', () => {
    expect(toDayjs('2026-02-28')?.date()).toBe(28);
    expect(toDayjs('2026-02-29')).toBeNull();
    expect(toDayjs('2026-12-07T05:58:02Z')?.hour()).toBe(13);
    expect(toDayjs('Mon Dec 07 2026')).toBeNull();
  });

  it("says today's date on this PC's calendar", () => {
    // 23:30 UTC on the 6th is already the 7th in Shanghai.
    expect(todayIso(Date.parse('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
  });
});

describe('printed forms', () => {
  it('write dates and times as the Chinese screen does, in both languages', () => {
    expect(printDateTime(INSTANT)).toBe(formatDateTime(INSTANT, 'zh-CN'));
    expect(printDate(INSTANT)).toBe(formatDate(INSTANT, 'zh-CN'));
    expect(printDate('2026-03-15')).toBe('2026-03-15');
    expect(printDateTime(null)).toBe('');
  });
});
