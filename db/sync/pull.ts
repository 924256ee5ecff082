/**
 * The device side of pull and snapshot (docs/SYNC.md §2.4, §2.10). Pages are applied in short SQLite
 * transactions (≤ 2,000 records and about 10 ms, commit included, never splitting an origin transaction), each writing the
 * cursor with its rows, yielding to the event loop between them so the counter never waits on
 * sync for long. A cut connection re-fetches at most the page it was in.
 * A new PC (no cursor) or a reset takes the snapshot first, resumable from its last applied key,
 * then pulls from the feed position read before the snapshot began.
 */
import type { Store } from '../open';
import { deskNowIso, saveClockMark } from '../clock';
import { applyRecords, type ApplyOutcome } from './apply';
import { prefetchLocal } from './local-state';
import { watchKeptAside } from './row-writes';
import { exclusive, exclusiveTx, yieldToCounter } from '../exclusive';
import type { EntityRules } from './entity-rules';
import { syncWork, type SyncHooks } from './hooks';
import type { ApplyPhase } from './registration';
import type { TableInfoCache } from './table-info';
import { unackFrom } from './outbox';
import {
  formatCursor,
  PULL_MAX_BYTES,
  snapshotPosition,
  type FeedRecord,
  type PullResponse,
  type SnapshotResponse,
} from './protocol';
import { SyncStop, TransientError, errorOf, type SyncSession } from './session';
import { continueAsNewReplica, countTakenBack, highestLocalSeq, isOlderCopy } from './restored-copy';
import { getNumber, getState, setState, type SyncKey } from './state';

/** Where a chunk's row budget starts, and how far it may grow when records are cheap. */
export const CHUNK_ROWS = 500;
const MAX_CHUNK_ROWS = 2_000;
/**
 * A chunk's time budget. With 20 ms the event loop's p99 during a 250k-row initial sync was 53–63 ms
 * here (garbage collection adds to the longest chunks), with 15 ms 48–53 ms, with 10 ms about 40 ms
 * at no measurable cost in speed (each chunk still writes hundreds of rows).
 */
const CHUNK_MS = 10;
/**
 * Snapshot pages are the size of pull pages, well under head office's cap of 4 × PULL_MAX_BYTES:
 * parsing a page is one uninterruptible step on the counter's event loop (about 10 ms per MB), and
 * a page held while the next is fetched survives into the garbage collector's slow copies; with
 * 2 MB pages the event-loop delay during an initial sync was 70–85 ms at p99, with 512 KB about 50.
 */
const SNAPSHOT_MAX_BYTES = PULL_MAX_BYTES;

export type PullContext = {
  store: Store;
  rules: EntityRules;
  hooks: SyncHooks;
  /** The engine's table shapes for this store (apply.ts). */
  tables: TableInfoCache;
  /** Records per chunk that last fitted the time bound on this store's PC (kept by the engine). */
  pace: { chunkRows: number };
  session: SyncSession;
  onServerTime: (iso: string, epoch: string) => void;
  serverTimeMs: () => number;
  onProgress?: (rows: number) => void;
  maxBytes?: number;
  /** This database turned out to be an older copy and continues as a new replica (the clock's node follows it). */
  onReplicaChanged?: () => void;
  /**
   * A chunk committed: the entities of the records it wrote, and how many it kept aside. Called
   * after the commit, never inside the transaction, so a page that reads again sees the rows.
   */
  onCommitted?: (entities: ReadonlySet<string>, keptAside: number) => void;
};

/**
 * The next page, asked for while this one is applied (head office answers while the PC writes).
 * It is used only if the position it was asked from is where applying left off; otherwise (a reset,
 * an error) it is dropped and the page is asked for again.
 */
type Ahead = { from: string; answer: Promise<Awaited<ReturnType<SyncSession['call']>>> };

function askAhead(ctx: PullContext, from: string, path: string): Ahead {
  const answer = ctx.session.call('GET', path);
  answer.catch(() => undefined); // an unused page's failure is nobody's business
  return { from, answer };
}

function takeAhead(ahead: Ahead | null, from: string | null, path: string, ctx: PullContext) {
  return ahead !== null && ahead.from === from ? ahead.answer : ctx.session.call('GET', path);
}

