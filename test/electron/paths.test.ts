import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  contentTypeFor,
  databaseLocation,
  forcedLanguageFrom,
  resolveAppRequest,
  resolveInsideRoot,
} from '../../electron/paths';

describe('databaseLocation', () => {
  const userData = '/home/clerk/.config/Counterdesk';

  test('uses the userData folder by default', () => {
    expect(databaseLocation({}, userData, path.posix)).toEqual({
      dir: userData,
      file: `${userData}/counterdesk.sqlite`,
    });
  });

  test('COUNTERDESK_DATA_DIR overrides the folder, not the file name', () => {
    expect(databaseLocation({ COUNTERDESK_DATA_DIR: '/srv/store-s012' }, userData, path.posix).file).toBe(
      '/srv/store-s012/counterdesk.sqlite',
    );
  });

  test('a blank override is no override', () => {
    expect(databaseLocation({ COUNTERDESK_DATA_DIR: '  ' }, userData, path.posix).dir).toBe(userData);
  });

  test('a relative override is taken from the working folder', () => {
    expect(databaseLocation({ COUNTERDESK_DATA_DIR: 'data' }, userData).dir).toBe(path.resolve('data'));
  });
});

describe('forcedLanguageFrom', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['en', 'en'],
    [' EN ', 'en'],
    ['fr', null],
    ['zh', null],
    ['', null],
    [undefined, null],
  ] as const)('%s → %s', (value, expected) => {
    expect(forcedLanguageFrom(value)).toBe(expected);
  });
});

describe('resolveInsideRoot (POSIX)', () => {
  const root = '/opt/Counterdesk/resources/app.asar/out/renderer';
  const p = path.posix;

  test.each([
    ['/index.html', `${root}/index.html`],
    ['/assets/index-abc.js', `${root}/assets/index-abc.js`],
    ['//assets//x.css', `${root}/assets/x.css`],
    ['/assets/../index.html', `${root}/index.html`],
    ['/..foo', `${root}/..foo`],
  ])('%s stays inside', (request, expected) => {
    expect(resolveInsideRoot(root, request, p)).toBe(expected);
  });

  test.each([
    ['/../main/main.js', 'parent folder'],
    ['/../../../../etc/passwd', 'far outside'],
    ['/assets/../../preload/preload.cjs', 'climbs out through a subfolder'],
    ['/..', 'the parent itself'],
    ['/', 'the root folder itself'],
    ['', 'empty'],
    ['/index.html\0.png', 'NUL byte'],
    ['/../renderer-evil/index.html', 'sibling folder sharing the prefix'],
  ])('%s is refused (%s)', (request) => {
    expect(resolveInsideRoot(root, request, p)).toBeNull();
  });
});

describe('resolveInsideRoot (Windows)', () => {
  const root = 'C:\\Program Files\\Counterdesk\\resources\\app.asar\\out\\renderer';
  const p = path.win32;

  test('a normal file', () => {
    expect(resolveInsideRoot(root, '/assets/x.js', p)).toBe(`${root}\\assets\\x.js`);
  });

  test.each([
    ['/..\\main\\main.js', 'backslash traversal'],
    ['/..\\..\\..\\..\\Windows\\win.ini', 'far outside with backslashes'],
    ['/assets/..\\..\\preload\\preload.cjs', 'mixed separators'],
    ['/C:/Windows/win.ini', 'absolute path, same drive'],
    ['/D:/secrets.txt', 'another drive'],
    ['/d:secrets.txt', 'drive-relative path'],
    ['/index.html::$DATA', 'NTFS stream'],
    ['\\\\evil\\share\\x.js', 'UNC path'],
    ['/assets\\x.js', 'any backslash, so both platforms answer alike'],
  ])('%s is refused (%s)', (request) => {
    expect(resolveInsideRoot(root, request, p)).toBeNull();
  });
});

describe('resolveAppRequest', () => {
  const root = '/app/out/renderer';
  const p = path.posix;

  test('the root URL and index.html serve index.html', () => {
    expect(resolveAppRequest('app://counterdesk/', root, p)).toMatchObject({
      kind: 'file',
      file: `${root}/index.html`,
      spaFallback: false,
    });
    expect(resolveAppRequest('app://counterdesk/index.html', root, p)).toMatchObject({
      kind: 'file',
      file: `${root}/index.html`,
    });
  });

  test('assets resolve to their file and are not SPA routes', () => {
    expect(resolveAppRequest('app://counterdesk/assets/app-1a2b.js?v=1#x', root, p)).toEqual({
      kind: 'file',
      file: `${root}/assets/app-1a2b.js`,
      indexFile: `${root}/index.html`,
      spaFallback: false,
    });
  });

  test('extensionless paths may fall back to index.html', () => {
    expect(resolveAppRequest('app://counterdesk/tickets/42', root, p)).toMatchObject({
      kind: 'file',
      spaFallback: true,
    });
  });

  test('percent-encoded names are decoded', () => {
    expect(resolveAppRequest('app://counterdesk/fonts/Noto%20Sans.woff2', root, p)).toMatchObject({
      file: `${root}/fonts/Noto Sans.woff2`,
    });
  });

  test('dot segments, even percent-encoded, are folded by the URL parser and cannot climb', () => {
    expect(resolveAppRequest('app://counterdesk/%2e%2e/%2e%2e/etc/passwd', root, p)).toMatchObject({
      kind: 'file',
      file: `${root}/etc/passwd`,
    });
    expect(resolveAppRequest('app://counterdesk/../../main/main.js', root, p)).toMatchObject({
      kind: 'file',
      file: `${root}/main/main.js`,
    });
  });

  test.each([
    ['app://counterdesk/..%2f..%2fetc%2fpasswd', 403, 'encoded slashes'],
    ['app://counterdesk/assets/..%2F..%2F..%2Fmain%2Fmain.js', 403, 'encoded climb from a subfolder'],
    ['app://counterdesk/..%5c..%5cmain%5cmain.js', 403, 'encoded backslashes (separators on Windows)'],
    ['app://counterdesk/%00.js', 403, 'encoded NUL'],
    ['app://counterdesk/C%3A/Windows/win.ini', 403, 'encoded drive letter'],
    ['app://counterdesk/%E0%A4%A', 400, 'broken percent-encoding'],
    ['app://evil/index.html', 403, 'another host'],
    ['app://counterdesk.evil/index.html', 403, 'a look-alike host'],
    ['app://user@counterdesk/index.html', 403, 'user info'],
    ['app://counterdesk:1234/index.html', 403, 'a port'],
    ['file:///app/out/renderer/index.html', 403, 'another scheme'],
    ['not a url', 400, 'malformed'],
  ])('%s → %i (%s)', (url: string, status: number, _reason: string) => {
    expect(resolveAppRequest(url, root, p)).toMatchObject({ kind: 'refused', status });
  });
});

describe('contentTypeFor', () => {
  test.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['fonts/noto.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['photo.jpeg', 'image/jpeg'],
    ['unknown.xyz', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
