/**
 * A counter PC for sync tests: a desk on its own SQLite file, set up as a store, enrolled with the
 * test head office, with a sync engine whose timers are not started (tests call `sync()`), and a
 * credentials file beside the database (the browser host's store, mode 0600).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openTestDesk } from '../../support/temp-store';
import { fileCredentialStore } from '../../../db/sync/credentials';
import { enrollDevice } from '../../../db/sync/enroll';
import { SyncEngine, type SyncTiming } from '../../../db/sync/engine';
import type { TestHeadOffice } from './hq';

export type CounterOptions = {
  storeCode?: string;
  counterNo?: number;
  file?: string;
  now?: () => number;
  enroll?: boolean;
  setUp?: boolean;
  timing?: Partial<SyncTiming>;
  /** Route the engine through this address instead of head office's (a fault proxy). */
  via?: () => string;
  maxPullBytes?: number;
};

export const FAST_TIMING: SyncTiming = {
  pushDebounceMs: 20,
  pullEveryMs: 60_000,
  backoffMinMs: 20,
  backoffMaxMs: 200,
  probeMs: 50,
};

export async function openCounter(hq: TestHeadOffice, options: CounterOptions = {}) {
  const storeCode = options.storeCode ?? 'S012';
  const counterNo = options.counterNo ?? 1;
  // Own folder, removed by close(): counters live across the tests of a file (temp-store's are per test).
  const folder = options.file ? null : mkdtempSync(join(tmpdir(), 'counterdesk-sync-'));
  const file = options.file ?? join(folder!, `counter-${storeCode}-${counterNo}.sqlite`);
  const t = await openTestDesk({ file, ...(options.now ? { now: options.now } : {}) });
  if (options.setUp ?? true) {
    await t.ok('setup.createStore', {
      storeCode,
      storeName: `门店${storeCode}`,
      counterNo,
      adminName: `管理员${counterNo}`,
      adminPin: '2468',
    });
  } else {
    // An existing database: sign in as this PC's own admin (colleagues synced from other PCs have no PIN here).
    const admin = t.desk
      .store!.sqlite.prepare("SELECT id FROM staff WHERE role = 'admin' AND pin_hash LIKE 'scrypt$%' LIMIT 1")
      .get() as { id: string } | undefined;
    if (admin) await t.ok('session.signIn', { staffId: admin.id, pin: '2468' });
  }
  const store = t.desk.store!;
  const credentials = fileCredentialStore(join(dirname(file), 'sync-credentials.json'));
  const engine = new SyncEngine({
    store,
    services: t.desk.sync!,
    credentials,
    appVersion: '0.1.0-test',
    logger: t.logger,
    timing: { ...FAST_TIMING, ...options.timing },
    random: () => 0.5,
    ...(options.maxPullBytes ? { maxPullBytes: options.maxPullBytes } : {}),
  });
  // The desk's sync page finds the engine as it finds the one startDeskSync runs.
  t.desk.sync!.engine = engine;
  const enroll = async () => {
    const code = await hq.issueCode(storeCode);
    await enrollDevice(
      store,
      credentials,
      {
        serverUrl: options.via?.() ?? hq.url,
        code,
        caCert: hq.caCert,
        deviceName: `${storeCode} counter ${counterNo}`,
      },
      t.desk.sync!,
    );
  };
  if (options.enroll ?? true) await enroll();
  return {
    ...t,
    store,
    engine,
    credentials,
    enroll,
    /** One sync round; fails the test with the engine's error if it did not finish cleanly. */
    async sync() {
      await engine.syncNow();
      const status = engine.status();
      if (status.lastError) throw new Error(`sync of ${storeCode}#${counterNo} failed: ${status.lastError}`);
      return status;
    },
    /** One sync round that may fail (fault scenarios): returns the status. */
    async trySync() {
      await engine.syncNow();
      return engine.status();
    },
    async close() {
      await engine.stop();
      await t.desk.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type TestCounter = Awaited<ReturnType<typeof openCounter>>;
