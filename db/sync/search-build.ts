/**
 * Builds the counter-search terms an initial snapshot left in its backlog (the customers area
 * registers how: db/customers/sync-hooks.ts), in short transactions between the counter's calls,
 * sized so each takes about 20 ms, and yielding in between: the PC is usable while its search
 * index fills in.
 */
import type { Store } from '../open';
import { exclusive, yieldToCounter } from '../exclusive';
import type { SyncHooks } from './hooks';

const CHUNK_MS = 20;

export async function buildSearchBacklog(
  store: Store,
  hooks: SyncHooks,
  { onProgress, stopped }: { onProgress: (done: number, total: number) => void; stopped: () => boolean },
): Promise<number> {
  const total = await exclusive(store, () => hooks.searchBacklogSize(store.statements));
  let budget = 200;
  let done = 0;
  while (!stopped()) {
    const started = performance.now();
    const indexed = await exclusive(store, () => hooks.buildSearchBacklog(store.statements, budget));
    if (indexed === 0) break;
    // Aim at the time bound, commit included (writing the index pages is most of it): shrink after
    // a slow chunk, grow slowly after a quick one.
    const elapsed = performance.now() - started;
    budget =
      elapsed > CHUNK_MS
        ? Math.max(10, Math.floor((indexed * CHUNK_MS) / elapsed))
        : Math.min(5_000, Math.ceil(budget * 1.25));
    done += indexed;
    onProgress(done, Math.max(total, done));
    await yieldToCounter();
  }
  return done;
}
