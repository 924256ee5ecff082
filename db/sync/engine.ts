/**
 * The sync engine of one counter PC (docs/SYNC.md §2.10): push shortly after local writes, pull on a
 * timer and when the network returns, one sync at a time, exponential backoff with full jitter on
 * transient failures plus a cheap health probe so the first sync after recovery comes within
 * seconds without any new local write [P11]. It works only between the counter's calls (see
 * exclusive.ts) and in short transactions, so the counter never waits on it for long.
 */
import { deskNowIso, deskNowMs, startingOffset } from '../clock';
import { compactId } from '../ids';
import type { Logger } from '../desk-types';
import type { Store } from '../open';
import { createSyncHttp, type SyncHttp } from './client';
import type { CredentialStore } from './credentials';
import { enrollDevice, enrollFailureOf, type EnrollInput } from './enroll';
import { exclusive } from '../exclusive';
import { createHlc, formatHlc, parseHlc } from './hlc';
import { pendingCount, pruneAcked } from './outbox';
import { finishTakingBack, restoredCopyOf, takingBack } from './restored-copy';
import { replayPendingUnknown } from './pending-replay';
import { CHUNK_ROWS, pullAll, type PullContext } from './pull';
import { buildSearchBacklog } from './search-build';
import { pushAll } from './push';
import { createSession, SyncStop, TransientError, type SyncFailure, type SyncSession } from './session';
import { getNumber, getState, setState } from './state';
import type { SyncServices } from './hooks';
import { createTableInfoCache, type TableInfoCache } from './table-info';
import type { EnrollFailure, SyncStatus } from './status';
import { readStatus, type Progress } from './engine-status';
import { Announcer } from './announcer';
import { DEFAULT_TIMING, retryDelay, Timers, type SyncTiming } from './timers';

export { DEFAULT_TIMING, type SyncTiming } from './timers';

export type SyncEngineOptions = {
  store: Store;
  /** The entity rules and the areas' hooks (db/desk.ts `createSyncServices`). */
  services: SyncServices;
  credentials: CredentialStore;
  appVersion: string;
  logger: Logger;
  timing?: Partial<SyncTiming>;
  random?: () => number;
  maxPullBytes?: number;
  /** How far apart the same page event goes out during a sync (announcer.ts; tests shorten it). */
  announceGapMs?: number;
};

export class SyncEngine {
  readonly timing: SyncTiming;
  private readonly store: Store;
  private http: SyncHttp | null = null;
  private session: SyncSession | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private readonly timers: Timers;
  private pushTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private offsetMs = 0;
  /** Whether offsetMs was learned from head office in this process (else it is the capped saved one). */
  private offsetLearned = false;
  private progress: Progress | null = null;
  private enrolling: { state: 'working' | 'failed'; failure: EnrollFailure | null } | null = null;
  private indexing: Promise<void> | null = null;
  private indexProgress: { rows: number; total: number } | null = null;
  /** This store's table shapes and chunk pace, learned as it syncs. */
  private readonly tables: TableInfoCache;
  private readonly pace: PullContext['pace'] = { chunkRows: CHUNK_ROWS };
  /** Tells the open pages what this engine wrote and when its status moved. */
  private readonly announcer: Announcer;

  constructor(private readonly options: SyncEngineOptions) {
    this.store = options.store;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.tables = createTableInfoCache(options.services.rules);
    this.timers = new Timers(options.logger);
    this.announcer = new Announcer(options.services.announcements, options.announceGapMs);
  }

  /** Pulled or replayed records committed: their pages read again. */
  private readonly committed = (entities: ReadonlySet<string>, keptAside = 0): void => {
    this.announcer.entitiesChanged(entities);
    if (keptAside > 0) this.statusChanged();
  };

  /** What the status bar and the sync page show moved (state, waiting, refused, kept aside). */
  private statusChanged(): void {
    this.announcer.changed(['sync.changed']);
  }

