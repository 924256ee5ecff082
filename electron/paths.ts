/**
 * The pure parts of the shell that deal with paths and the environment: where the database lives,
 * which language is forced, and which renderer file an `app://` request may read. No electron
 * import, so all of it is unit-tested in plain Node (test/electron/paths.test.ts).
 */
import path from 'node:path';
import type { PlatformPath } from 'node:path';
import { APP_HOST, APP_SCHEME } from './trusted-url';

type Env = Readonly<Record<string, string | undefined>>;

export const DATABASE_FILE_NAME = 'counterdesk.sqlite';

/**
 * The database folder is Electron's userData folder unless COUNTERDESK_DATA_DIR names another
 * (tests, demos, a second store on one PC). A relative override is taken from the working folder.
 */
export function databaseLocation(env: Env, userDataDir: string, p: PlatformPath = path): { dir: string; file: string } {
  const override = env['COUNTERDESK_DATA_DIR']?.trim();
  const dir = override ? p.resolve(override) : userDataDir;
  return { dir, file: p.join(dir, DATABASE_FILE_NAME) };
}

/** COUNTERDESK_LANG forces the UI language; anything other than the two we ship means "not forced". */
export function forcedLanguageFrom(value: string | undefined): 'zh-CN' | 'en' | null {
  switch (value?.trim().toLowerCase()) {
    case 'zh-cn':
      return 'zh-CN';
    case 'en':
      return 'en';
    default:
      return null;
  }
}

/**
 * `requestPath` (already percent-decoded, `/`-rooted as in a URL) resolved inside `root`, or null
 * when it would leave `root` or names `root` itself. Resolve-then-compare rather than looking for
 * `..` in the string, because `..` arrives in many spellings (`%2e%2e`, `..%2f`, `/assets/../..`).
 * Symlinks are not followed: the built renderer folder has none.
 */
export function resolveInsideRoot(root: string, requestPath: string, p: PlatformPath = path): string | null {
  // No renderer file name has any of these, and each means something to some file system: NUL
  // truncates paths in native code, a backslash separates folders on Windows only (so `..\` would
  // climb there and not here), and a colon names a drive (`c:x.js`) or an NTFS stream.
  if (/[\0\\:]/.test(requestPath)) return null;
  const base = p.resolve(root);
  const target = p.resolve(base, requestPath.replace(/^\/+/, ''));
  const relative = p.relative(base, target);
  if (relative === '' || relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative)) {
    return null;
  }
  return target;
}

export type AppRequestTarget =
  | { kind: 'file'; file: string; indexFile: string; spaFallback: boolean }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/**
 * Maps an `app://counterdesk/…` request to a file under `root`. `spaFallback` is true for paths
 * without an extension (client routes): if no such file exists the caller serves index.html.
 * A missing asset (`/assets/x.js`) is a 404 instead, so a broken build fails loudly instead of
 * answering a script request with HTML.
 */
export function resolveAppRequest(requestUrl: string, root: string, p: PlatformPath = path): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed URL' };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return { kind: 'refused', status: 403, reason: `not the app origin: ${url.protocol}//${url.host}` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
  }
  const indexFile = p.join(p.resolve(root), 'index.html');
  if (decoded === '' || decoded === '/') {
    return { kind: 'file', file: indexFile, indexFile, spaFallback: false };
  }
  const file = resolveInsideRoot(root, decoded, p);
  if (file === null) {
    return { kind: 'refused', status: 403, reason: `outside the renderer folder: ${decoded}` };
  }
  return { kind: 'file', file, indexFile, spaFallback: p.extname(file) === '' };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The Content-Type for a renderer file. It matters: responses carry `nosniff`, so a script served
 * with the wrong type is refused by Chromium. Unknown types are served as opaque bytes.
 */
export function contentTypeFor(file: string, p: PlatformPath = path): string {
  return CONTENT_TYPES[p.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
