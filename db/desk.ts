/**
 * Opens a Desk: the store file, its migrations, and the dispatcher over it. The transports
 * (electron/ipc.ts, electron/host.ts) hold one Desk each and pass every call to `dispatch`.
 */
import type { DeskEvent } from './api';
import { createDispatcher } from './dispatcher';
import type { Desk, DeskOptions } from './desk-types';
import { handlers } from './handlers';
import { SCHEMA_VERSION } from './migrations/index';
import { closeStore, openStore } from './open';
import { createPinThrottle } from './staff/pin-throttle';

export async function openDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? Date.now;
  const store = await openStore({ file: options.file, appVersion: options.appVersion, now });
  const listeners = new Set<(event: DeskEvent) => void>();
  const dispatch = createDispatcher({
    services: {
      store,
      pinThrottle: createPinThrottle({ sqlite: store.sqlite, clock: () => store.hlc, ...(options.ticks ? { ticks: options.ticks } : {}) }),
      appInfo: { version: options.appVersion, schemaVersion: SCHEMA_VERSION, forcedLanguage: options.forcedLanguage, host: options.host },
    },
    handlers,
    logger: options.logger,
    emit: (event) => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          options.logger.error('desk event listener failed', { event, error: error instanceof Error ? error.stack : String(error) });
        }
      }
    },
  });
  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => closeStore(store),
    store,
  };
}

export { NewerDatabaseError } from './migrate';
export type { Desk, DeskOptions, ClientState, Logger } from './desk-types';
