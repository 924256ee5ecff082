/**
 * Running the store below the shell's priority (`StoreInit.lowerPriority`, off by default): the
 * shell's thread would get a core as soon as it wakes instead of waiting for a sync chunk's time
 * slice. Measured on a loaded machine it cost more than it gave: searches (served by the store)
 * slowed and a 250k-row initial sync did not finish in 10 minutes beside other work
 * (docs/architecture/store-watchdog.md). The benchmark keeps it as a peer (`--peer low-priority`).
 *
 * `os.setPriority(0, …)` sets the nice value of the calling *thread* on Linux, but of the whole
 * process on Windows and macOS; a worker thread (the browser host) lowers itself only on Linux, so
 * the shell sharing its process is never slowed down with it.
 */
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** A nice value: 10 on POSIX; on Windows it maps to "below normal". */
export const STORE_NICENESS = 10;

/** Lowers this store's priority where that leaves the shell alone; says what it did. */
export function lowerStorePriority(
  platform: NodeJS.Platform = process.platform,
  ownProcess: boolean = isMainThread,
  set: (niceness: number) => void = (niceness) => setPriority(0, niceness),
): 'lowered' | 'unchanged' | { failed: string } {
  if (!ownProcess && platform !== 'linux') return 'unchanged';
  try {
    set(STORE_NICENESS);
    return 'lowered';
  } catch (error) {
    // E.g. a sandbox that refuses it: the store still works at the shell's priority.
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