  /** Reads the saved offset, installs the offset-aware clock and starts the timers. */
  async start(): Promise<void> {
    this.offsetMs = startingOffset(
      await exclusive(this.store, () => getNumber(this.store.statements, 'clock_offset_ms')),
    );
    this.installClock();
    this.schedulePull(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.stop();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    await this.running?.catch(() => {});
    await this.indexing;
    this.announcer.drop();
    this.http?.close();
  }

  /** After a committed local write: push once the counter has been quiet for a moment. */
  localWrite(): void {
    if (this.stopped) return;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.syncNow(), this.timing.pushDebounceMs);
    this.pushTimer.unref();
    // One more change waits to be sent.
    this.statusChanged();
  }

  /** The network is back (the renderer's `online` event): forget the backoff and sync. */
  online(): void {
    this.failures = 0;
    void this.syncNow();
  }

  /** One sync at a time: a call while one runs makes it run once more, then both resolve. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.runOnce();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
        // After `running` is cleared, so a page reading the status on this event sees the round over.
        if (!this.stopped) {
          this.statusChanged();
          this.announcer.flush();
        }
      }
    })();
    this.statusChanged();
    return this.running;
  }

  /** Enrollment talks to head office: it runs here, never inside a counter transaction. */
  enroll(input: EnrollInput): Promise<void> {
    this.enrolling = { state: 'working', failure: null };
    this.statusChanged();
    return enrollDevice(this.store, this.options.credentials, input, this.options.services)
      .then(async () => {
        this.enrolling = null;
        this.resetSession();
        this.failures = 0;
        await this.syncNow();
      })
      .catch((error: unknown) => {
        this.enrolling = { state: 'failed', failure: enrollFailureOf(error) };
        this.statusChanged();
      });
  }

  /** Read inside the caller's transaction (the sync.status handler), without taking the lock. */
  status(): SyncStatus {
    const credentials = this.safeCredentials();
    return readStatus(this.store, this.options.services.hooks, this.options.credentials, {
      credentials,
      state:
        this.enrolling?.state === 'working'
          ? 'enrolling'
          : credentials === null
            ? 'not_enrolled'
            : this.running
              ? 'syncing'
              : this.failures > 0
                ? 'retrying'
                : 'idle',
      enrollError: this.enrolling?.state === 'failed' ? this.enrolling.failure : null,
      learnedOffsetMs: this.offsetLearned ? this.offsetMs : null,
      progress: this.progress,
      indexProgress: this.indexProgress,
    });
  }

  private safeCredentials() {
    try {
      return this.options.credentials.load();
    } catch {
      return null;
    }
  }

  private resetSession(): void {
    this.http?.close();
    this.http = null;
    this.session = null;
  }

  private sessionFor(): SyncSession | null {
    const credentials = this.safeCredentials();
    if (!credentials) return null;
    if (!this.session) {
      const caCert = getState(this.store.statements, 'server_ca');
      this.http = createSyncHttp({ baseUrl: credentials.serverUrl, caCert });
      this.session = createSession({ http: this.http, credentials, now: this.store.now, report: this.report });
    }
    return this.session;
  }

  private reported: { atMs: number; pending: number } | null = null;

  /**
   * What this PC reports with each request (session.ts `DeviceReport`). The unsent count is read
   * at most once a second: a pull pages many times in a row, and the count does not change then.
   */
  private report = () => {
    const nowMs = this.store.now();
    if (!this.reported || nowMs - this.reported.atMs >= 1_000 || nowMs < this.reported.atMs)
      this.reported = { atMs: nowMs, pending: pendingCount(this.store.statements) };
    return { appVersion: this.options.appVersion, pending: this.reported.pending, clockMs: nowMs };
  };

  /**
   * A new clock over the learned offset (and the replica id, which a rotation changes), carrying on
   * from the old clock's high-water mark whatever the PC clock says: a PC whose clock ran ahead and
   * was corrected keeps counting from its mark, so nothing it stores goes back in time. Head office
   * re-stamps changes that arrive too far ahead of its own time (docs/SYNC.md §2.6), so that future
   * cannot win merges elsewhere.
   */
  private installClock(): void {
    const node = compactId(this.store.replicaId);
    const last = parseHlc(this.store.hlc.last());
    const lastStamp = formatHlc({ millis: last.millis, counter: last.counter, node });
    this.store.hlc = createHlc({ node, now: this.store.now, lastStamp, offsetMs: () => this.offsetMs });
  }

