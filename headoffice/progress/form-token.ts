/**
 * The progress form's CSRF token, without server-side sessions: the page hands out a token signed
 * with a key of this head office, in a hidden field and in an HttpOnly, SameSite=Strict cookie;
 * a check must bring both, equal, signed by us and at most two hours old. Another site can make a
 * browser post the form, but it can neither read the cookie nor get a browser to send it along
 * (SameSite), so its post is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const FORM_COOKIE = 'cd_progress';
export const FORM_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
/** Longer than any token we sign; a longer one is refused before anything is computed. */
const MAX_TOKEN_LENGTH = 100;

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`progress-form:${body}`).digest('base64url');
}

export function issueFormToken(secret: string, nowMs: number): string {
  const body = `${nowMs.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(secret, body)}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The field's token and the cookie's are the same, signed by us, and not expired. */
export function formTokenValid(secret: string, field: unknown, cookie: string | undefined, nowMs: number): boolean {
  if (typeof field !== 'string' || cookie === undefined) return false;
  if (field.length > MAX_TOKEN_LENGTH || !sameText(field, cookie)) return false;
  const cut = field.lastIndexOf('.');
  if (cut < 0) return false;
  const body = field.slice(0, cut);
  if (!sameText(field.slice(cut + 1), sign(secret, body))) return false;
  const issuedMs = Number.parseInt(body.slice(0, body.indexOf('.')), 36);
  return Number.isFinite(issuedMs) && issuedMs <= nowMs + 60_000 && nowMs - issuedMs <= FORM_TOKEN_TTL_MS;
}

/** The value of one cookie of a Cookie header (the progress page reads no other). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.slice(0, 8192).split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function formCookie(token: string, secure: boolean): string {
  const maxAge = Math.floor(FORM_TOKEN_TTL_MS / 1000);
  return `${FORM_COOKIE}=${token}; Path=/progress; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
