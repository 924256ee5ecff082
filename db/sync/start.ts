/**
 * Starts sync beside an open desk (the transports call this once): the engine on the desk's store,
 * a push shortly after each committed change, the pull timer. Returns what stops it.
 *
 * Sync writes the store too (pulled changes, acknowledgements), so it does not run on a damaged
 * file, stops when the daily check finds damage, and stops before a restore replaces the store and
 * starts again on the store reopened after it.
 */
import type { Desk, Logger } from '../desk-types';
import type { Store } from '../open';
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
}): Promise<{ readonly engine: SyncEngine | null; stop(): Promise<void> }> {
  if (!desk.store || !desk.sync) throw new Error('startDeskSync needs a desk opened by openDesk');
  const sync = desk.sync;
  let engine: SyncEngine | null = null;

  async function startOn(store: Store): Promise<void> {
    if (store.health.damage) {
      logger.warn('The database file is damaged: sync does not run');
      return;
    }
    const started = new SyncEngine({
      store,
      services: sync,
      credentials,
      appVersion,
      logger,
      ...(timing ? { timing } : {}),
    });
    await started.start();
    engine = started;
    sync.engine = started;
  }
  async function stopEngine(): Promise<void> {
    const running = engine;
    engine = null;
    if (sync.engine === running) sync.engine = null;
    await running?.stop();
  }

  const unsubscribe = desk.onEvent((event, origin) => {
    if (event === 'backup.changed' && desk.store?.health.damage && engine) {
      void stopEngine();
      return;
    }
    // What sync wrote came from head office: nothing to send back.
    if (origin === 'sync') return;
    // Signing in and out writes nothing that syncs; everything else may have.
    if (event !== 'session.changed' && event !== 'sync.changed' && event !== 'backup.changed') engine?.localWrite();
  });
  const unhook = desk.onReplace?.({ before: stopEngine, after: startOn }) ?? (() => {});
  await startOn(desk.store);
  return {
    get engine() {
      return engine;
    },
    async stop() {
      unsubscribe();
      unhook();
      await stopEngine();
    },
  };
}
