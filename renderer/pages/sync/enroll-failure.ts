/**
 * A failed enrollment in the counter's language: known codes (certificate problems, head office's
 * refusals) have their own text with the failure's parameters; any other code shows the English
 * message db/sync/enroll.ts wrote, rather than nothing.
 */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../db/api';
import type { syncEn } from '../../i18n/sync.en';

type EnrollErrorCode = keyof (typeof syncEn)['enroll']['errors'];
export type EnrollFailure = NonNullable<SyncStatus['enrollError']>;

export function enrollFailureText(t: TFunction<'sync'>, failure: EnrollFailure): string {
  return t(`enroll.errors.${failure.code as EnrollErrorCode}`, { ...failure.params, defaultValue: failure.message });
}
