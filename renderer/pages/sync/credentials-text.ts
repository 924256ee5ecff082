/**
 * How this PC's sync secret is kept, in the counter's language: encrypted by the OS only when it
 * really is (a Linux PC without a keyring keeps a file only this OS user can read, and says so).
 */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../db/api';

export function credentialsText(t: TFunction<'sync'>, kept: NonNullable<SyncStatus['credentialsKept']>): string {
  if (kept.kind === 'os_encrypted') return t('page.credentialsEncrypted', { backend: kept.backend });
  return t(kept.why === 'no_keyring' ? 'page.credentialsNoKeyring' : 'page.credentialsBrowserHost', {
    file: kept.file,
  });
}
