/**
 * "Save as PDF" in the browser host: `GET /print.pdf?route=#/print/…&name=…` renders
 * the very print route the browser would print, in a headless Chromium driven by playwright-core,
 * and answers with the PDF as a download — the same bytes Electron's printToPDF makes from the
 * same route and the same `@page` rule. No electron import: the browser host is plain Node.
 *
 * The headless page authenticates with the host's own token (a header, never in an address), and
 * shares the host's one sign-in like any other tab, so it reads only what the person could.
 * playwright-core is a development dependency and needs a Chromium-family browser on the machine;
 * without them the endpoint says so (501) and the browser's own print dialog remains.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Browser, BrowserContext, BrowserType } from 'playwright-core';
import type { Logger } from '../../db/desk-types';
import { parsePrintRouteHash } from '../../db/print/job';
import { parsePrintStateTitle, USE_FORM_TITLE_SCRIPT } from '../../db/print/signal';
import { SECURITY_HEADERS } from '../csp';
import { pdfFileName } from './print-options';
import { createPrintQueue } from './print-queue';
import { READY_TIMEOUT_MS } from './run-job';

/** Where Chromium-family browsers usually are; COUNTERDESK_CHROMIUM or CHROMIUM_PATH name another. */
const KNOWN_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const named = env['COUNTERDESK_CHROMIUM'] ?? env['CHROMIUM_PATH'];
  if (named) return exists(named) ? named : null;
  return KNOWN_BROWSERS.find((path) => exists(path)) ?? null;
}

/** The flags a closed network needs (docs/ELECTRON.md §5), and no sandbox when running as root in CI. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const IDLE_CLOSE_MS = 60_000;

export class PdfUnavailableError extends Error {
  override readonly name = 'PdfUnavailableError';
}

/** The headless browser and its one context, made once and kept warm between PDFs. */
type Warm = { browser: Browser; context: BrowserContext; token: string };

let warm: Promise<Warm> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
const queue = createPrintQueue({ limit: 5 });

async function launch(): Promise<Browser> {
  const executablePath = findChromium(process.env);
  if (!executablePath)
    throw new PdfUnavailableError(
      'No Chromium, Chrome or Edge was found to make the PDF (set COUNTERDESK_CHROMIUM); use Print and choose "Save as PDF" instead.',
    );
  // Resolved at run time from the installation, not bundled: a specifier Vite leaves alone.
  const specifier = 'playwright-core';
  let playwright: { chromium: BrowserType };
  try {
    playwright = (await import(/* @vite-ignore */ specifier)) as { chromium: BrowserType };
  } catch (error) {
    throw new PdfUnavailableError(
      'playwright-core is not installed here; use Print and choose "Save as PDF" instead.',
      { cause: error },
    );
  }
  return playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

async function start(token: string): Promise<Warm> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-desk-token': token } });
    return { browser, context, token };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

function close(closing: Promise<Warm> | null): void {
  void closing?.then((w) => w.browser.close()).catch(() => undefined);
}

/**
 * One headless browser with one context, kept a minute after the last PDF. The context keeps its
 * HTTP cache, so the print chunk, its styles and the fonts load from memory after the first PDF
 * instead of over the host again (a fresh context per PDF cost about 0.6 s each). The host's token
 * is fixed for its life; another token (a test's second host in one process) gets a new context.
 */
async function warmContext(token: string): Promise<BrowserContext> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = warm;
  if (current) {
    const ready = await current.catch(() => null);
    if (ready && ready.token === token && ready.browser.isConnected()) return ready.context;
    if (warm === current) {
      warm = null;
      close(current);
    }
  }
  if (!warm) {
    const starting = start(token);
    warm = starting;
    starting.catch(() => {
      if (warm === starting) warm = null;
    });
  }
  return (await warm).context;
}

function releaseLater(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const closing = warm;
    warm = null;
    close(closing);
  }, IDLE_CLOSE_MS);
  idleTimer.unref();
}

export async function renderRoutePdf({
  origin,
  token,
  hash,
}: {
  origin: string;
  token: string;
  hash: string;
}): Promise<Uint8Array> {
  return queue.enqueue(async () => {
    const page = await (await warmContext(token)).newPage();
    try {
      await page.goto(`${origin}/${hash}`);
      await page.locator('html[data-print-state]').waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
      const state = parsePrintStateTitle(await page.title());
      if (state?.state !== 'ready')
        throw new Error(`the form could not be shown: ${state?.state === 'error' ? state.reason : 'no ready signal'}`);
      await page.evaluate(USE_FORM_TITLE_SCRIPT);
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      // The PDF is sent while the tab closes: closing is not part of the wait.
      void page.close().catch(() => undefined);
      releaseLater();
    }
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** The route handler; host.ts calls it for `GET /print.pdf` once the caller is authorised. */
export async function servePrintPdf(
  url: URL,
  res: ServerResponse,
  { origin, token, logger }: { origin: string; token: string; logger: Logger },
): Promise<void> {
  const hash = url.searchParams.get('route') ?? '';
  const parsed = parsePrintRouteHash(hash);
  if (!parsed.ok) return answer(res, 400, `Not a form to print: ${parsed.reason}`);
  // The page reads the form through the desk: no data rides in with the request.
  if (parsed.route.data !== null || parsed.route.autoPrint)
    return answer(res, 400, 'Not a form to print: the address carries data or auto-print');
  try {
    const pdf = await renderRoutePdf({ origin, token, hash });
    const name = pdfFileName(url.searchParams.get('name') ?? `${parsed.route.form}-${parsed.route.subjectId}`);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `attachment; filename="counterdesk.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    res.end(pdf);
  } catch (error) {
    if (error instanceof PdfUnavailableError) return answer(res, 501, error.message);
    logger.warn('Could not make a PDF', {
      route: hash.slice(0, 120),
      error: error instanceof Error ? error.message : String(error),
    });
    return answer(res, 422, error instanceof Error ? error.message : String(error));
  }
}
