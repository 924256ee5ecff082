/**
 * The engine's timers (docs/SYNC.md §2.10): the pull timer, retries after a transient failure with
 * exponential backoff and full jitter, and the health probe between them. Each engine has its
 * own; stopping it clears every timer it set.
 */
import type { Logger } from '../desk-types';

export type SyncTiming = {
  pushDebounceMs: number;
  pullEveryMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  probeMs: number;
};

export const DEFAULT_TIMING: SyncTiming = {
  pushDebounceMs: 2_000,
  pullEveryMs: 30_000,
  backoffMinMs: 2_000,
  backoffMaxMs: 300_000,
  probeMs: 5_000,
};

/** Full jitter: a random wait up to the exponential cap, never below a quarter of the minimum. */
export function retryDelay(timing: SyncTiming, failures: number, random: () => number): number {
  const cap = Math.min(timing.backoffMaxMs, timing.backoffMinMs * 2 ** Math.min(failures - 1, 20));
  return Math.max(timing.backoffMinMs / 4, random() * cap);
}

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly logger: Logger) {}

  /** Runs `task` after `delayMs` (not keeping the process alive); its failure is logged. */
  later(delayMs: number, task: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      task().catch((error: unknown) =>
        this.logger.error('sync task failed', { error: error instanceof Error ? error.stack : String(error) }),
      );
    }, delayMs);
    timer.unref();
    this.pending.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
