/**
 * The device side of pull and snapshot (SYNC.md §2.4, §2.10). Pages are applied in short SQLite
 * transactions (≤ 500 records or ≤ 20 ms, never splitting an origin transaction), each writing the
 * cursor with its rows, yielding to the event loop between them so the counter never waits on
 * sync for long. A cut connection re-fetches at most the page it was in.
 * A new PC (no cursor) or a reset takes the snapshot first, resumable from its last applied key,
 * then pulls from the feed position read before the snapshot began.
 */
import type { Store } from '../open';
import { applyRecords, type ApplyOutcome } from './apply';
import { exclusive, exclusiveTx } from './exclusive';
import { useConnection } from './area-hooks';
import { runApplyHooks } from './hooks';
import { unackFrom } from './outbox';
import { PULL_MAX_BYTES, type FeedRecord, type PullResponse, type SnapshotResponse } from './protocol';
import { SyncStop, TransientError, errorOf, type SyncSession } from './session';
import { getNumber, getState, setState, type SyncKey } from './state';

const CHUNK_ROWS = 500;
const CHUNK_MS = 20;

export type PullContext = {
  store: Store;
  session: SyncSession;
  onServerTime: (iso: string, epoch: string) => void;
  serverTimeMs: () => number;
  onProgress?: (rows: number) => void;
  maxBytes?: number;
};

const yieldToCounter = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Applies records in short transactions; `progress(last)` names the sync_state writes to make with each. */
async function applyInChunks(ctx: PullContext, records: ReadonlyArray<FeedRecord>, progress: (last: FeedRecord) => Array<[SyncKey, string | number | null]>): Promise<void> {
  let index = 0;
  while (index < records.length) {
    await exclusiveTx(
      ctx.store,
      async (trx) => {
        const started = performance.now();
        const nowIso = new Date(ctx.store.now()).toISOString();
        let end = index;
        const touched: ApplyOutcome['touched'] = [];
        // Whole origin transactions only; stop once the chunk is big or slow enough.
        while (end < records.length && (end === index || (end - index < CHUNK_ROWS && performance.now() - started < CHUNK_MS))) {
          const tx = records[end]!.txId;
          let stop = end;
          while (stop < records.length && records[stop]!.txId === tx) stop += 1;
          touched.push(...applyRecords(ctx.store.sqlite, records.slice(end, stop), { hlc: ctx.store.hlc, serverTimeMs: ctx.serverTimeMs(), nowIso }).touched);
          end = stop;
        }
        useConnection(ctx.store.sqlite);
        await runApplyHooks(trx, touched);
        for (const [key, value] of progress(records[end - 1]!)) setState(ctx.store.sqlite, key, value);
        index = end;
      },
      { foreignKeys: false },
    );
    ctx.onProgress?.(index);
    await yieldToCounter();
  }
}

export async function pullAll(ctx: PullContext): Promise<{ pulled: number }> {
  let pulled = 0;
  for (let page = 0; page < 1_000_000; page += 1) {
    const cursor = await exclusive(ctx.store, () => getState(ctx.store.sqlite, 'pull_cursor'));
    if (cursor === null) {
      pulled += await snapshot(ctx);
      continue;
    }
    const query = new URLSearchParams({ replicaId: ctx.store.replicaId, cursor, maxBytes: String(ctx.maxBytes ?? PULL_MAX_BYTES) });
    const answer = await ctx.session.call('GET', `/sync/v1/pull?${query}`);
    if (answer.status !== 200) throw new TransientError(`Pull refused (${answer.status}): ${errorOf(answer).message}`);
    const body = answer.body as PullResponse;
    const knownEpoch = await exclusive(ctx.store, () => getState(ctx.store.sqlite, 'server_epoch'));
    ctx.onServerTime(body.serverTime, body.serverEpoch);
    if (knownEpoch !== null && knownEpoch !== body.serverEpoch) await serverRestored(ctx, body);
    if (body.reset) {
      // Replacement sync: local rows and unpushed changes stay; the snapshot brings head office's state.
      await exclusive(ctx.store, () => {
        setState(ctx.store.sqlite, 'pull_cursor', null);
        setState(ctx.store.sqlite, 'snapshot_after', null);
        setState(ctx.store.sqlite, 'snapshot_cursor', null);
      });
      continue;
    }
    await applyInChunks(ctx, body.changes, (last) => [['pull_cursor', last.serverSeq === body.changes.at(-1)!.serverSeq ? body.nextCursor : `${body.serverEpoch}:${last.serverSeq}`]]);
    if (body.changes.length === 0) await exclusive(ctx.store, () => setState(ctx.store.sqlite, 'pull_cursor', body.nextCursor));
    pulled += body.changes.length;
    if (!body.hasMore) return { pulled };
  }
  throw new Error('pull did not finish');
}

/** Head office came back from a backup (new epoch): what it lost of ours is pushed again (F17). */
async function serverRestored(ctx: PullContext, body: PullResponse): Promise<void> {
  await exclusive(ctx.store, () => {
    const base = getNumber(ctx.store.sqlite, 'seq_base');
    if (body.lastAppliedSeq + base < getNumber(ctx.store.sqlite, 'last_acked_seq')) {
      try {
        unackFrom(ctx.store.sqlite, body.lastAppliedSeq);
      } catch (error) {
        throw new SyncStop('history_lost', error instanceof Error ? error.message : String(error));
      }
    }
    setState(ctx.store.sqlite, 'server_epoch', body.serverEpoch);
  });
}

async function snapshot(ctx: PullContext): Promise<number> {
  let applied = 0;
  for (;;) {
    const after = await exclusive(ctx.store, () => getState(ctx.store.sqlite, 'snapshot_after'));
    const query = new URLSearchParams({ maxBytes: String(ctx.maxBytes ?? PULL_MAX_BYTES), ...(after ? { after } : {}) });
    const answer = await ctx.session.call('GET', `/sync/v1/snapshot?${query}`);
    if (answer.status !== 200) throw new TransientError(`Snapshot refused (${answer.status}): ${errorOf(answer).message}`);
    const body = answer.body as SnapshotResponse;
    ctx.onServerTime(body.serverTime, body.serverEpoch);
    await exclusive(ctx.store, () => {
      // The feed position to pull from afterwards is the one read before the first page.
      if (getState(ctx.store.sqlite, 'snapshot_cursor') === null) setState(ctx.store.sqlite, 'snapshot_cursor', body.cursor);
      setState(ctx.store.sqlite, 'server_epoch', body.serverEpoch);
    });
    await applyInChunks(ctx, body.records, (last) => [['snapshot_after', `${last.entity}\u0001${last.entityId}`]]);
    applied += body.records.length;
    if (body.nextAfter === null) {
      await exclusive(ctx.store, () => {
        const start = getState(ctx.store.sqlite, 'snapshot_cursor');
        setState(ctx.store.sqlite, 'pull_cursor', start ?? body.cursor);
        setState(ctx.store.sqlite, 'snapshot_cursor', null);
        setState(ctx.store.sqlite, 'snapshot_after', null);
      });
      return applied;
    }
  }
}
