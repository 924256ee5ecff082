/**
 * Starts sync beside an open desk (the transports call this once): the engine on the desk's store,
 * a push shortly after each committed change, the pull timer. Returns what stops it.
 */
import type { Desk, Logger } from '../desk-types';
import type { CredentialStore } from './credentials';
import { SyncEngine, type SyncTiming } from './engine';

export async function startDeskSync({
  desk,
  credentials,
  appVersion,
  logger,
  timing,
}: {
  desk: Desk;
  credentials: CredentialStore;
  appVersion: string;
  logger: Logger;
  timing?: Partial<SyncTiming>;
}): Promise<{ engine: SyncEngine; stop(): Promise<void> }> {
  if (!desk.store) throw new Error('startDeskSync needs a desk opened by openDesk');
  const engine = new SyncEngine({ store: desk.store, credentials, appVersion, logger, ...(timing ? { timing } : {}) });
  const unsubscribe = desk.onEvent((event) => {
    // Signing in and out writes nothing that syncs; everything else may have.
    if (event !== 'session.changed' && event !== 'sync.changed') engine.localWrite();
  });
  await engine.start();
  return {
    engine,
    async stop() {
      unsubscribe();
      await engine.stop();
    },
  };
}
