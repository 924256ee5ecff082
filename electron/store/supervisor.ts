/**
 * The shell's side of the store process (docs/architecture/store-process.md): a `Desk` that sends
 * every call to the store process and answers with what it sends back, so electron/ipc.ts and
 * electron/host.ts serve it exactly as they served the desk in their own process.
 *
 * The shell keeps each window's sign-in (`ClientState`) and sends it with every call; sessions are
 * rows in the store (db/staff/session.ts), so a restarted store process still knows them. When the
 * store process dies, every call waiting on it is answered with `store_restarting` (nothing of it is
 * lost that was confirmed: a result is sent only after its transaction committed), the fault is
 * logged and announced, and the process is started again after a back-off. After a few quick
 * faults in a row it stays down and every call says so, rather than crash in a loop. A store that
 * hangs without dying (electron/store/watchdog.ts) is ended and treated as such a fault.
 */
import { DESK_EVENTS, type DeskError, type DeskEvent, type DeskResult } from '../../db/contract';
import {
  settleSession,
  type ClientState,
  type Desk,
  type EventOrigin,
  type Logger,
  type UpdateGate,
  type UpdateStatus,
} from '../../db/desk-types';
import type { DeviceCredentials } from '../../db/sync/credentials';
import { jsonChars, STORE_ERRORS, STORE_LIMITS, type FromStore, type StoreInit, type ToStore } from './protocol';
import { RestartPolicy, type RestartSettings } from './restart-policy';
import { Watchdog, type WatchdogSettings } from './watchdog';

/** One running store process, however it was started (electron/store/children.ts, utility-child.ts). */
export type StoreChild = {
  post(message: ToStore): void;
  onMessage(listener: (message: FromStore) => void): void;
  /** Once, when the process (or worker thread) has ended, however it ended. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
};

export type StoreState = 'starting' | 'running' | 'restarting' | 'stopped' | 'closed';
export type StoreStatus = {
  state: StoreState;
  faults: number;
  lastFault: string | null;
  /** The watchdog's ping round trips: how long the store's loop kept a ping waiting. */
  ping: { lastMs: number | null; slowestMs: number };
};

/** The database could not be opened (newer than the app, damaged): the message names why. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export type StoreProcessOptions = {
  spawn: () => StoreChild;
  init: StoreInit;
  logger: Logger;
  /** Where the shell keeps what the store process saved or cleared (Electron: safeStorage). */
  onCredentials?(credentials: DeviceCredentials | null): void;
  restart?: Partial<RestartSettings>;
  watchdog?: Partial<WatchdogSettings>;
  /** How long `close` waits for the store to stop sync and close the file before it kills it. */
  closeTimeoutMs?: number;
  limits?: Partial<Record<keyof typeof STORE_LIMITS, number>>;
};

export type StoreProcess = Desk & { status(): StoreStatus };

type Pending = { client: ClientState; sentSession: string | null; resolve(result: DeskResult<unknown>): void };

const CONSERVATIVE_GATE: UpdateGate = { syncing: true, installWindow: null };

