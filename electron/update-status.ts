/**
 * The updater's state as the counter shows it (UpdateStatus in db/desk-types.ts), and the two small
 * rules the policy needs: why an update failed, as a short code the About/Sync page translates,
 * and whether a local time falls in the store's install window. Pure, no `electron`.
 */
import type { UpdateGate, UpdateStatus } from '../db/desk-types';

/** What `UpdateStatus.error` holds; the renderer words each (renderer/pages/sync). */
export type UpdateErrorCode = 'unreachable' | 'certificate' | 'refused' | 'checksum' | 'failed';

type ErrorLike = { code?: unknown; statusCode?: unknown; message?: unknown };

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export function updateErrorCode(error: unknown): UpdateErrorCode {
  const { code, statusCode, message } = (error ?? {}) as ErrorLike;
  const text = typeof message === 'string' ? message : '';
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(text)) return 'checksum';
  // The token request goes through the sync's client, whose TransportError codes start with tls_.
  if (
    (typeof code === 'string' && (CERTIFICATE_CODES.has(code) || code.startsWith('tls_'))) ||
    /certificate/i.test(text)
  )
    return 'certificate';
  if (statusCode === 401 || statusCode === 403 || /\b40[13]\b/.test(text)) return 'refused';
  if (
    (typeof code === 'string' && (NETWORK_CODES.has(code) || code === 'unreachable' || code === 'interrupted')) ||
    /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|socket hang up/.test(text)
  )
    return 'unreachable';
  return 'failed';
}

/** electron-updater's answer when head office offers this PC no release (404 on the channel file). */
export function isNothingOffered(error: unknown): boolean {
  return (error as ErrorLike | null)?.code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND';
}

export function initialStatus(current: string, state: UpdateStatus['state']): UpdateStatus {
  return { current, state, available: null, percent: null, checkedAt: null, error: null };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Is `at` (local wall time) inside the window? `from` after `to` is a window over midnight
 * (22:00–05:00); `from` equal to `to` is no window at all.
 */
export function inInstallWindow(window: UpdateGate['installWindow'], at: Date): boolean {
  if (!window) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}
