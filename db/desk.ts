/**
 * Opens a Desk: the store file, its migrations, and the dispatcher over it. The transports
 * (electron/ipc.ts, electron/host.ts) hold one Desk each and pass every call to `dispatch`.
 *
 * The open store sits in a slot: a restore (db/storage/service.ts) swaps it for the reopened
 * file while calls wait at the gate, and whoever runs beside the desk on its store (the sync
 * engine) hears of the swap before and after through `onReplace`.
 */
import { DESK_EVENTS, type DeskEvent } from './contract';
import { DeskFailure } from './handler';
import { createDispatcher } from './dispatcher';
import type { Desk, DeskOptions, EventOrigin, StoreReplaceHooks, UpdateStatus } from './desk-types';
import { deskMethods } from './methods';
import { SCHEMA_VERSION } from './migrations/index';
import { closeStore, openStore, type Store } from './open';
import { registerCustomersSync } from './customers/sync-hooks';
import { registerMessagesSync } from './messages/sync-hooks';
import { registerPartsSync } from './parts/sync-hooks';
import { createPinThrottle } from './staff/pin-throttle';
import { staffNames } from './staff/queries';
import { findCounter } from './store/queries';
import { readInstallWindow } from './store/updates';
import { backupBeforeMigration } from './storage/before-migration';
import { RestoreFailure } from './storage/restore';
import { StorageService } from './storage/service';
import type { DeskSync } from './sync/desk-sync';
import { getState } from './sync/state';
import { createSyncHooks, type SyncServices } from './sync/hooks';
import { AREAS_OF_ENTITY, syncedEntities } from './synced-entities';
import { registerTicketsSync } from './tickets/sync-hooks';

/** The events of the pages that show a synced entity (`AREAS_OF_ENTITY`); none for one unknown here. */
export function eventsOfEntity(entity: string): ReadonlyArray<DeskEvent> {
  return (Object.hasOwn(AREAS_OF_ENTITY, entity) ? AREAS_OF_ENTITY[entity]! : []).map(
    (area): DeskEvent => `${area}.changed`,
  );
}

/**
 * What the sync engine is built with: every area's synced entities, the derived data each area
 * rebuilds for pulled records (db/<area>/sync-hooks.ts), what the desk knows of itself (its store
 * code and counter number, its staff's names) and how it tells its pages what sync changed
 * (`announce`: the desk's events, marked as sync's). One per desk: the engine imports no area.
 */
export function createSyncServices(announce: (event: DeskEvent) => void = () => {}): SyncServices {
  const hooks = createSyncHooks();
  registerCustomersSync(hooks);
  registerPartsSync(hooks);
  registerTicketsSync(hooks);
  registerMessagesSync(hooks);
  return {
    rules: syncedEntities,
    hooks,
    facts: { counter: findCounter, staffNames },
    announcements: { eventsOf: eventsOfEntity, announce },
  };
}

export async function openDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? Date.now;
  const open = (file: string) =>
    openStore({
      file,
      appVersion: options.appVersion,
      now,
      beforeMigration: () => backupBeforeMigration({ file, now: now(), logger: options.logger }),
    });
  const slot: { store: Store } = { store: await open(options.file) };
  const listeners = new Set<(event: DeskEvent, origin: EventOrigin) => void>();
  const replaceHooks = new Set<StoreReplaceHooks>();
  const emit = (event: DeskEvent, origin: EventOrigin = 'call') => {
    for (const listener of listeners) {
      try {
        listener(event, origin);
      } catch (error) {
        options.logger.error('desk event listener failed', {
          event,
          error: error instanceof Error ? error.stack : String(error),
        });
      }
    }
  };
  const sync: DeskSync = { ...createSyncServices((event) => emit(event, 'sync')), engine: null };

  // The updater lives in the shell; its latest report is kept here for `app.updateStatus`.
  let updateStatus: UpdateStatus = {
    current: options.appVersion,
    state: 'off',
    available: null,
    percent: null,
    checkedAt: null,
    error: null,
  };

  let inFlight = 0;
  let gate: Promise<void> | null = null;

  async function swapStore(replace: (current: Store) => Promise<Store>): Promise<void> {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    try {
      // The restore's own call is in flight; every other call finishes before the file is closed.
      while (inFlight > 1) await new Promise((resolve) => setTimeout(resolve, 5));
      for (const hooks of replaceHooks) await hooks.before();
      try {
        slot.store = await replace(slot.store);
      } catch (error) {
        if (!(error instanceof RestoreFailure)) throw error;
        slot.store = error.reopened;
        options.logger.error('Restore failed; the previous database is open again', { error: String(error.cause) });
        throw new DeskFailure('internal', 'restore_failed');
      } finally {
        for (const hooks of replaceHooks) await hooks.after(slot.store);
      }
    } finally {
      gate = null;
      open();
    }
    // Every page shows other data now.
    for (const event of DESK_EVENTS) emit(event);
  }

  const storage = new StorageService({
    file: options.file,
    now,
    logger: options.logger,
    currentStore: () => slot.store,
    swapStore,
    reopen: open,
    changed: () => emit('backup.changed'),
    logDir: options.logDir ?? null,
  });

  const dispatchInner = createDispatcher({
    services: {
      get store() {
        return slot.store;
      },
      storage,
      sync,
      pinThrottle: createPinThrottle({ store: () => slot.store, ...(options.ticks ? { ticks: options.ticks } : {}) }),
      appInfo: {
        version: options.appVersion,
        schemaVersion: SCHEMA_VERSION,
        forcedLanguage: options.forcedLanguage,
        host: options.host,
      },
      updates: { status: () => updateStatus },
    },
    methods: deskMethods,
    logger: options.logger,
    emit,
  });
  if (options.schedule === true) storage.startSchedule();

  return {
    async dispatch(client, method, input) {
      while (gate) await gate;
      inFlight += 1;
      try {
        return await dispatchInner(client, method, input);
      } finally {
        inFlight -= 1;
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReplace(hooks) {
      replaceHooks.add(hooks);
      return () => replaceHooks.delete(hooks);
    },
    async close() {
      storage.stopSchedule();
      while (gate) await gate;
      await closeStore(slot.store);
    },
    get store() {
      return slot.store;
    },
    storage,
    sync,
    setUpdateStatus(status) {
      updateStatus = { ...status, current: options.appVersion };
      emit('sync.changed');
    },
    async updateGate() {
      while (gate) await gate;
      const status = sync.engine?.status() ?? null;
      return {
        syncing: status?.state === 'syncing' || status?.state === 'enrolling',
        installWindow: await readInstallWindow(slot.store.db),
        server: status?.serverUrl
          ? { url: status.serverUrl, caCert: getState(slot.store.statements, 'server_ca') }
          : null,
      };
    },
  };
}

export { NewerDatabaseError } from './migrate';
export type { Desk, DeskOptions, ClientState, Logger } from './desk-types';
