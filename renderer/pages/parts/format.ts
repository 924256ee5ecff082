/** How the parts pages show money (integer fen, shown in yuan), times and quantities. */
import { formatDateTime, todayIso } from '../../format/date';

/** ¥1,234.50 from 123450 fen; integer arithmetic until the very end. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as typed (up to two decimals) to whole fen; null when it is not an amount. */
export function yuanToFen(yuan: number | null): number | null {
  if (yuan === null || !Number.isFinite(yuan)) return null;
  return Math.round(yuan * 100);
}

/** A stored UTC instant as the counter's local date and time, in the UI language's format. */
export function formatTime(iso: string | null): string {
  return iso ? formatDateTime(iso) : '';
}

/** Today as YYYY-MM-DD on this PC's calendar. */
export function todayLocal(): string {
  return todayIso();
}

/** +3 / −2: signs the clerk reads at a glance. */
export function signed(qty: number): string {
  return qty > 0 ? `+${qty}` : qty < 0 ? `−${-qty}` : '0';
}
