/**
 * What the status bar and the sync page show (status.ts), read from the store's sync_state and
 * what the running engine knows right now (syncing, retrying, progress, the learned clock offset).
 */
import type { Store } from '../open';
import type { CredentialStore, DeviceCredentials } from './credentials';
import type { SyncHooks } from './hooks';
import { keptAsideCount } from './kept-aside';
import { pendingCount, rejectedCount } from './outbox';
import { restoredCopyOf } from './restored-copy';
import type { SyncFailure } from './session';
import { getNumber, getState } from './state';
import { CLOCK_WARNING_MS, type EnrollFailure, type SyncStatus } from './status';

export type Progress = NonNullable<SyncStatus['progress']>;

/** The engine's side of the status; `state` as the engine sees it (a revocation overrides it). */
export type LiveStatus = {
  credentials: DeviceCredentials | null;
  state: 'enrolling' | 'not_enrolled' | 'syncing' | 'retrying' | 'idle';
  enrollError: EnrollFailure | null;
  /** The offset learned from head office in this process, or null (then the saved one is shown). */
  learnedOffsetMs: number | null;
  progress: Progress | null;
  indexProgress: { rows: number; total: number } | null;
};

/** The stored code of the last failure; an unreadable one is no code (the message still shows). */
function parseFailure(text: string | null): SyncFailure | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as SyncFailure;
    return typeof value.code === 'string' ? { code: value.code, params: value.params ?? {} } : null;
  } catch {
    return null;
  }
}

export function readStatus(
  store: Store,
  hooks: SyncHooks,
  credentialStore: CredentialStore,
  live: LiveStatus,
): SyncStatus {
  const { statements } = store;
  const { credentials, indexProgress } = live;
  const revoked = getState(statements, 'revoked');
  const lastError = getState(statements, 'last_error');
  const lastSyncAt = getState(statements, 'last_sync_at');
  // Until head office answers again, the offset saved at the last sync is the one to warn about.
  const shownOffset = live.learnedOffsetMs ?? getNumber(statements, 'clock_offset_ms');
  return {
    enrolled: credentials !== null,
    serverUrl: credentials?.serverUrl ?? getState(statements, 'server_url'),
    storeCode: getState(statements, 'store_code'),
    deviceId: credentials?.deviceId ?? null,
    state: live.state === 'enrolling' ? 'enrolling' : revoked ? 'stopped' : live.state,
    stopReason: revoked,
    enrollError: live.enrollError,
    lastSyncAt,
    lastError,
    lastFailure: lastError === null ? null : parseFailure(getState(statements, 'last_error_code')),
    pending: pendingCount(statements),
    rejected: rejectedCount(statements),
    keptAside: keptAsideCount(statements),
    restoredCopy: restoredCopyOf(statements),
    clockOffsetMs: shownOffset,
    clockWarning: Math.abs(shownOffset) > CLOCK_WARNING_MS,
    progress: live.progress ?? (indexProgress && { phase: 'index', ...indexProgress }),
    searchBacklog: indexProgress ? indexProgress.total - indexProgress.rows : hooks.searchBacklogSize(store.statements),
    firstSync: credentials !== null && !revoked && lastSyncAt === null,
    // Synced before, and no feed position: a replacement snapshot is under way (pull.ts).
    resyncing: credentials !== null && !revoked && lastSyncAt !== null && getState(statements, 'pull_cursor') === null,
    credentialsWhere: credentials ? credentialStore.description : null,
    credentialsKept: credentials ? credentialStore.protection : null,
  };
}
