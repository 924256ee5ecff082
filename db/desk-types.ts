/**
 * What a transport (Electron IPC, the browser host) holds: one Desk per open database.
 * Node-side only (imported by electron/ and db/), never by the renderer.
 */
import type { DeskEvent, DeskResult } from './contract';
import type { Store } from './open';
import type { StorageService } from './storage/service';
import type { DeskSync } from './sync/desk-sync';

/** Per-client state kept by the transport: a window's webContents (IPC) or the host's one client. */
export type ClientState = { sessionId: string | null };

/**
 * The window's sign-in after a call that was sent with `sent` and ended with `after`. Calls overlap
 * (a page re-reading while the counter signs in): a sign-in or a switch to another staff member
 * always stands, but a call that found its session gone, or signed out, clears only the session it
 * was sent with — never one a later sign-in started meanwhile.
 */
export function settleSession(client: ClientState, sent: string | null, after: string | null): void {
  if (after === sent) return;
  if (after !== null || client.sessionId === sent) client.sessionId = after;
}

export type Logger = {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
};

/**
 * Who wrote what an event announces: a desk call (this PC's own work), or the sync engine (another
 * PC's work pulled, or sync's own state). Sync does not push what it pulled back to head office.
 */
export type EventOrigin = 'call' | 'sync';

export type Desk = {
  /** validate → check permission → run the handler in one transaction → result or typed error. Never throws. */
  dispatch(client: ClientState, method: string, input: unknown): Promise<DeskResult<unknown>>;
  /**
   * `<area>.changed` after each committed mutation, and after sync wrote records of that area
   * (origin `sync`). Returns an unsubscribe function.
   */
  onEvent(listener: (event: DeskEvent, origin: EventOrigin) => void): () => void;
  close(): Promise<void>;
  /** The open store file, for the sync engine (db/sync/engine.ts) that runs beside the dispatcher (absent in test fakes). A restore replaces it. */
  readonly store?: Store;
  /** Hear of a restore replacing the store: `before` while the old one is still open, `after` with the one now open. */
  onReplace?(hooks: StoreReplaceHooks): () => void;
  /** The entity rules and areas' hooks sync runs with, and the engine on this desk's store (absent in test fakes). */
  readonly sync?: DeskSync;
  /** Backups, the backup folder, the daily integrity check (absent in test fakes). */
  readonly storage?: StorageService;
  /**
   * The shell's updater reports its state here (the updater lives in Electron's main process, the
   * desk in the store process); the desk keeps the latest for `app.updateStatus` and announces
   * `sync.changed` so the About/Sync page shows it live. Absent in test fakes.
   */
  setUpdateStatus?(status: UpdateStatus): void;
  /**
   * What the updater asks before it installs: is a sync running right now, and when the store allows
   * an install (local `HH:MM` times, `from` may be after `to` for a window over midnight; null: only
   * when the app quits). Absent in test fakes.
   */
  updateGate?(): Promise<UpdateGate>;
};

/** The updater's state as the counter shows it (About/Sync page). */
export type UpdateStatus = {
  /** The running app's version. */
  current: string;
  state: 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error';
  /** The version found, being downloaded or ready to install. */
  available: string | null;
  /** 0–100 while downloading. */
  percent: number | null;
  /** ISO time of the last completed check. */
  checkedAt: string | null;
  /** Why the last check or download failed, as a code the page words: unreachable, certificate, refused, checksum, failed. */
  error: string | null;
};

export type UpdateGate = {
  syncing: boolean;
  installWindow: { from: string; to: string } | null;
  /** The head office this PC is enrolled with and the CA it trusts (the update feed is there); null before enrolment. */
  server?: { url: string; caCert: string | null } | null;
};

export type StoreReplaceHooks = { before(): Promise<void>; after(store: Store): Promise<void> };

export type DeskOptions = {
  /** Path of the SQLite file; created with its replica id if missing. */
  file: string;
  appVersion: string;
  host: 'electron' | 'browser';
  /** From a setting or the COUNTERDESK_LANG environment variable. */
  forcedLanguage: 'zh-CN' | 'en' | null;
  logger: Logger;
  /** Injectable wall clock for tests. */
  now?: () => number;
  /** Injectable monotonic timer (ms) for tests: what the PIN lockout is counted on while the app runs. */
  ticks?: () => number;
  /** Start the daily backup and integrity check timers (the transports do; tests drive them by hand). */
  schedule?: boolean;
  /** The folder of this PC's log files, for the admin's diagnostics export (absent: no logs to add). */
  logDir?: string;
};
