/**
 * How printed forms write times, dates and money: the same in both languages (2026-11-23 14:05,
 * ¥1,280.00), in the counter PC's local time, so a form reads the same whoever prints it.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 2026-11-23 14:05 local time, from a UTC ISO instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A calendar date (YYYY-MM-DD) stays as it is; an instant becomes its local date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return formatDateTime(value).slice(0, 10);
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer fen as yuan: 128000 → ¥1,280.00. */
export function formatFen(fen: number): string {
  return `¥${money.format(fen / 100)}`;
}