  /** Offset = head office's time − ours; persisted with the next write, clock re-installed if it moved. */
  private onServerTime = (iso: string): void => {
    const offset = Date.parse(iso) - this.store.now();
    const moved = Math.abs(offset - this.offsetMs) > 1_000;
    this.offsetMs = offset;
    this.offsetLearned = true;
    if (moved) this.installClock();
  };

  private async runOnce(): Promise<void> {
    const { statements } = this.store;
    if (getState(statements, 'revoked')) return;
    const session = this.sessionFor();
    if (!session) return;
    try {
      await this.replayKeptAside();
      const replicaBefore = this.store.replicaId;
      const total = pendingCount(statements);
      this.progress = total > 0 ? { phase: 'push', rows: 0, total } : null;
      const pushContext = {
        store: this.store,
        session,
        appVersion: this.options.appVersion,
        onServerTime: this.onServerTime,
      };
      // A PC restored from a copy pushes what it wrote since only once head office's records are back.
      if (!(await exclusive(this.store, () => takingBack(statements)))) {
        await pushAll({ ...pushContext, onProgress: (rows) => (this.progress = { phase: 'push', rows, total }) });
        // Fewer waiting, perhaps some refused.
        if (total > 0) this.statusChanged();
      }
      // The pull reports what is still unsent after this push, not the count from before it.
      this.reported = null;
      if (this.store.replicaId !== replicaBefore) this.installClock();
      this.progress = { phase: 'pull', rows: 0, total: null };
      await pullAll({
        store: this.store,
        ...this.options.services,
        tables: this.tables,
        pace: this.pace,
        session,
        onServerTime: this.onServerTime,
        serverTimeMs: () => this.store.now() + this.offsetMs,
        onProgress: (rows) => (this.progress = { phase: 'pull', rows: (this.progress?.rows ?? 0) + rows, total: null }),
        ...(this.options.maxPullBytes ? { maxBytes: this.options.maxPullBytes } : {}),
        onReplicaChanged: () => this.installClock(),
        onCommitted: this.committed,
      });
      // A pulled record may have cleared what kept others aside (a join offer mapped a part).
      await this.replayKeptAside();
      if (await exclusive(this.store, () => takingBack(statements) && getState(statements, 'pull_cursor') !== null)) {
        await finishTakingBack(this.store, this.options.services, this.committed);
        this.options.logger.warn('database restored from an older copy: continued as a new replica', {
          takenBack: restoredCopyOf(statements)?.takenBack ?? 0,
        });
      }
      // What head office lost on a restore, found during the pull, goes back now.
      if (pendingCount(statements) > 0) {
        await pushAll(pushContext);
        this.statusChanged();
      }
      await exclusive(this.store, () => {
        setState(statements, 'last_sync_at', deskNowIso(this.store.hlc));
        setState(statements, 'last_error', null);
        setState(statements, 'last_error_code', null);
        setState(statements, 'clock_offset_ms', Math.round(this.offsetMs));
        // Acknowledgement times are the desk's clock: the retention is counted on the same clock.
        pruneAcked(statements, deskNowMs(this.store.hlc));
      });
      this.failures = 0;
      this.indexSearchBacklog();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure: SyncFailure | null =
        error instanceof TransientError
          ? error.failure
          : error instanceof SyncStop
            ? { code: error.code, params: {} }
            : null;
      await exclusive(this.store, () => {
        setState(statements, 'last_error', message);
        setState(statements, 'last_error_code', failure ? JSON.stringify(failure) : null);
      }).catch(() => {});
      if (error instanceof SyncStop) {
        this.options.logger.warn('sync stopped', { code: error.code, message });
        if (error.code === 'device_revoked' || error.code === 'unauthorized')
          await exclusive(this.store, () => setState(statements, 'revoked', error.code));
        return;
      }
      this.failures += 1;
      if (!(error instanceof TransientError))
        this.options.logger.error('sync failed', { error: error instanceof Error ? error.stack : message });
      this.scheduleRetry();
    } finally {
      this.progress = null;
    }
  }