export async function startStoreProcess(options: StoreProcessOptions): Promise<StoreProcess> {
  const { logger } = options;
  const limits = { ...STORE_LIMITS, ...options.limits };
  const policy = new RestartPolicy(options.restart);
  const listeners = new Set<(event: DeskEvent, origin: EventOrigin) => void>();
  const pending = new Map<number, Pending>();
  const gates = new Map<number, (gate: UpdateGate) => void>();
  let nextId = 1;
  let child: StoreChild | null = null;
  let state: StoreState = 'starting';
  let faults = 0;
  let lastFault: string | null = null;
  let lastUpdateStatus: UpdateStatus | null = null;
  let init = options.init;
  let closed: (() => void) | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  const watchdog = new Watchdog(
    {
      ping: (id) => child?.post({ type: 'ping', id }),
      waiting: () => pending.size > 0 || gates.size > 0,
      hung(silentMs) {
        const hung = child;
        if (!hung || state !== 'running') return;
        // Forgotten before it is ended: its exit is this fault, not another one.
        child = null;
        hung.kill();
        fault(
          `the store process stopped responding (no answer for ${Math.round(silentMs)} ms)`,
          STORE_ERRORS.notResponding,
        );
      },
    },
    options.watchdog,
  );

  const emit = (event: DeskEvent, origin: EventOrigin = 'call') => {
    for (const listener of listeners) {
      try {
        listener(event, origin);
      } catch (error) {
        logger.error('desk event listener failed', { event, error: String(error) });
      }
    }
  };

  function failWaiting(error: DeskError): void {
    watchdog.stop();
    for (const [id, call] of pending) {
      pending.delete(id);
      call.resolve({ ok: false, error });
    }
    for (const [id, answer] of gates) {
      gates.delete(id);
      answer(CONSERVATIVE_GATE);
    }
  }

  function handle(message: FromStore): void {
    switch (message.type) {
      case 'result': {
        const call = pending.get(message.id);
        if (!call) return;
        pending.delete(message.id);
        // Only a call that signed in or out (or found its session ended) changes the window's sign-in.
        settleSession(call.client, call.sentSession, message.sessionId);
        call.resolve(message.result);
        return;
      }
      case 'gate':
        gates.get(message.id)?.(message.gate);
        gates.delete(message.id);
        return;
      case 'event':
        emit(message.event, message.origin);
        return;
      case 'credentials-saved':
        rememberCredentials(message.credentials);
        return;
      case 'credentials-cleared':
        rememberCredentials(null);
        return;
      case 'pong':
        watchdog.answered(message.id);
        return;
      case 'closed':
        closed?.();
        return;
      default:
      // 'ready' and 'open-failed' are awaited by launch().
    }
  }

  /**
   * The shell keeps the credentials (safeStorage lives in Electron's main process): a store process
   * started again after a crash gets the ones saved or cleared since, not those of the first start.
   */
  function rememberCredentials(saved: DeviceCredentials | null): void {
    if (init.credentials?.kind === 'shell') init = { ...init, credentials: { ...init.credentials, saved } };
    try {
      options.onCredentials?.(saved);
    } catch (error) {
      logger.error('The sync credentials could not be kept', { error: String(error) });
    }
  }

  /** Starts one store process; resolves once its desk is open, rejects with why it is not. */
  function launch(): Promise<void> {
    const started = options.spawn();
    child = started;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      started.onMessage((message) => {
        if (child !== started) return;
        if (message.type === 'ready') {
          ready = true;
          policy.started();
          resolve();
        } else if (message.type === 'open-failed') {
          child = null;
          started.kill();
          reject(new StoreOpenError(message.message));
        } else handle(message);
      });
      started.onExit((code) => {
        if (child !== started) return;
        child = null;
        if (!ready) reject(new Error(`the store process ended before its database was open (exit code ${code})`));
        else if (state === 'running') fault(`the store process ended unexpectedly (exit code ${code})`);
        else closed?.();
      });
      started.post({ type: 'init', init });
    });
  }

  /** `inFlight`: what the calls waiting on the failed process are told (the crash's words by default). */
  function fault(why: string, inFlight?: DeskError): void {
    faults += 1;
    lastFault = why;
    const delay = policy.crashed();
    failWaiting(delay === null ? STORE_ERRORS.stopped : (inFlight ?? STORE_ERRORS.restarting));
    if (delay === null) {
      state = 'stopped';
      logger.error('The store process keeps failing; it is not started again', { why, faults });
    } else {
      state = 'restarting';
      logger.error('The store process failed; starting it again', { why, faults, inMs: delay });
      restartTimer = setTimeout(() => void restart(), delay);
    }
    // Every page asks again and shows the store's state in its own words.
    for (const event of DESK_EVENTS) emit(event);
  }

  async function restart(): Promise<void> {
    restartTimer = null;
    if (state !== 'restarting') return;
    try {
      await launch();
    } catch (error) {
      if (error instanceof StoreOpenError) {
        // The file itself is the problem now: starting again would fail the same way.
        state = 'stopped';
        lastFault = error.message;
        logger.error('The store process cannot open the database after a fault; it is not started again', {
          error: error.message,
        });
        for (const event of DESK_EVENTS) emit(event);
      } else if (state === 'restarting') {
        state = 'running';
        fault(String(error instanceof Error ? error.message : error));
      }
      return;
    }
    if (state !== 'restarting') {
      child?.kill();
      return;
    }
    state = 'running';
    watchdog.start();
    logger.info('The store process is running again', { faults });
    if (lastUpdateStatus) child?.post({ type: 'update-status', status: lastUpdateStatus });
    for (const event of DESK_EVENTS) emit(event);
  }

  await launch();
  state = 'running';
  watchdog.start();

  function refusal(): DeskError {
    return state === 'stopped' ? STORE_ERRORS.stopped : STORE_ERRORS.restarting;
  }

  return {
    dispatch(client, method, input) {
      if (state !== 'running' || !child) return Promise.resolve({ ok: false, error: refusal() });
      const chars = jsonChars(input);
      if (chars === null || chars > limits.maxInputChars)
        return Promise.resolve({ ok: false, error: STORE_ERRORS.inputTooLarge });
      if (pending.size >= limits.maxPending) return Promise.resolve({ ok: false, error: STORE_ERRORS.busy });
      const id = nextId++;
      const running = child;
      return new Promise((resolve) => {
        pending.set(id, { client, sentSession: client.sessionId, resolve });
        try {
          running.post({ type: 'call', id, sessionId: client.sessionId, method, input });
        } catch (error) {
          // E.g. a value that cannot be cloned: refused like malformed input.
          pending.delete(id);
          logger.warn('A call could not be sent to the store process', { method, error: String(error) });
          resolve({
            ok: false,
            error: { code: 'validation', key: 'invalid_input', message: 'The request is malformed' },
          });
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      watchdog.stop();
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running) return;
      const timeoutMs = options.closeTimeoutMs ?? 15_000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          logger.warn('The store process did not close in time; ending it', { timeoutMs });
          resolve();
        }, timeoutMs);
        closed = () => {
          clearTimeout(timer);
          resolve();
        };
        running.post({ type: 'close' });
      });
      child = null;
      running.kill();
      failWaiting(STORE_ERRORS.restarting);
    },
    setUpdateStatus(status) {
      lastUpdateStatus = status;
      child?.post({ type: 'update-status', status });
    },
    updateGate() {
      if (state !== 'running' || !child) return Promise.resolve(CONSERVATIVE_GATE);
      const id = nextId++;
      const running = child;
      return new Promise((resolve) => {
        gates.set(id, resolve);
        running.post({ type: 'update-gate', id });
      });
    },
    status: () => ({ state, faults, lastFault, ping: watchdog.stats() }),
  };
}
