/**
 * The Electron shell's credential store for sync, on Electron's safeStorage. Thin on purpose: which
 * store (encrypted by the OS, or a file only this user can read when there is no keyring) is
 * decided and tested in db/sync/credential-choice.ts. Call it after the app is ready: before that
 * Linux reports no password store.
 */
import { safeStorage } from 'electron';
import type { CredentialStore } from '../db/sync/credentials';
import { credentialStoreFor } from '../db/sync/credential-choice';

export function safeStorageCredentials(dataDir: string): CredentialStore {
  return credentialStoreFor(safeStorage, process.platform, dataDir);
}
