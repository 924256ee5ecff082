/**
 * The console's calls to head office: JSON over the same origin, the session in its HttpOnly
 * cookie, the CSRF token in a header on every call that changes something. A refusal becomes an
 * `ApiError` with head office's code and message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/console/api';
let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when head office says the session has ended, so the app can show the sign-in page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

type Query = Record<string, string | number | boolean | undefined | null | ReadonlyArray<string>>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): reported below by status.
  }
  if (response.ok) return body as T;
  const problem = (body ?? {}) as { error?: string; message?: string } & Record<string, unknown>;
  if (response.status === 401 && problem.error === 'signed_out') onSignedOut();
  throw new ApiError(response.status, problem.error ?? 'http', problem.message ?? `HTTP ${response.status}`, problem);
}

export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    return answer<T>(await fetch(url(path, query), { credentials: 'same-origin' }));
  },
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    // A call without a body sends no content type: head office refuses an empty JSON body.
    const response = await fetch(url(path), {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { 'x-csrf-token': csrfToken }
          : { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return answer<T>(response);
  },
  /** A file upload as raw bytes (imports): the body is the file, its name in the query. */
  async upload<T>(path: string, file: Blob, query?: Query): Promise<T> {
    const response = await fetch(url(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
      body: file,
    });
    return answer<T>(response);
  },
};
