/**
 * The browser host: the built renderer and the same desk API over HTTP on 127.0.0.1, for machines
 * where the Electron runtime cannot be installed, for development and for end-to-end tests.
 * Same dispatcher, same checks as IPC; no electron import.
 *
 * Who may call: only a browser that opened the launch URL with this launch's random token. The
 * token becomes an HttpOnly, SameSite=Strict cookie, so page scripts never see it. The Host header
 * must name this server (DNS rebinding) and a POST must come from this origin (CSRF).
 *
 * The cookie is named after the port (`cd_token_41234`): browsers share cookies across ports of
 * one host name, so with one name a second counter on 127.0.0.1 in the same browser profile would
 * overwrite the first one's cookie and sign its tab out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientState, Desk, Logger } from '../db/desk-types';
import { SECURITY_HEADERS } from './csp';
import { DIAGNOSTICS_PATH, serveDiagnosticsDownload } from './host-diagnostics';
import { resolveInsideRoot } from './paths';
import { servePrintPdf } from './print/host-pdf';
import { createStaticFiles } from './static-files';

/** The session cookie's name for the host listening on `port`. */
export function sessionCookieName(port: number | string): string {
  return `cd_token_${port}`;
}
const MAX_BODY_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 25_000;

export type BrowserHost = {
  /** The address to open: it carries the token and sets the cookie. */
  launchUrl: string;
  origin: string;
  close(): Promise<void>;
};

export type BrowserHostOptions = {
  desk: Desk;
  rendererDir: string;
  logger: Logger;
  port?: number;
  /** Tests pass a known token; a launch makes a random one. */
  token?: string;
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, cookieName: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** The request target as a URL, or null when it is not one (an absolute form with a broken host). */
function parsedUrl(target: string, origin: string): URL | null {
  try {
    return new URL(target, origin);
  } catch {
    return null;
  }
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startBrowserHost({
  desk,
  rendererDir,
  logger,
  port = 0,
  token = randomBytes(24).toString('hex'),
}: BrowserHostOptions): Promise<BrowserHost> {
  // The host serves one counter: every tab of the browser shares its sign-in, like one Electron window.
  const client: ClientState = { sessionId: null };
  const streams = new Set<ServerResponse>();
  const files = createStaticFiles();
  let origin = '';
  let cookieName = '';

  const unsubscribe = desk.onEvent((event) => {
    const frame = `data: ${JSON.stringify({ event })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const keepalive = setInterval(() => {
    for (const stream of streams) stream.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  async function serveStatic(req: IncomingMessage, pathname: string, res: ServerResponse): Promise<void> {
    const indexFile = resolveInsideRoot(rendererDir, '/index.html')!;
    const decoded = decodedPath(pathname);
    // A broken %-sequence names no file: the caller's mistake, not the host's.
    if (decoded === null) return send(res, 400, 'Bad address: a %-escape in it is not valid UTF-8');
    let file = pathname === '/' ? indexFile : resolveInsideRoot(rendererDir, decoded);
    if (!file) return send(res, 403, 'Forbidden');
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) {
      // Client routes (no extension) get the app; a missing asset is a loud 404.
      if (/\.[a-z0-9]+$/i.test(pathname)) return send(res, 404, 'Not found');
      file = indexFile;
    }
    await files.send(req, res, file, pathname, file === indexFile).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      send(res, 404, 'The app is not built: run npm run build');
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const expectedHosts = [new URL(origin).host, `localhost:${new URL(origin).port}`];
    if (!expectedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Wrong host');
    const url = parsedUrl(req.url ?? '/', origin);
    if (!url) return send(res, 400, 'Bad address');

    if (url.pathname === '/auth' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token))
        return send(res, 401, 'This address is out of date: open the one printed by npm start.');
      return send(res, 303, '', 'text/plain', {
        Location: '/',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const authorised =
      sameToken(cookieToken(req, cookieName), token) ||
      sameToken(req.headers['x-desk-token'] as string | undefined, token);
    if (!authorised)
      return send(
        res,
        401,
        'Not signed in to this host: open the address printed by npm start (it carries a per-launch token).',
      );

    if (url.pathname === '/print.pdf' && req.method === 'GET')
      return servePrintPdf(url, res, { origin, token, logger });

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return send(res, 403, 'Cross-origin call refused');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch {
        return send(
          res,
          400,
          JSON.stringify({
            ok: false,
            error: { code: 'validation', key: 'invalid_input', message: 'The request is malformed' },
          }),
          'application/json',
        );
      }
      const { method, input } = (typeof body === 'object' && body !== null ? body : {}) as {
        method?: unknown;
        input?: unknown;
      };
      const result = await desk.dispatch(client, typeof method === 'string' ? method : '', input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (url.pathname === DIAGNOSTICS_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return send(res, 403, 'Cross-origin call refused');
      return serveDiagnosticsDownload(req, res, { desk, client, logger });
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(req, url.pathname, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('browser host request failed', {
        url: req.url?.replace(/token=[^&]+/, 'token=…'),
        error: error instanceof Error ? error.stack : String(error),
      });
      if (!res.headersSent) send(res, 500, 'Something went wrong; nothing was saved');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const listening = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${listening}`;
  cookieName = sessionCookieName(listening);

  return {
    origin,
    launchUrl: `${origin}/auth?token=${token}`,
    async close() {
      unsubscribe();
      clearInterval(keepalive);
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
