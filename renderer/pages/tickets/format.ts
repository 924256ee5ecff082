/** How ticket pages show times, local dates and working-time durations, in the UI language. */
import { useTranslation } from 'react-i18next';
import type { ClockCounts } from '../../../db/api';
import { formatDate, formatDateTime, formatTime, todayIso } from '../../format/date';

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
  const language = i18n.language;
  const duration = (minutes: number): string => {
    const total = Math.round(Math.abs(minutes));
    const h = Math.floor(total / 60);
    const m = total % 60;
    if (h === 0) return t('sla.minutes', { m });
    return m === 0 ? t('sla.wholeHours', { h }) : t('sla.hours', { h, m });
  };
  return {
    dateTime: (iso) => (iso ? formatDateTime(iso, language) : ''),
    date: (ymd) => (ymd ? formatDate(ymd, language) : ''),
    time: (iso) => formatTime(iso, language),
    duration,
    span: (minutes, counts) => t(`sla.span.${counts}`, { time: duration(minutes) }),
  };
}

/** This PC's local date as YYYY-MM-DD (the counter PC is in the store's zone). */
export function todayLocal(): string {
  return todayIso();
}
