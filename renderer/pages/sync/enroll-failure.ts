/**
 * A failed enrollment in the counter's language: known codes (certificate problems, head office's
 * refusals) have their own text with the failure's parameters; any other code shows the English
 * message db/sync/enroll.ts wrote, rather than nothing.
 */
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../format/date';
import type { SyncStatus } from '../../../db/api';
import type { syncEn } from '../../i18n/sync.en';

type EnrollErrorCode = keyof (typeof syncEn)['enroll']['errors'];
export type EnrollFailure = NonNullable<SyncStatus['enrollError']>;

/** Parameters that are instants, shown as the counter's local date and time. */
const INSTANTS = ['enrolledAt', 'lastSync'];

export function enrollFailureText(t: TFunction<'sync'>, failure: EnrollFailure, language = 'en'): string {
  const params: Record<string, string> = { ...failure.params };
  for (const key of INSTANTS) {
    const value = params[key];
    if (value === undefined) continue;
    params[key] = formatDateTime(value, language);
  }
  return t(`enroll.errors.${failure.code as EnrollErrorCode}`, { ...params, defaultValue: failure.message });
}
