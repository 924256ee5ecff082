/** How the parts pages show money (integer fen, shown in yuan), times and quantities. */

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

/** A stored UTC instant as the counter's local date and time. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD on this PC's calendar. */
export function todayLocal(): string {
  return formatTime(new Date().toISOString()).slice(0, 10);
}

/** +3 / −2: signs the clerk reads at a glance. */
export function signed(qty: number): string {
  return qty > 0 ? `+${qty}` : qty < 0 ? `−${-qty}` : '0';
}
