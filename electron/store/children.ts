/**
 * Starting out/store/store.js without Electron: as a worker thread (the browser host) or as a
 * forked Node process (tests that must kill it with SIGKILL, as a crash would). Electron's
 * utilityProcess is in electron/store/utility-child.ts.
 */
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../db/desk-types';
import type { FromStore } from './protocol';
import type { StoreChild } from './supervisor';

export function storeWorker(entry: string, logger: Logger): StoreChild {
  const worker = new Worker(entry);
  worker.on('error', (error) => {
    // An exception nobody caught in the store thread: the thread ends and 'exit' follows.
    logger.error('The store thread failed', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (message: FromStore) => listener(message)),
    onExit: (listener) => worker.once('exit', (code) => listener(code)),
    kill: () => void worker.terminate(),
  };
}

/** `execPath`: the Node binary to run it with (node 24 from node_modules/.bin in tests). */
export function storeChildProcess(entry: string, execPath = process.execPath): StoreChild & { readonly pid: number } {
  const child = fork(entry, [], {
    serialization: 'advanced',
    execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ended = false;
  child.once('exit', () => (ended = true));
  return {
    pid: child.pid!,
    post: (message) => {
      if (!ended && child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromStore)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
