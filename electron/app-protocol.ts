/**
 * Serves the built renderer on `app://counterdesk/` instead of `file://` (docs/ELECTRON.md §1, security
 * checklist item 18): a real origin for the sender checks, and response headers for the CSP.
 * Which file a request may read is decided by the pure resolveAppRequest (electron/paths.ts).
 *
 * Electron's `protocol` is passed in and only its type is imported, so the request handling is
 * unit-tested in plain Node (test/electron/app-protocol.test.ts) without the Electron binary.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Protocol } from 'electron';
import type { Logger } from '../db/desk-types';
import { SECURITY_HEADERS } from './csp';
import { contentTypeFor, resolveAppRequest } from './paths';
import { APP_SCHEME } from './trusted-url';

/**
 * out/renderer next to out/main. Every electron/ module is bundled into out/main/main.js, so
 * `import.meta.url` is the bundle's URL whichever source file this line came from.
 */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/**
 * Must run before the app is ready (Electron refuses later). `standard` gives the scheme real
 * origins and relative-URL resolution, `secure` makes it a secure context like https, and
 * `supportFetchAPI` lets the renderer fetch its own assets. No `bypassCSP`, no `corsEnabled`.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isMissing(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  // EISDIR: a folder is not a page; ENOTDIR: a path through a file.
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

async function fileResponse(file: string, method: string): Promise<Response> {
  const body = await readFile(file);
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(body.byteLength),
  };
  return new Response(method === 'HEAD' ? null : new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers,
  });
}

/** The request handler, separate from protocol.handle so its flow reads on its own. */
export async function serveAppRequest(request: Request, rendererDir: string, logger: Logger): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
  const target = resolveAppRequest(request.url, rendererDir);
  if (target.kind === 'refused') {
    logger.warn('Refused an app:// request', { url: request.url, reason: target.reason });
    return plainResponse(target.status, 'Refused');
  }
  try {
    return await fileResponse(target.file, request.method);
  } catch (error) {
    if (!isMissing(error)) {
      logger.error('Could not read a renderer file', { file: target.file, error: String(error) });
      return plainResponse(500, 'Could not read the file');
    }
  }
  if (!target.spaFallback) return plainResponse(404, 'Not found');
  // A client route (no extension) that is not a file: the single-page app decides what to show.
  try {
    return await fileResponse(target.indexFile, request.method);
  } catch (error) {
    logger.error('index.html is missing: is the renderer built?', { file: target.indexFile, error: String(error) });
    return plainResponse(404, 'Not found');
  }
}

/** Call once, after the app is ready and before the first window loads. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  logger: Logger,
  rendererDir: string = defaultRendererDir(),
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir, logger));
}
