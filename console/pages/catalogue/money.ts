/** Money in the catalogue pages: stored and sent as integer fen, shown as ¥ with 2 decimals, typed in yuan. */

/** ¥1,234.50 from 123450 fen; integer arithmetic until the very end. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as typed (an InputNumber with 2 decimals) to whole fen; null when empty. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}
