/**
 * The one way the counter writes dates and times: in the store's UI language, in this PC's local
 * time (the counter PC is in the store's zone), never in the browser's own format.
 *
 *   zh-CN  2026-12-07 13:58   2026-12-07   13:58
 *   en     7 Dec 2026, 13:58  7 Dec 2026   13:58
 *
 * A value that is missing or not a date shows as "—" rather than "Invalid Date" or "NaN".
 */
import dayjs, { type Dayjs } from 'dayjs';
import i18next from 'i18next';
import { isLanguage, type Language } from '../i18n/language';

/** What the screen shows when there is no date to show. */
export const NO_DATE = '—';

/** dayjs patterns per language; the picker shows and reads the same date pattern. */
export const DATE_PATTERNS: Readonly<Record<Language, { date: string; dateTime: string; time: string }>> = {
  'zh-CN': { date: 'YYYY-MM-DD', dateTime: 'YYYY-MM-DD HH:mm', time: 'HH:mm' },
  en: { date: 'D MMM YYYY', dateTime: 'D MMM YYYY, HH:mm', time: 'HH:mm' },
};

export type DateInput = string | number | null | undefined;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD) is that day wherever the PC is; an ISO instant or epoch ms is read
 * in local time. Impossible dates (2026-02-30) are refused rather than rolled into March.
 */
export function toDayjs(value: DateInput): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    const d = dayjs(value);
    return Number.isFinite(value) && d.isValid() ? d : null;
  }
  const calendar = CALENDAR_DATE.exec(value);
  if (calendar) {
    const [, y, m, d] = calendar.map(Number) as [number, number, number, number];
    const local = new Date(y, m - 1, d);
    // Date takes years 0-99 as 1900-1999; set the year explicitly.
    local.setFullYear(y, m - 1, d);
    const exact = dayjs(local);
    return exact.isValid() && exact.month() === m - 1 && exact.date() === d ? exact : null;
  }
  // Only ISO-like text: dayjs would otherwise hand anything to Date's lenient parser.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

function languageOf(language?: string): Language {
  const chosen = language ?? i18next.language;
  return isLanguage(chosen) ? chosen : 'en';
}

function format(value: DateInput, pattern: 'date' | 'dateTime' | 'time', language?: string): string {
  const d = toDayjs(value);
  // dayjs's default 'en' locale writes the month names; zh-CN patterns are all digits.
  return d ? d.locale('en').format(DATE_PATTERNS[languageOf(language)][pattern]) : NO_DATE;
}

/** 2026-12-07 / 7 Dec 2026. */
export function formatDate(value: DateInput, language?: string): string {
  return format(value, 'date', language);
}

/** 2026-12-07 13:58 / 7 Dec 2026, 13:58. */
export function formatDateTime(value: DateInput, language?: string): string {
  return format(value, 'dateTime', language);
}

/** 13:58 in both languages. */
export function formatTime(value: DateInput, language?: string): string {
  return format(value, 'time', language);
}

/** The ISO calendar date (YYYY-MM-DD) the desk API expects, from a picked day. */
export function isoDate(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/** Today on this PC's calendar as YYYY-MM-DD. */
export function todayIso(now: number = Date.now()): string {
  return dayjs(now).format('YYYY-MM-DD');
}
