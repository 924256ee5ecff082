/**
 * Where a counter PC keeps its head-office credentials (docs/SYNC.md §2.9): the device id and the
 * long-lived refresh secret. Behind an interface so the Electron shell stores them encrypted with
 * safeStorage (electron/sync-credentials.ts) while the browser host keeps a file only the user
 * can read (mode 0600) beside the database. Never in the SQLite file: a copied database must not
 * carry the right to sync as this PC.
 */
import type { CredentialProtection } from './status';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export type DeviceCredentials = { deviceId: string; refreshSecret: string; serverUrl: string };

export type CredentialStore = {
  /** Where or how they are kept, in English for logs ("encrypted by Windows", a file path). */
  readonly description: string;
  readonly protection: CredentialProtection;
  load(): DeviceCredentials | null;
  save(credentials: DeviceCredentials): void;
  clear(): void;
};

function parse(text: string, where: string): DeviceCredentials {
  const value = JSON.parse(text) as Partial<DeviceCredentials>;
  if (
    typeof value.deviceId !== 'string' ||
    typeof value.refreshSecret !== 'string' ||
    typeof value.serverUrl !== 'string'
  ) {
    throw new Error(`The sync credentials in ${where} are damaged: enroll this PC again`);
  }
  return { deviceId: value.deviceId, refreshSecret: value.refreshSecret, serverUrl: value.serverUrl };
}

/**
 * The browser host's store, and Electron's on a PC without a keyring: a JSON file with mode 0600
 * (readable by this OS user only).
 */
export function fileCredentialStore(
  file: string,
  why: 'browser_host' | 'no_keyring' = 'browser_host',
): CredentialStore {
  return {
    description: `${file} (readable only by this user${why === 'no_keyring' ? '; this PC has no keyring, so it is not encrypted' : ''})`,
    protection: { kind: 'user_file', file, why },
    load() {
      if (!existsSync(file)) return null;
      return parse(readFileSync(file, 'utf8'), file);
    },
    save(credentials) {
      writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
      // writeFileSync keeps an existing file's mode: make sure.
      chmodSync(file, 0o600);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}

/** An encrypting store built on a pair of functions (Electron safeStorage in electron/). */
export function encryptedCredentialStore({
  file,
  encrypt,
  decrypt,
  description,
  backend,
}: {
  file: string;
  encrypt: (plain: string) => Buffer;
  decrypt: (cipher: Buffer) => string;
  description: string;
  /** The OS facility that holds the key (DPAPI, Keychain, a Linux keyring). */
  backend: string;
}): CredentialStore {
  return {
    description,
    protection: { kind: 'os_encrypted', backend },
    load() {
      if (!existsSync(file)) return null;
      return parse(decrypt(readFileSync(file)), file);
    },
    save(credentials) {
      writeFileSync(file, encrypt(JSON.stringify(credentials)), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
