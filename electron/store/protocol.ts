/**
 * The messages between the shell (Electron's main process, or the browser host) and the store
 * process (docs/architecture/store-process.md). The shell sends requests with ids and gets one
 * answer per id; the store pushes desk events unasked. Every message is a plain object that
 * survives a structured clone (worker_threads, Electron's utilityProcess, Node's `advanced` IPC).
 */
import type { DeskError, DeskEvent, DeskResult } from '../../db/contract';
import type { EventOrigin, UpdateGate, UpdateStatus } from '../../db/desk-types';
import type { DeviceCredentials } from '../../db/sync/credentials';
import type { CredentialProtection } from '../../db/sync/status';
import type { SyncTiming } from '../../db/sync/engine';

/** How the store process keeps this PC's sync credentials. */
export type StoreCredentials =
  /** A file only this OS user can read, written by the store process itself (the browser host). */
  | { kind: 'file'; file: string }
  /**
   * Kept by the shell (Electron's safeStorage lives only in the main process): the store process
   * gets what is saved now and sends every save or clear back to be written there.
   */
  | { kind: 'shell'; saved: DeviceCredentials | null; description: string; protection: CredentialProtection };

/** What the store process opens, sent as its first message. */
export type StoreInit = {
  file: string;
  appVersion: string;
  host: 'electron' | 'browser';
  forcedLanguage: 'zh-CN' | 'en' | null;
  /** The daily backup and integrity check timers. */
  schedule: boolean;
  logDir?: string;
  /** Sync with head office once enrolled (absent: no sync engine, as in the unit tests). */
  credentials?: StoreCredentials;
  /**
   * Run below the shell's priority (electron/store/priority.ts). Off unless asked: measured on a loaded
   * machine, a lowered store slowed searches and starved a 250k-row initial sync (docs/architecture/store-watchdog.md).
   */
  lowerPriority?: boolean;
  /** Shortens sync's timers (tests, the benchmark). */
  syncTiming?: Partial<SyncTiming>;
};

/** shell → store */
export type ToStore =
  | { type: 'init'; init: StoreInit }
  | { type: 'call'; id: number; sessionId: string | null; method: string; input: unknown }
  | { type: 'update-status'; status: UpdateStatus }
  | { type: 'update-gate'; id: number }
  /** The watchdog's question (electron/store/watchdog.ts): answered with `pong` from the store's loop. */
  | { type: 'ping'; id: number }
  | { type: 'close' };

/** store → shell */
export type FromStore =
  | { type: 'ready'; pid: number }
  /** The file could not be opened (a newer database, a damaged file): shown to the user, never retried. */
  | { type: 'open-failed'; message: string }
  /** `sessionId`: the caller's sign-in after the call (signing in or out changes it). */
  | { type: 'result'; id: number; result: DeskResult<unknown>; sessionId: string | null }
  | { type: 'gate'; id: number; gate: UpdateGate }
  /** A desk event and who caused it (a call, or sync writing what other PCs did). */
  | { type: 'event'; event: DeskEvent; origin: EventOrigin }
  | { type: 'credentials-saved'; credentials: DeviceCredentials }
  | { type: 'credentials-cleared' }
  | { type: 'pong'; id: number }
  | { type: 'closed' };

/**
 * Bounds on what the shell lets through. A renderer's call is a form's worth of data (the browser
 * host's body limit is the same 1 MiB); a result beyond 32 MiB means a method lost its paging.
 */
export const STORE_LIMITS = {
  /** Calls waiting for an answer at once; beyond it a call is refused as `busy`. */
  maxPending: 256,
  /** A call's input, as JSON text. */
  maxInputChars: 1024 * 1024,
  /** A result, as JSON text, checked in the store process before it is sent. */
  maxResultChars: 32 * 1024 * 1024,
} as const;

export const STORE_ERRORS = {
  restarting: {
    code: 'unavailable',
    key: 'store_restarting',
    message:
      'The store is restarting after a fault; this request may or may not have been saved. Check before entering it again.',
  },
  stopped: {
    code: 'unavailable',
    key: 'store_stopped',
    message:
      'The store stopped after repeated faults. Close Counterdesk and start it again; if it happens again, call support.',
  },
  notResponding: {
    code: 'unavailable',
    key: 'store_not_responding',
    message:
      'The store stopped responding and is being restarted; this request may or may not have been saved. Check before entering it again.',
  },
  busy: { code: 'busy', key: 'store_busy', message: 'Too many requests are waiting; try again in a moment.' },
  inputTooLarge: { code: 'validation', key: 'request_too_large', message: 'The request is too large' },
  resultTooLarge: { code: 'internal', key: 'result_too_large', message: 'The answer is too large to show' },
} as const satisfies Record<string, DeskError>;

/** Size of a value as JSON text, or null when it is not JSON (a cycle, a BigInt). */
export function jsonChars(value: unknown): number | null {
  try {
    return (JSON.stringify(value) ?? '').length;
  } catch {
    return null;
  }
}
