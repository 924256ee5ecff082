/**
 * Where the Electron shell keeps this PC's sync credentials, decided from what Electron's
 * safeStorage really offers. On Linux without a keyring (no GNOME Keyring, no KWallet: a bare
 * kiosk desktop) safeStorage still "encrypts", with a password written into Chromium itself
 * (backend `basic_text`): anyone who can read the file can read the secret. Such a PC keeps the
 * secret in a file only this OS user can read (mode 0600, as the browser host does) and the sync
 * page says so, rather than claiming an encryption that is not there. It does not refuse to sync:
 * a store's IT person expects the counter to work on a plain Linux box, protected by the OS
 * account like every other file of the app, and told plainly what protects it; one who wants
 * encryption installs a keyring and the secret moves into it at the next start.
 *
 * Kept free of Electron so it is tested with a stand-in safeStorage (electron/sync-credentials.ts
 * passes the real one).
 */
import { join } from 'node:path';
import { encryptedCredentialStore, fileCredentialStore, type CredentialStore } from './credentials';

/** The part of Electron's safeStorage this uses (Electron 45: the synchronous API). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  /** Linux only: the password store in use; `unknown` before the app is ready. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
};

/** Linux password stores that hold a real key; `basic_text` (a built-in password) and `unknown` do not. */
const LINUX_KEYRINGS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export type CredentialStorageChoice =
  { kind: 'os_encrypted'; backend: string } | { kind: 'user_file'; backend: string };

export function chooseCredentialStorage(safe: SafeStorageLike, platform: NodeJS.Platform): CredentialStorageChoice {
  const available = safe.isEncryptionAvailable();
  if (platform === 'win32')
    return available ? { kind: 'os_encrypted', backend: 'Windows DPAPI' } : { kind: 'user_file', backend: 'none' };
  if (platform === 'darwin')
    return available ? { kind: 'os_encrypted', backend: 'macOS Keychain' } : { kind: 'user_file', backend: 'none' };
  const backend = safe.getSelectedStorageBackend?.() ?? 'unknown';
  return available && LINUX_KEYRINGS.has(backend) ? { kind: 'os_encrypted', backend } : { kind: 'user_file', backend };
}

export const ENCRYPTED_FILE = 'sync-credentials.bin';
export const PLAIN_FILE = 'sync-credentials.json';

/**
 * The store the choice names, with credentials kept the other way before (a PC that gained or
 * lost its keyring, or an older version that wrote `basic_text` ciphertext) moved into it, so the
 * PC stays enrolled and no second copy of the secret is left behind.
 */
export function credentialStoreFor(safe: SafeStorageLike, platform: NodeJS.Platform, dataDir: string): CredentialStore {
  const choice = chooseCredentialStorage(safe, platform);
  const encrypted = encryptedCredentialStore({
    file: join(dataDir, ENCRYPTED_FILE),
    encrypt: (plain) => safe.encryptString(plain),
    decrypt: (cipher) => safe.decryptString(cipher),
    description: `encrypted by the operating system (${choice.backend})`,
    backend: choice.backend,
  });
  const plain = fileCredentialStore(join(dataDir, PLAIN_FILE), 'no_keyring');
  const [target, other] = choice.kind === 'os_encrypted' ? [encrypted, plain] : [plain, encrypted];
  adoptCredentials(target, other);
  return target;
}

/** Moves credentials found in `other` into `target` when the target holds none; unreadable ones stay where they are. */
export function adoptCredentials(target: CredentialStore, other: CredentialStore): void {
  if (readable(target)) return;
  const found = readable(other);
  if (!found) return;
  target.save(found);
  other.clear();
}

function readable(store: CredentialStore) {
  try {
    return store.load();
  } catch {
    return null;
  }
}
