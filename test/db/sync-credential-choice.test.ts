/**
 * Where the Electron shell keeps the sync secret, with a stand-in for Electron's safeStorage: only
 * a real OS facility counts as encryption. Linux's `basic_text` (a password built into Chromium)
 * does not, so such a PC keeps a file only its OS user can read and says so; credentials kept the
 * other way before are moved, never lost or left behind in two places.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chooseCredentialStorage,
  credentialStoreFor,
  ENCRYPTED_FILE,
  PLAIN_FILE,
  type SafeStorageLike,
} from '../../db/sync/credential-choice';

const SECRET = { deviceId: 'dev-1', refreshSecret: 'r3fr3sh-s3cr3t-value', serverUrl: 'https://hq.example:8443' };

/** safeStorage as Electron behaves with this backend: basic_text "encrypts" with a fixed key. */
function fakeSafeStorage(backend: string, { available = true, platform = 'linux' as NodeJS.Platform } = {}) {
  const calls = { encrypt: 0 };
  const safe: SafeStorageLike & { calls: typeof calls } = {
    calls,
    isEncryptionAvailable: () => available,
    ...(platform === 'linux' ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString(plain) {
      if (!available) throw new Error('Encryption is not available');
      calls.encrypt += 1;
      return Buffer.from(`v10${Buffer.from(plain).toString('base64')}`);
    },
    decryptString(cipher) {
      const text = cipher.toString();
      if (!available || !text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(text.slice(3), 'base64').toString();
    },
  };
  return safe;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counterdesk-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('which storage', () => {
  it('uses the OS only where it really encrypts', () => {
    expect(chooseCredentialStorage(fakeSafeStorage('gnome_libsecret'), 'linux')).toEqual({
      kind: 'os_encrypted',
      backend: 'gnome_libsecret',
    });
    expect(chooseCredentialStorage(fakeSafeStorage('kwallet6'), 'linux')).toEqual({
      kind: 'os_encrypted',
      backend: 'kwallet6',
    });
    // Electron reports encryption available with basic_text: the key is built into Chromium.
    expect(chooseCredentialStorage(fakeSafeStorage('basic_text'), 'linux')).toEqual({
      kind: 'user_file',
      backend: 'basic_text',
    });
    // Asked before the app is ready, or a store Electron does not name: not trusted.
    expect(chooseCredentialStorage(fakeSafeStorage('unknown'), 'linux')).toEqual({
      kind: 'user_file',
      backend: 'unknown',
    });
    expect(chooseCredentialStorage(fakeSafeStorage('gnome_libsecret', { available: false }), 'linux').kind).toBe(
      'user_file',
    );
    expect(chooseCredentialStorage(fakeSafeStorage('', { platform: 'win32' }), 'win32')).toEqual({
      kind: 'os_encrypted',
      backend: 'Windows DPAPI',
    });
    expect(chooseCredentialStorage(fakeSafeStorage('', { platform: 'darwin' }), 'darwin')).toEqual({
      kind: 'os_encrypted',
      backend: 'macOS Keychain',
    });
    expect(chooseCredentialStorage(fakeSafeStorage('', { platform: 'win32', available: false }), 'win32').kind).toBe(
      'user_file',
    );
  });
});

describe('the store it gives', () => {
  it('with a keyring: encrypted file, and the page is told which facility', () => {
    const safe = fakeSafeStorage('gnome_libsecret');
    const store = credentialStoreFor(safe, 'linux', dir);
    store.save(SECRET);
    expect(readFileSync(join(dir, ENCRYPTED_FILE), 'utf8')).not.toContain(SECRET.refreshSecret);
    expect(existsSync(join(dir, PLAIN_FILE))).toBe(false);
    expect(store.protection).toEqual({ kind: 'os_encrypted', backend: 'gnome_libsecret' });
    expect(credentialStoreFor(safe, 'linux', dir).load()).toEqual(SECRET);
  });

  it('without a keyring (basic_text): a file only this user can read, never called encrypted', () => {
    const safe = fakeSafeStorage('basic_text');
    const store = credentialStoreFor(safe, 'linux', dir);
    store.save(SECRET);
    const file = join(dir, PLAIN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, ENCRYPTED_FILE))).toBe(false);
    expect(safe.calls.encrypt).toBe(0);
    expect(store.protection).toEqual({ kind: 'user_file', file, why: 'no_keyring' });
    expect(store.description).toMatch(/readable only by this user; this PC has no keyring, so it is not encrypted/);
    expect(store.description).not.toMatch(/encrypted by/);
  });

  it('moves a secret an older version wrote with basic_text into the 0600 file: still enrolled, one copy', () => {
    writeFileSync(join(dir, ENCRYPTED_FILE), fakeSafeStorage('basic_text').encryptString(JSON.stringify(SECRET)));
    const store = credentialStoreFor(fakeSafeStorage('basic_text'), 'linux', dir);
    expect(store.load()).toEqual(SECRET);
    expect(existsSync(join(dir, ENCRYPTED_FILE))).toBe(false);
    expect(statSync(join(dir, PLAIN_FILE)).mode & 0o777).toBe(0o600);
  });

  it('moves the file into the keyring once one is installed', () => {
    credentialStoreFor(fakeSafeStorage('basic_text'), 'linux', dir).save(SECRET);
    const store = credentialStoreFor(fakeSafeStorage('kwallet5'), 'linux', dir);
    expect(store.load()).toEqual(SECRET);
    expect(existsSync(join(dir, PLAIN_FILE))).toBe(false);
    expect(readFileSync(join(dir, ENCRYPTED_FILE), 'utf8')).not.toContain(SECRET.refreshSecret);
  });

  it('leaves a secret it cannot decrypt where it is, and starts unenrolled instead of failing', () => {
    writeFileSync(join(dir, ENCRYPTED_FILE), 'garbage from another keyring');
    const store = credentialStoreFor(fakeSafeStorage('basic_text'), 'linux', dir);
    expect(store.load()).toBeNull();
    expect(readFileSync(join(dir, ENCRYPTED_FILE), 'utf8')).toBe('garbage from another keyring');
  });

  it('keeps what the target already holds rather than overwriting it with an older copy', () => {
    credentialStoreFor(fakeSafeStorage('basic_text'), 'linux', dir).save(SECRET);
    writeFileSync(
      join(dir, ENCRYPTED_FILE),
      fakeSafeStorage('basic_text').encryptString(JSON.stringify({ ...SECRET, deviceId: 'old' })),
    );
    expect(credentialStoreFor(fakeSafeStorage('basic_text'), 'linux', dir).load()).toEqual(SECRET);
  });
});
