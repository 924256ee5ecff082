/**
 * How printed forms write times, dates and money: the same in both languages (2026-11-23 14:05,
 * ¥1,280.00), in the counter PC's local time, so a form reads the same whoever prints it.
 */
import { formatDate as screenDate, formatDateTime as screenDateTime } from '../format/date';

/** 2026-11-23 14:05 local time, from a UTC ISO instant: the Chinese screen's format, in both languages. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? screenDateTime(iso, 'zh-CN') : '';
}

/** A calendar date (YYYY-MM-DD) stays as it is; an instant becomes its local date. */
export function formatDate(value: string | null | undefined): string {
  return value ? screenDate(value, 'zh-CN') : '';
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer fen as yuan: 128000 → ¥1,280.00; a discount or refund −1000 → -¥10.00. */
export function formatFen(fen: number): string {
  return `${fen < 0 ? '-' : ''}¥${money.format(Math.abs(fen) / 100)}`;
}
