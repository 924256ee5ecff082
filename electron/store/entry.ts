/**
 * The store process's entry, built to out/store/store.js. One file for every way it is started:
 *   - a worker thread (the browser host): messages on `parentPort`;
 *   - Electron's utilityProcess (the app): messages on `process.parentPort`, each wrapped in an event;
 *   - a forked Node process (tests that kill it with SIGKILL): `process.send` with `advanced` serialization.
 */
import { writeSync } from 'node:fs';
import { isMainThread, parentPort } from 'node:worker_threads';
import { createLogger, type ClosableLogger } from '../../db/log';
import type { FromStore, ToStore } from './protocol';
import { serveStore, type StorePort } from './serve';

/** The part of Electron's `process.parentPort` (a MessagePortMain) used here; typed here to keep electron out. */
type ElectronParentPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
};

/**
 * The shell ends the process once it has the last message (`open-failed`, `closed`); exiting at
 * once could drop that message, so the process only ends itself if the shell does not. A worker's
 * process.exit ends only the worker thread.
 */
function exitSoon(code: number): void {
  setTimeout(() => process.exit(code), 2_000);
}

function pickPort(): StorePort {
  if (parentPort) {
    const port = parentPort;
    return {
      post: (message: FromStore) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (message: ToStore) => listener(message)),
      exit: exitSoon,
    };
  }
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as ToStore)),
      exit: exitSoon,
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return {
      post: (message) => void send(message),
      onMessage: (listener) => process.on('message', (message) => listener(message as ToStore)),
      exit: exitSoon,
    };
  }
  throw new Error('out/store/store.js is started by the app, never on its own');
}

/**
 * The store's logger, to stderr and, once the shell names the log folder, to `store.log` there. A
 * worker thread's process.stderr is carried by the shell's thread; the store writes its lines to
 * file descriptor 2 itself, so a busy store does not make the shell's loop write its log.
 */
function storeLogger(logDir: string | undefined): ClosableLogger {
  return createLogger({
    scope: 'store',
    ...(logDir ? { logDir } : {}),
    ...(isMainThread ? {} : { writeLine: (line: string) => void writeSync(2, line) }),
  });
}

serveStore(pickPort(), storeLogger);
