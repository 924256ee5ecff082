/**
 * An authenticated conversation with head office: exchanges the refresh secret for a short-lived
 * access token, refreshes it when it expires (without re-sending anything already acknowledged),
 * and sorts answers into what the engine does next: go on, retry later (network, 5xx), or stop
 * (revoked, too old, credentials no longer valid).
 */
import type { SyncErrorBody, TokenResponse } from './protocol';
import { TransportError, type HttpAnswer, type SyncHttp } from './client';
import type { DeviceCredentials } from './credentials';

/** Sync cannot go on until a person acts (re-enroll, update the app). Local data is untouched. */
export class SyncStop extends Error {
  constructor(
    readonly code: 'device_revoked' | 'unauthorized' | 'upgrade_required' | 'history_lost',
    message: string,
  ) {
    super(message);
    this.name = 'SyncStop';
  }
}

/** Try again later with backoff: head office or the network is having a bad moment. */
/** `failure`: what went wrong as a stable code and its parameters, for the status page to say in the counter's language. */
export type SyncFailure = { code: string; params: Record<string, string> };

export class TransientError extends Error {
  constructor(
    message: string,
    readonly failure: SyncFailure | null = null,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export type SyncSession = {
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer>;
  /** Bytes on the wire so far (the status page and the benchmark show them). */
  readonly traffic: { sent: number; received: number; requests: number };
};

export function errorOf(answer: HttpAnswer): SyncErrorBody {
  const body = (answer.body ?? {}) as Partial<SyncErrorBody>;
  return {
    error: body.error ?? 'unavailable',
    message: body.message ?? `HTTP ${answer.status}`,
    ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}),
  } as SyncErrorBody;
}

/**
 * What the PC tells head office about itself on every authenticated request, as headers head
 * office may ignore (an older head office does): its app version, how many of its changes are
 * still unsent, and its own clock, so the console shows each PC's health (docs/SYNC.md §2.9).
 */
export type DeviceReport = { appVersion: string; pending: number; clockMs: number };

export function reportHeaders(report: DeviceReport): Record<string, string> {
  return {
    'x-counterdesk-version': report.appVersion,
    'x-counterdesk-pending': String(report.pending),
    'x-counterdesk-clock': new Date(report.clockMs).toISOString(),
  };
}

export function createSession({
  http,
  credentials,
  now,
  report,
}: {
  http: SyncHttp;
  credentials: DeviceCredentials;
  now: () => number;
  report?: () => DeviceReport;
}): SyncSession {
  let token: { value: string; expiresAtMs: number } | null = null;
  const traffic = { sent: 0, received: 0, requests: 0 };

  async function send(method: 'GET' | 'POST', path: string, body: unknown, bearer: string | null): Promise<HttpAnswer> {
    let answer: HttpAnswer;
    try {
      const headers = bearer && report ? reportHeaders(report()) : undefined;
      answer = await http.request(method, path, { body, token: bearer, ...(headers ? { headers } : {}) });
    } catch (error) {
      if (error instanceof TransportError)
        throw new TransientError(error.message, { code: error.code, params: error.params });
      throw error;
    }
    traffic.sent += answer.bytesSent;
    traffic.received += answer.bytesReceived;
    traffic.requests += 1;
    if (answer.status === 403 && errorOf(answer).error === 'device_revoked')
      throw new SyncStop('device_revoked', errorOf(answer).message);
    if (answer.status === 426) throw new SyncStop('upgrade_required', errorOf(answer).message);
    if (answer.status >= 500 || answer.status === 429 || answer.status === 0) {
      throw new TransientError(`Head office answered ${answer.status}: ${errorOf(answer).message}`, {
        code: 'hq_unavailable',
        params: { status: String(answer.status) },
      });
    }
    return answer;
  }

  async function ensureToken(force: boolean): Promise<string> {
    if (!force && token && token.expiresAtMs - now() > 30_000) return token.value;
    const answer = await send(
      'POST',
      '/sync/v1/token',
      { deviceId: credentials.deviceId, refreshSecret: credentials.refreshSecret },
      null,
    );
    if (answer.status !== 200)
      throw new SyncStop(
        'unauthorized',
        `Head office no longer accepts this PC's credentials: enroll it again (${errorOf(answer).message})`,
      );
    const body = answer.body as TokenResponse;
    // Expiry measured on our own clock: the PC's clock may be off (docs/SYNC.md §2.6).
    token = {
      value: body.accessToken,
      expiresAtMs: now() + (Date.parse(body.expiresAt) - Date.parse(body.serverTime)),
    };
    return token.value;
  }

  return {
    traffic,
    async call(method, path, body) {
      const answer = await send(method, path, body, await ensureToken(false));
      if (answer.status !== 401) return answer;
      const retry = await send(method, path, body, await ensureToken(true));
      if (retry.status === 401) throw new SyncStop('unauthorized', errorOf(retry).message);
      return retry;
    },
  };
}