  /**
   * Once per new schema: values earlier pulls kept aside for tables or columns this PC did not have
   * (docs/SYNC.md F19) are applied now that it may have them. A failure here is logged and does not stop
   * the sync; the replay is tried again next time.
   */
  private async replayKeptAside(): Promise<void> {
    try {
      const { replayed, keptAside } = await replayPendingUnknown(this.store, this.options.services, {
        stopped: () => this.stopped,
        onCommitted: this.committed,
      });
      if (replayed > 0) {
        this.options.logger.info('kept-aside values replayed', { replayed, keptAside });
        this.statusChanged();
      }
    } catch (error) {
      this.options.logger.error('replaying kept-aside values failed', {
        error: error instanceof Error ? error.stack : String(error),
      });
    }
  }

  /** Replays every record kept aside now (the clash that kept it may be gone); one sync's lock. */
  async retryKeptAside(): Promise<{ replayed: number; keptAside: number }> {
    try {
      return await replayPendingUnknown(this.store, this.options.services, {
        always: true,
        stopped: () => this.stopped,
        onCommitted: this.committed,
      });
    } catch (error) {
      this.options.logger.error('replaying kept-aside records failed', {
        error: error instanceof Error ? error.stack : String(error),
      });
      throw error;
    } finally {
      this.statusChanged();
      this.announcer.flush();
    }
  }

  /**
   * The search terms an initial sync deferred are built in the background, after the sync that
   * brought them has finished (syncNow does not wait for it; `searchIndexed()` does).
   */
  private indexSearchBacklog(): void {
    const { hooks } = this.options.services;
    if (this.indexing || this.stopped || hooks.searchBacklogSize(this.store.statements) === 0) return;
    this.indexing = buildSearchBacklog(this.store, hooks, {
      onProgress: (rows, total) => (this.indexProgress = { rows, total }),
      stopped: () => this.stopped,
    })
      .then(
        () => undefined,
        (error: unknown) =>
          this.options.logger.error('search index build failed', {
            error: error instanceof Error ? error.stack : String(error),
          }),
      )
      .finally(() => {
        this.indexing = null;
        this.indexProgress = null;
        // Customers the snapshot brought are found by search now.
        if (!this.stopped) {
          this.announcer.changed(['sync.changed', 'customers.changed']);
          this.announcer.flush();
        }
      });
  }

  /** Resolves once the search terms deferred by an initial sync are built. */
  async searchIndexed(): Promise<void> {
    while (this.indexing) await this.indexing;
  }

  private schedulePull(delayMs: number): void {
    this.timers.later(delayMs, async () => {
      await this.syncNow();
      if (!this.stopped) this.schedulePull(this.timing.pullEveryMs);
    });
  }

  /** Full jitter: a random wait up to the exponential cap; probes meanwhile catch a quick recovery. */
  private scheduleRetry(): void {
    const failuresNow = this.failures;
    this.timers.later(retryDelay(this.timing, failuresNow, this.options.random ?? Math.random), () =>
      this.failures === failuresNow ? this.syncNow() : Promise.resolve(),
    );
    this.probe(failuresNow);
  }

  private probe(failuresNow: number): void {
    this.timers.later(this.timing.probeMs, async () => {
      if (this.failures !== failuresNow || this.running) return;
      const ok = await this.http?.request('GET', '/sync/v1/health', { timeoutMs: 5_000 }).then(
        (a) => a.status === 200,
        () => false,
      );
      if (ok && this.failures === failuresNow) await this.syncNow();
      else if (this.failures === failuresNow) this.probe(failuresNow);
    });
  }
}
