/**
 * The sync area's desk methods (`syncMethods` at the end) and their handlers. Network work is
 * handed to the engine, never done in the transaction.
 */
import { DeskFailure, type Handler, areaMethods, method } from '../handler';
import { pendingCount, rejectedCount } from './outbox';
import { keptAsideCount, listKeptAside } from './kept-aside';
import { restoredCopyOf } from './restored-copy';
import { getState } from './state';
import type { SyncStatus } from './status';
import { noInput } from '../fields';
import { type SyncProblem, type KeptAsideRecord, syncEnrollSchema, syncNowSchema } from './contract';

export const syncStatus: Handler<typeof noInput, SyncStatus> = async (ctx) => {
  const { store, sync } = ctx.services;
  const { engine } = sync;
  if (engine) return engine.status();
  // No engine (a tool opened the file): what the database alone tells.
  const status: SyncStatus = {
    enrolled: getState(store.statements, 'device_id') !== null,
    serverUrl: getState(store.statements, 'server_url'),
    storeCode: getState(store.statements, 'store_code'),
    deviceId: getState(store.statements, 'device_id'),
    state: 'not_enrolled',
    stopReason: getState(store.statements, 'revoked'),
    enrollError: null,
    lastSyncAt: getState(store.statements, 'last_sync_at'),
    lastError: getState(store.statements, 'last_error'),
    lastFailure: null,
    pending: pendingCount(store.statements),
    rejected: rejectedCount(store.statements),
    keptAside: keptAsideCount(store.statements),
    restoredCopy: restoredCopyOf(store.statements),
    clockOffsetMs: Number(getState(store.statements, 'clock_offset_ms') ?? 0),
    clockWarning: false,
    progress: null,
    searchBacklog: sync.hooks.searchBacklogSize(store.statements),
    // Without an engine nothing is arriving: nothing to wait for.
    firstSync: false,
    resyncing: false,
    credentialsWhere: null,
    credentialsKept: null,
  };
  return status;
};

export const syncProblems: Handler<typeof noInput, ReadonlyArray<SyncProblem>> = async (ctx) => {
  const rows = await ctx.trx
    .selectFrom('syncRejected')
    .select(['seq', 'entity', 'entityId', 'op', 'code', 'fields', 'createdAt', 'rejectedAt', 'staffId'])
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => (r.staffId === null ? [] : [r.staffId])))];
  const names = await ctx.services.sync.facts.staffNames(ctx.trx, ids);
  return rows.map(({ staffId, ...r }) => ({
    ...r,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    staffName: staffId === null ? null : (names.get(staffId) ?? null),
  }));
};

export const syncKeptAside: Handler<typeof noInput, ReadonlyArray<KeptAsideRecord>> = async (ctx) =>
  listKeptAside(ctx.services.store.statements, ctx.services.sync.rules);

export const syncRetryKeptAside: Handler<typeof noInput, { started: boolean }> = async (ctx) => {
  const { engine } = ctx.services.sync;
  if (!engine) return { started: false };
  // After the reply: the replay takes the connection in short transactions of its own.
  setImmediate(() => void engine.retryKeptAside().catch(() => undefined));
  return { started: true };
};

export const syncEnroll: Handler<typeof syncEnrollSchema, { started: true }> = async (ctx, input) => {
  const { engine } = ctx.services.sync;
  if (!engine) throw new DeskFailure('unavailable', 'sync_not_running');
  if (engine.status().enrolled && !engine.status().stopReason)
    throw new DeskFailure('conflict', 'sync_already_enrolled');
  const counter = await ctx.services.sync.facts.counter(ctx.trx);
  if (!counter) throw new DeskFailure('setup_needed', 'setup_needed');
  // Not awaited: the dispatcher's transaction must not wait on the network.
  void engine.enroll({
    serverUrl: input.serverUrl,
    code: input.code,
    caCert: input.caCert || null,
    deviceName: `${counter.storeCode} counter ${counter.counterNo}`,
  });
  return { started: true };
};

export const syncNow: Handler<typeof syncNowSchema, { started: boolean }> = async (ctx, input) => {
  const { engine } = ctx.services.sync;
  if (!engine) return { started: false };
  // After the reply: the handler's transaction holds the connection the sync needs.
  setImmediate(() => (input.online ? engine.online() : void engine.syncNow()));
  return { started: true };
};

/** Sync with head office: status, problems, enrolment, sync now. */
// prettier-ignore
export const syncMethods = areaMethods('sync', {
  /** Last sync, pending and rejected counts, clock warning, progress during a big sync. */
  'sync.status': method(noInput, { access: 'signedIn', mutates: false }, syncStatus),
  /** Changes head office refused, newest first, with the reason code. */
  'sync.problems': method(noInput, { access: 'signedIn', mutates: false }, syncProblems),
  /** Pulled records kept aside on this PC, oldest first, with why. */
  'sync.keptAside': method(noInput, { access: 'signedIn', mutates: false }, syncKeptAside),
  /** Try the kept-aside records again (after the clash that kept them is solved); never waits for it. */
  'sync.retryKeptAside': method(noInput, { access: 'signedIn', mutates: false }, syncRetryKeptAside),
  /** Enroll this PC with head office (runs in the background; sync.status shows the outcome). */
  'sync.enroll': method(syncEnrollSchema, { access: 'store.manage', mutates: true }, syncEnroll),
  /** Sync now (a button, or the network coming back): never waits for the sync itself. */
  'sync.now': method(syncNowSchema, { access: 'signedIn', mutates: false }, syncNow),
});
