/**
 * One print job at a time (docs/ELECTRON.md §2: jobs are queued serially). A second job while a dialog
 * is open, or two receipts in quick succession, wait their turn instead of fighting over the
 * spooler; a failed job never stops the ones behind it.
 */

export class PrintQueueFullError extends Error {
  constructor(readonly limit: number) {
    super(`${limit} print jobs are already waiting: wait for them to finish`);
    this.name = 'PrintQueueFullError';
  }
}

export type PrintQueue = {
  /** Runs `job` after every job queued before it has settled. */
  enqueue<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs queued or running. */
  readonly size: number;
};

export function createPrintQueue({ limit = 20 }: { limit?: number } = {}): PrintQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  return {
    enqueue<T>(job: () => Promise<T>): Promise<T> {
      if (size >= limit) return Promise.reject(new PrintQueueFullError(limit));
      size += 1;
      const run = tail.then(job);
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      tail = settled;
      void settled.then(() => {
        size -= 1;
      });
      return run;
    },
    get size() {
      return size;
    },
  };
}
