/** How ticket pages show times, local dates and working-time durations, in the UI language. */
import { useTranslation } from 'react-i18next';
import type { ClockCounts } from '../../../db/api';

export type TicketFormat = Readonly<{
  /** A stored UTC instant as local date and time. */
  dateTime: (iso: string | null) => string;
  /** A local calendar date (YYYY-MM-DD) as the language writes dates. */
  date: (ymd: string | null) => string;
  time: (iso: string) => string;
  /** Working minutes as "1 h 20 min". */
  duration: (minutes: number) => string;
  /** A target with the clock it counts in: "24 h (calendar)", "15 min (working)". */
  span: (minutes: number, counts: ClockCounts) => string;
}>;

export function useTicketFormat(): TicketFormat {
  const { t, i18n } = useTranslation('tickets');
  const dateTimeFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  // A calendar date has no zone: format it as the UTC day it names.
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const duration = (minutes: number): string => {
    const total = Math.round(Math.abs(minutes));
    const h = Math.floor(total / 60);
    const m = total % 60;
    if (h === 0) return t('sla.minutes', { m });
    return m === 0 ? t('sla.wholeHours', { h }) : t('sla.hours', { h, m });
  };
  return {
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : ''),
    date: (ymd) => (ymd ? dateFormat.format(new Date(`${ymd}T00:00:00Z`)) : ''),
    time: (iso) => timeFormat.format(new Date(iso)),
    duration,
    span: (minutes, counts) => t(`sla.span.${counts}`, { time: duration(minutes) }),
  };
}

/** This PC's local date as YYYY-MM-DD (the counter PC is in the store's zone). */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A value for <input type="datetime-local"> from a stored instant, and back. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
