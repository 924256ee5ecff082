/**
 * Which URLs the app trusts. Every check parses the URL and compares its parts exactly: string
 * prefix or substring checks are fooled by `app://counterdesk.evil.com` or
 * `https://evil.example/?next=app://counterdesk` (docs/ELECTRON.md §1; docs/STYLE.md §8.3).
 * No electron import, so the checks are unit-tested in plain Node.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'counterdesk';
/** Where the renderer is served from (electron/app-protocol.ts); hash routing does the rest. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parseUrl(url: string | undefined | null): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://counterdesk/…`: our scheme, our host, no port, no user info.
 * Node parses `app:` as a non-special scheme, so the host is compared as written; Chromium
 * canonicalises the URLs it reports (the scheme is registered as standard), so a trusted frame
 * always reports exactly `app://counterdesk/…`.
 */
export function isTrustedAppUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Hosts the app may hand to the system browser. Empty: the app opens no external links yet. Add a
 * host here (never a pattern) when a feature needs one, with a test.
 */
const EXTERNAL_HOSTS: ReadonlySet<string> = new Set<string>();

/**
 * The gate in front of every `shell.openExternal`: only parsed https: URLs to an allow-listed host,
 * without user info or port (openExternal with untrusted input can launch local programs).
 * Returns false for everything today because the allow-list is empty.
 */
export function isAllowedExternalUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_HOSTS.has(parsed.hostname)
  );
}
