import { describe, expect, test } from 'vitest';
import { APP_INDEX_URL, isAllowedExternalUrl, isTrustedAppUrl } from '../../electron/trusted-url';

describe('isTrustedAppUrl', () => {
  test.each([
    APP_INDEX_URL,
    'app://counterdesk/',
    'app://counterdesk',
    'app://counterdesk/index.html#/tickets/42',
    'app://counterdesk/assets/index-abc123.js',
    'app://counterdesk/index.html?lang=en',
    // The scheme is case-insensitive and canonicalised by the parser.
    'APP://counterdesk/index.html',
  ])('trusts the app itself: %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  test.each([
    // Other hosts that merely contain or start with ours.
    ['app://counterdesk.evil.com/index.html', 'our host as a subdomain of theirs'],
    ['app://counterdesk.evil/', 'our host as a label'],
    ['app://counterdesk./', 'trailing dot'],
    ['app://counterdeskx/', 'longer host'],
    ['app://counter-desk/', 'look-alike host'],
    ['app://evil/counterdesk', 'our host as a path'],
    ['app://evil/app://counterdesk/', 'our URL inside the path'],
    ['app://evil/?next=app://counterdesk/', 'our URL in the query'],
    ['app://evil/#app://counterdesk/', 'our URL in the fragment'],
    ['app://counterdesk%2eevil.com/', 'percent-encoded dot'],
    ['app://COUNTERDESK/', 'a spelling Chromium never reports for a standard scheme'],
    // User info and ports.
    ['app://counterdesk@evil.com/', 'our host as user name'],
    ['app://counterdesk:pw@evil.com/', 'our host as user:password'],
    ['app://user@counterdesk/', 'user info on our host'],
    ['app://:pw@counterdesk/', 'password on our host'],
    ['app://counterdesk:8080/', 'port'],
    ['app://counterdesk:0/', 'port zero'],
    // Other schemes.
    ['file:///C:/counterdesk/index.html', 'file:'],
    ['file://counterdesk/index.html', 'file: with our host'],
    ['http://counterdesk/index.html', 'http:'],
    ['https://counterdesk/index.html', 'https:'],
    ['https://evil.example/?next=app://counterdesk', 'https with our URL in the query'],
    ['apps://counterdesk/', 'similar scheme'],
    ['ap://counterdesk/', 'shorter scheme'],
    ['javascript:app://counterdesk/', 'javascript:'],
    ['data:text/html,app://counterdesk/', 'data:'],
    ['blob:app://counterdesk/1b2c', 'blob: of our origin is still not our page'],
    ['about:blank', 'about:blank'],
    ['devtools://devtools/bundled/inspector.html', 'devtools'],
    // Malformed or not a URL.
    ['app:counterdesk/index.html', 'no authority'],
    ['app:///counterdesk/index.html', 'empty host'],
    ['//counterdesk/index.html', 'scheme-relative'],
    ['counterdesk', 'bare word'],
    ['app://', 'scheme only'],
    ['app://[::1/', 'broken IPv6 literal'],
    ['', 'empty string'],
  ])('rejects %s (%s)', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  test('rejects a missing URL', () => {
    expect(isTrustedAppUrl(null)).toBe(false);
    expect(isTrustedAppUrl(undefined)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  // The allow-list is empty: the app opens no external links yet, so nothing may pass.
  test.each([
    'https://example.com/',
    'https://headoffice.example.invalid/help',
    'http://example.com/',
    'file:///etc/passwd',
    'app://counterdesk/index.html',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://evil/share',
    'https://user@example.com/',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
