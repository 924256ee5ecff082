/**
 * Alibaba Cloud's RPC request signature (SignatureVersion 1.0, HMAC-SHA1), as its "Signature
 * mechanism" documentation gives it: every parameter but `Signature`, sorted by name, each name
 * and value percent-encoded by RFC 3986 (space as %20, `*` as %2A, `~` kept), joined with `&`; the
 * string to sign is `METHOD&%2F&` + that query percent-encoded once more; the signature is
 * Base64(HMAC-SHA1(AccessKeySecret + "&", string to sign)). The gateway signs with it and the tests'
 * fake provider checks with it, so both ends follow the same published rule.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(
  method: 'GET' | 'POST',
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** True when `params.Signature` is the signature of the other parameters under this secret. */
export function signatureMatches(
  method: 'GET' | 'POST',
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): boolean {
  const given = Buffer.from(params.Signature ?? '', 'utf8');
  const wanted = Buffer.from(rpcSignature(method, params, accessKeySecret), 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** `2026-12-07T18:05:09Z`: the Timestamp parameter, UTC to the second. */
export function rpcTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
