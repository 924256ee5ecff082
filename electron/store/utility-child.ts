/**
 * The store process in the Electron app: out/store/store.js in a utilityProcess (a Node child of
 * Electron's, with the same native module ABI, so better-sqlite3 loads as it does in main).
 * Thin on purpose: everything it carries is tested through electron/store/children.ts.
 */
import { utilityProcess } from 'electron';
import type { Logger } from '../../db/desk-types';
import type { FromStore, ToStore } from './protocol';
import type { StoreChild } from './supervisor';

export function storeUtilityProcess(entry: string, logger: Logger): StoreChild {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Counterdesk store', stdio: 'inherit' });
  // Messages posted before the process has spawned wait here, in order.
  let queue: ToStore[] | null = [];
  child.once('spawn', () => {
    for (const message of queue ?? []) child.postMessage(message);
    queue = null;
  });
  let ended = false;
  child.once('exit', () => (ended = true));
  return {
    post(message) {
      if (ended) return;
      if (queue) queue.push(message);
      else child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromStore)),
    onExit: (listener) =>
      child.once('exit', (code: number) => {
        if (code !== 0) logger.warn('The store process exited', { code });
        listener(code);
      }),
    kill: () => void child.kill(),
  };
}