/** Applies records in short transactions; `progress(last)` names the sync_state writes to make with each. */
async function applyInChunks(
  ctx: PullContext,
  records: ReadonlyArray<FeedRecord>,
  progress: (last: FeedRecord) => Array<[SyncKey, string | number | null]>,
  phase: ApplyPhase,
  onApplied?: (applied: number) => void,
): Promise<void> {
  let index = 0;
  while (index < records.length) {
    // Derived data (search terms, ticket folds) is rebuilt after the records, so the row budget
    // adapts to what the whole chunk cost last time: the time bound holds with the hooks included.
    const rowBudget = ctx.pace.chunkRows;
    const started = performance.now();
    const { end, entities, keptAside } = await exclusiveTx(
      ctx.store,
      async (trx) => {
        const nowIso = deskNowIso(ctx.store.hlc);
        let end = index;
        const touched: ApplyOutcome['touched'] = [];
        let applied = 0;
        let keptAside = 0;
        const watch = watchKeptAside(ctx.store.statements);
        // The local state of the records this chunk will most likely take, read in one go.
        const prefetched = prefetchLocal(ctx.store.statements, records.slice(index, index + rowBudget), ctx);
        // Whole origin transactions only; stop once the chunk is big or slow enough.
        while (
          end < records.length &&
          (end === index || (end - index < rowBudget && performance.now() - started < CHUNK_MS))
        ) {
          const tx = records[end]!.txId;
          let stop = end;
          while (stop < records.length && records[stop]!.txId === tx) stop += 1;
          const outcome = applyRecords(
            ctx.store.statements,
            records.slice(end, stop),
            {
              rules: ctx.rules,
              tables: ctx.tables,
              hlc: ctx.store.hlc,
              serverTimeMs: ctx.serverTimeMs(),
              nowIso,
              watch,
            },
            prefetched,
          );
          touched.push(...outcome.touched);
          applied += outcome.applied;
          keptAside += outcome.keptAside;
          end = stop;
        }
        await ctx.hooks.runApplyHooks(syncWork(ctx.store, trx), touched, phase);
        for (const [key, value] of progress(records[end - 1]!)) setState(ctx.store.statements, key, value);
        onApplied?.(applied);
        // Stamps merged from head office raised the clock: the mark commits with the rows that carried them.
        saveClockMark(ctx.store.statements, ctx.store.hlc);
        return { end, entities: new Set(touched.map((t) => t.entity)), keptAside };
      },
      { foreignKeys: false },
    );
    if (entities.size > 0 || keptAside > 0) ctx.onCommitted?.(entities, keptAside);
    // The commit counts too: writing the pages is a good part of a chunk's cost.
    const elapsed = performance.now() - started;
    const rows = end - index;
    if (elapsed > CHUNK_MS) ctx.pace.chunkRows = Math.max(1, Math.floor((rows * CHUNK_MS) / elapsed));
    else if (rows >= rowBudget) ctx.pace.chunkRows = Math.min(MAX_CHUNK_ROWS, Math.ceil(rowBudget * 1.25));
    index = end;
    ctx.onProgress?.(index);
    await yieldToCounter();
  }
}

export async function pullAll(ctx: PullContext): Promise<{ pulled: number }> {
  let pulled = 0;
  let ahead: Ahead | null = null;
  const pathFrom = (cursor: string) =>
    `/sync/v1/pull?${new URLSearchParams({ replicaId: ctx.store.replicaId, cursor, maxBytes: String(ctx.maxBytes ?? PULL_MAX_BYTES) })}`;
  for (let page = 0; page < 1_000_000; page += 1) {
    const cursor = await exclusive(ctx.store, () => getState(ctx.store.statements, 'pull_cursor'));
    if (cursor === null) {
      ahead = null;
      pulled += await snapshot(ctx);
      continue;
    }
    const answer = await takeAhead(ahead, cursor, pathFrom(cursor), ctx);
    ahead = null;
    if (answer.status !== 200) throw new TransientError(`Pull refused (${answer.status}): ${errorOf(answer).message}`);
    const body = answer.body as PullResponse;
    const knownEpoch = await exclusive(ctx.store, () => getState(ctx.store.statements, 'server_epoch'));
    ctx.onServerTime(body.serverTime, body.serverEpoch);
    if (knownEpoch !== null && knownEpoch !== body.serverEpoch) await serverRestored(ctx, body);
    // Before anything is applied: this page left out, as echoes, rows this file never made.
    if (await exclusive(ctx.store, () => restoredFromCopy(ctx, body))) continue;
    if (body.reset) {
      // Replacement sync: local rows and unpushed changes stay; the snapshot brings head office's state.
      await exclusive(ctx.store, () => {
        setState(ctx.store.statements, 'pull_cursor', null);
        setState(ctx.store.statements, 'snapshot_after', null);
        setState(ctx.store.statements, 'snapshot_cursor', null);
      });
      continue;
    }
    if (body.hasMore && body.changes.length > 0) ahead = askAhead(ctx, body.nextCursor, pathFrom(body.nextCursor));
    await applyInChunks(
      ctx,
      body.changes,
      (last) => [
        [
          'pull_cursor',
          last.serverSeq === body.changes.at(-1)!.serverSeq
            ? body.nextCursor
            : formatCursor(body.serverEpoch, last.serverSeq),
        ],
      ],
      { snapshot: false },
    );
    if (body.changes.length === 0)
      await exclusive(ctx.store, () => setState(ctx.store.statements, 'pull_cursor', body.nextCursor));
    pulled += body.changes.length;
    if (!body.hasMore) return { pulled };
  }
  throw new Error('pull did not finish');
}

