/** Sizes and times of backups as the counter reads them. */
import { formatDateTime } from '../../format/date';
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function timeText(iso: string, language: string): string {
  return formatDateTime(iso, language);
}
