/**
 * The customers' progress page on head office (docs/architecture/progress-page.md): `GET /progress`
 * shows the form, `POST /progress` (a form post with its CSRF token) answers with the ticket's
 * status, appointment and balance due, or with one refusal that is the same for every way of being
 * wrong. Each post is counted per client address and, when it fails, per ticket number
 * (limits.ts), and every answer to a post takes at least `minAnswerMs`, so a look-up that found
 * a ticket but not the phone cannot be told by its time from one that found nothing.
 *
 * Nothing of what is typed is logged; a number that reaches its limit is logged masked.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../auth';
import type { HeadOfficeServices } from '../http/services';
import { NO_PROXIES, requestAddress, type TrustedProxies } from './client-address';
import { progressFonts } from './fonts';
import { cookieValue, FORM_COOKIE, formCookie, formTokenValid, issueFormToken } from './form-token';
import { maskedNumber, readQuery } from './input';
import {
  clientAddress,
  countTry,
  forgetTry,
  limitKey,
  PROGRESS_LIMITS,
  pruneTries,
  type ProgressLimits,
} from './limits';
import { lookUpProgress } from './lookup';
import { renderPage, STYLE_SOURCE, type PageState } from './page';
import { pickLanguage, WORDS, type ProgressLanguage } from './texts';

export type ProgressOptions = {
  limits?: ProgressLimits;
  /** The least time an answer to a post takes (default 400 ms: well above a look-up's own time). */
  minAnswerMs?: number;
  /** Cookies with `Secure`: true when head office speaks HTTPS. */
  secureCookies: boolean;
  /** Reverse proxies whose `X-Forwarded-For` names the client (client-address.ts); none by default. */
  trustedProxies?: TrustedProxies;
};

/** A form post is a ticket number, four digits, a language and a token: 4 KB is plenty. */
export const PROGRESS_BODY_LIMIT = 4096;
const PRUNE_EVERY_MS = 60_000;

const CSP = `default-src 'none'; style-src 'self' ${STYLE_SOURCE}; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

type FormBody = Partial<Record<'number' | 'tail' | 'lang' | 'token', string>>;

function parseForm(text: string): FormBody {
  const form: FormBody = {};
  for (const [key, value] of new URLSearchParams(text))
    if (key === 'number' || key === 'tail' || key === 'lang' || key === 'token') form[key] ??= value;
  return form;
}

/**
 * The post does not come from another site: a browser's Origin, when it names one, is this host.
 * Our own page sends `null` (its `Referrer-Policy: no-referrer` makes Chromium hide the origin of
 * a form post), so `null` and no Origin leave the decision to the token and its SameSite cookie.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function progressRoutes(services: HeadOfficeServices, options: ProgressOptions): FastifyPluginAsync {
  const limits = options.limits ?? PROGRESS_LIMITS;
  const minAnswerMs = options.minAnswerMs ?? 400;
  const proxies = options.trustedProxies ?? NO_PROXIES;
  let prunedAt = 0;
  const fonts = progressFonts();
  const fontsHref = fonts ? `/progress/fonts.css?v=${fonts.version}` : null;

  async function send(reply: FastifyReply, status: number, state: Omit<PageState, 'token'>) {
    const token = issueFormToken(await services.tokenSecret(), services.now());
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-store')
      .header('set-cookie', formCookie(token, options.secureCookies))
      .send(renderPage({ ...state, token }, fontsHref));
  }

  const minutesUntil = (atMs: number) => Math.max(1, Math.ceil((atMs - services.now()) / 60_000));

  type Answer = readonly [status: number, state: Omit<PageState, 'token'>];

  async function answer(request: FastifyRequest<{ Body: FormBody }>, language: ProgressLanguage): Promise<Answer> {
    const w = WORDS[language];
    const body = request.body ?? {};
    const secret = await services.tokenSecret();
    const nowMs = services.now();
    if (
      !sameOrigin(request) ||
      !formTokenValid(secret, body.token, cookieValue(request.headers.cookie, FORM_COOKIE), nowMs)
    )
      return [403, { language, problem: w.expiredForm }];
    if (nowMs - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = nowMs;
      await pruneTries(services.db, limits.windowMs, nowMs);
    }
    const from = requestAddress(
      request.socket.remoteAddress ?? request.ip,
      request.headers['x-forwarded-for'],
      proxies,
    );
    const address = limitKey(secret, 'address', clientAddress(from));
    const byAddress = await countTry(services.db, 'address', address, limits.perAddress, limits.windowMs, nowMs);
    if (!byAddress.ok) return [429, { language, problem: w.tooManyFromAddress(minutesUntil(byAddress.retryAtMs)) }];
    const query = readQuery(body.number, body.tail);
    const typed = typeof body.number === 'string' ? body.number.slice(0, 40) : '';
    if (typeof query === 'string') return [400, { language, number: typed, problem: w[query] }];
    const numberKey = limitKey(secret, 'number', query.number);
    const byNumber = await countTry(services.db, 'number', numberKey, limits.perNumber, limits.windowMs, nowMs);
    if (!byNumber.ok) {
      services.log(`[progress] ticket ${maskedNumber(query.number)} reached its limit of failed tries`);
      return [429, { language, number: typed, problem: w.tooManyForNumber(minutesUntil(byNumber.retryAtMs)) }];
    }
    const found = await lookUpProgress(services.db, query.number, query.tail);
    if (!found) return [200, { language, number: typed, problem: w.notFound }];
    await forgetTry(services.db, byNumber.tryId);
    return [200, { language, found }];
  }

  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: PROGRESS_BODY_LIMIT },
      (_request, text, done) => done(null, parseForm(text as string)),
    );
    app.get<{ Querystring: { lang?: string } }>('/progress', async (request, reply) =>
      send(reply, 200, { language: pickLanguage(request.query.lang, request.headers['accept-language']) }),
    );
    app.get('/progress/', async (_request, reply) => reply.redirect('/progress'));
    // The web font: its stylesheet and slices never change under their names, so browsers keep them.
    app.get('/progress/fonts.css', async (_request, reply) => {
      if (!fonts) throw new HqError(404, 'not_found', 'No web font on this head office');
      return reply
        .header('content-type', 'text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(fonts.css);
    });
    app.get<{ Params: { file: string } }>('/progress/fonts/:file', async (request, reply) => {
      let bytes: Buffer | null;
      try {
        bytes = fonts?.file(request.params.file) ?? null;
      } catch {
        bytes = null;
      }
      if (!bytes) throw new HqError(404, 'not_found', 'No such font file');
      return reply
        .header('content-type', 'font/woff2')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    });
    app.post<{ Body: FormBody }>('/progress', { bodyLimit: PROGRESS_BODY_LIMIT }, async (request, reply) => {
      // Only the page's own form posts here; JSON and the rest are not read at all.
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        throw Object.assign(new Error('The progress check takes the page form only'), { statusCode: 415 });
      const started = performance.now();
      const language = pickLanguage(request.body?.lang, request.headers['accept-language']);
      const [status, state] = await answer(request, language);
      // Every answer to a post leaves at the same time after it came in, whatever was found.
      const left = minAnswerMs - (performance.now() - started);
      if (left > 0) await sleep(left);
      return send(reply, status, state);
    });
  };
}