/**
 * Head office has applied more changes of this replica than this database ever made: it is an
 * older copy of itself (restored from a backup of the data folder). It continues as a new replica
 * and takes back head office's records (restored-copy.ts).
 */
function restoredFromCopy(ctx: PullContext, body: PullResponse): boolean {
  const { sqlite, statements } = ctx.store;
  if (!isOlderCopy(statements, body.lastAppliedSeq)) return false;
  sqlite.transaction(() =>
    continueAsNewReplica(ctx.store, highestLocalSeq(statements) - getNumber(statements, 'seq_base')),
  )();
  ctx.onReplicaChanged?.();
  return true;
}

/** Head office came back from a backup (new epoch): what it lost of ours is pushed again (F17). */
async function serverRestored(ctx: PullContext, body: PullResponse): Promise<void> {
  await exclusive(ctx.store, () => {
    const base = getNumber(ctx.store.statements, 'seq_base');
    if (body.lastAppliedSeq + base < getNumber(ctx.store.statements, 'last_acked_seq')) {
      try {
        unackFrom(ctx.store.statements, body.lastAppliedSeq);
      } catch (error) {
        throw new SyncStop('history_lost', error instanceof Error ? error.message : String(error));
      }
    }
    setState(ctx.store.statements, 'server_epoch', body.serverEpoch);
  });
}

async function snapshot(ctx: PullContext): Promise<number> {
  let applied = 0;
  let ahead: Ahead | null = null;
  // Snapshot pages are the biggest head office gives (fewer round trips for the largest transfer).
  const pathFrom = (after: string | null) =>
    `/sync/v1/snapshot?${new URLSearchParams({ maxBytes: String(ctx.maxBytes ?? SNAPSHOT_MAX_BYTES), ...(after ? { after } : {}) })}`;
  for (;;) {
    const after = await exclusive(ctx.store, () => getState(ctx.store.statements, 'snapshot_after'));
    const answer = await takeAhead(ahead, after, pathFrom(after), ctx);
    ahead = null;
    if (answer.status !== 200)
      throw new TransientError(`Snapshot refused (${answer.status}): ${errorOf(answer).message}`);
    const body = answer.body as SnapshotResponse;
    ctx.onServerTime(body.serverTime, body.serverEpoch);
    await exclusive(ctx.store, () => {
      // The feed position to pull from afterwards is the one read before the first page.
      if (getState(ctx.store.statements, 'snapshot_cursor') === null)
        setState(ctx.store.statements, 'snapshot_cursor', body.cursor);
      setState(ctx.store.statements, 'server_epoch', body.serverEpoch);
    });
    if (body.nextAfter !== null) ahead = askAhead(ctx, body.nextAfter, pathFrom(body.nextAfter));
    await applyInChunks(
      ctx,
      body.records,
      (last) => [['snapshot_after', snapshotPosition(last.entity, last.entityId)]],
      { snapshot: true },
      (applied) => countTakenBack(ctx.store.statements, applied),
    );
    applied += body.records.length;
    if (body.nextAfter === null) {
      // Derived data the areas left for the end (each ticket folded once), in short transactions.
      const settleChunk = () =>
        exclusiveTx(ctx.store, (trx) => ctx.hooks.settleSnapshotChunk(syncWork(ctx.store, trx)), {
          foreignKeys: false,
        });
      while (await settleChunk()) await yieldToCounter();
      await exclusive(ctx.store, () => {
        const start = getState(ctx.store.statements, 'snapshot_cursor');
        setState(ctx.store.statements, 'pull_cursor', start ?? body.cursor);
        setState(ctx.store.statements, 'snapshot_cursor', null);
        setState(ctx.store.statements, 'snapshot_after', null);
      });
      return applied;
    }
  }
}
