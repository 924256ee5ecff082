/**
 * The one date picker: antd's DatePicker showing and reading the store's date format
 * (renderer/format/date.ts), never the browser's mm/dd/yyyy, and handing back what the desk API
 * expects — an ISO calendar date (2026-03-15), or with `withTime` an ISO instant. Typing a date
 * works in the shown format and as 2026-03-15, 2026/3/15 or 20260315.
 */
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PATTERNS, isoDate, toDayjs } from '../format/date';
import { isLanguage } from '../i18n/language';

/** What a typed date may look like besides the shown format. */
const TYPED_DATES = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYYMMDD', 'YYYY-M-D'];
const TYPED_TIMES = ['YYYY-MM-DD HH:mm', 'YYYY-MM-DDTHH:mm', 'YYYY/M/D HH:mm'];

/** The picker's formats in the UI language: the first is shown, all are read. */
export function useDateFormats(): { date: string[]; dateTime: string[] } {
  const { i18n } = useTranslation();
  const patterns = DATE_PATTERNS[isLanguage(i18n.language) ? i18n.language : 'en'];
  return {
    date: [patterns.date, ...TYPED_DATES.filter((f) => f !== patterns.date)],
    dateTime: [patterns.dateTime, ...TYPED_TIMES.filter((f) => f !== patterns.dateTime)],
  };
}

type DateInputProps = {
  id?: string;
  name?: string;
  /** YYYY-MM-DD, or an ISO instant with `withTime`; empty or undefined for none. */
  value: string | null | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  withTime?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean;
};

export function DateInput({ value, onChange, withTime = false, style, placeholder, ...rest }: DateInputProps) {
  const formats = useDateFormats();
  const format = withTime ? formats.dateTime : formats.date;
  const picked = toDayjs(value ?? null);
  return (
    <DatePicker
      {...rest}
      value={picked}
      format={format}
      showTime={withTime ? { format: 'HH:mm' } : false}
      needConfirm={false}
      // The shown format as the hint, so nobody guesses the order of day and month.
      placeholder={placeholder ?? format[0]}
      onChange={(day: Dayjs | null) => {
        if (!day) onChange(undefined);
        else onChange(withTime ? day.second(0).millisecond(0).toISOString() : isoDate(day));
      }}
      style={{ width: withTime ? 220 : 170, ...style }}
    />
  );
}
