/** Print jobs run one at a time, in order, and a failure does not stop the queue. */
import { describe, expect, test } from 'vitest';
import { createPrintQueue, PrintQueueFullError } from '../../electron/print/print-queue';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the print queue', () => {
  test('a second job starts only after the first has finished', async () => {
    const queue = createPrintQueue();
    const log: string[] = [];
    const first = deferred<string>();
    const a = queue.enqueue(async () => {
      log.push('a starts');
      const value = await first.promise;
      log.push('a ends');
      return value;
    });
    const b = queue.enqueue(async () => {
      log.push('b starts');
      return 'b';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a starts']);
    expect(queue.size).toBe(2);
    first.resolve('a');
    expect(await a).toBe('a');
    expect(await b).toBe('b');
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
  });

  test('a failed job rejects for its caller and the next job still runs', async () => {
    const queue = createPrintQueue();
    const failing = queue.enqueue(async () => {
      throw new Error('paper jam');
    });
    const next = queue.enqueue(async () => 'printed');
    await expect(failing).rejects.toThrow('paper jam');
    expect(await next).toBe('printed');
  });

  test('beyond the limit a job is refused at once, not queued for ever', async () => {
    const queue = createPrintQueue({ limit: 2 });
    const hold = deferred<void>();
    const one = queue.enqueue(() => hold.promise);
    const two = queue.enqueue(async () => undefined);
    await expect(queue.enqueue(async () => undefined)).rejects.toBeInstanceOf(PrintQueueFullError);
    hold.resolve();
    await one;
    await two;
    await Promise.resolve();
    expect(queue.size).toBe(0);
    await expect(queue.enqueue(async () => 'again')).resolves.toBe('again');
  });
});
