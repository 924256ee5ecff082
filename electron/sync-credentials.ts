/**
 * The Electron shell's credential store for sync: the device secret encrypted with safeStorage
 * (DPAPI on Windows, the keyring on Linux), in a file beside the database. Thin on purpose: the
 * logic is db/sync/credentials.ts, tested there.
 */
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { encryptedCredentialStore, fileCredentialStore, type CredentialStore } from '../db/sync/credentials';

export function safeStorageCredentials(dataDir: string): CredentialStore {
  if (!safeStorage.isEncryptionAvailable()) {
    // No OS keyring (a bare Linux desktop): fall back to a file only this user can read, and say so.
    return fileCredentialStore(join(dataDir, 'sync-credentials.json'));
  }
  return encryptedCredentialStore({
    file: join(dataDir, 'sync-credentials.bin'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
    description: 'encrypted by the operating system (Electron safeStorage)',
  });
}
