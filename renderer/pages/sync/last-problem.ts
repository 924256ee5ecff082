/**
 * The last sync failure of an enrolled PC in the counter's language: certificate and network
 * problems and head office being down have their own text (the PC keeps trying by itself); any
 * other failure shows the English message the engine wrote, rather than nothing.
 */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../db/api';
import type { syncEn } from '../../i18n/sync.en';

type FailureCode = keyof (typeof syncEn)['page']['failures'];

export function lastProblemText(
  t: TFunction<'sync'>,
  status: Pick<SyncStatus, 'lastError' | 'lastFailure'>,
): string | null {
  if (status.lastError === null) return null;
  if (!status.lastFailure) return status.lastError;
  return t(`page.failures.${status.lastFailure.code as FailureCode}`, {
    ...status.lastFailure.params,
    defaultValue: status.lastError,
  });
}
