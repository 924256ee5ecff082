/**
 * Pushes take their turn in this process before they open a transaction. Every push holds the feed
 * lock (feed.ts `lockFeed`) from its start to its commit, so pushes run one at a time anyway; without
 * this queue the ones waiting for the lock wait inside PostgreSQL, each holding one of the pool's
 * connections, and a burst of pushes left the pulls (nine requests in ten, which take no lock) waiting
 * for a connection behind them: under the chain's load, pulls were as slow as pushes at the tail
 * (docs/architecture/console-pull-cost.md, "The tail"). Waiting here costs no connection.
 *
 * The feed lock stays: it is what orders server_seq with commits, and head office's other writers
 * (console, admin CLI, join review) take it without this queue. The queue is bounded: a push that
 * would wait behind `limit` others is answered 503 at once, which a PC retries with backoff, instead
 * of the queue growing without end while the database is slow; and a push stuck past
 * `PUSH_TURN_MS` lets the next one start.
 */
import { HqError } from './auth';

export type PushQueue = {
  /**
   * Runs `push` when the pushes queued before it have finished (whatever their outcome). When its
   * turn comes, a push whose PC has gone (`stillWanted` false: it timed out and will push the same
   * changes again) or that waited longer than a PC waits for an answer is not run: it is answered
   * 503 and costs the database nothing, so abandoned pushes cannot pile up work while it is slow.
   */
  run<T>(push: () => Promise<T>, stillWanted?: () => boolean): Promise<T>;
  /** Pushes running or waiting now. */
  readonly size: number;
};

export const PUSH_QUEUE_LIMIT = 200;
/**
 * A push that has not settled after this long (a connection silently gone, no reset) stops holding
 * the others back: the next one starts, and waits for the feed lock in PostgreSQL if the first still
 * holds it, as every push did before this queue.
 */
export const PUSH_TURN_MS = 30_000;
/** Under the counter's 30 s request timeout (db/sync/client.ts): a push that waited this long is answered 503 before its PC gives up. */
export const PUSH_WAIT_MS = 20_000;

export function createPushQueue(limit = PUSH_QUEUE_LIMIT, turnMs = PUSH_TURN_MS, waitMs = PUSH_WAIT_MS): PushQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  return {
    get size() {
      return size;
    },
    run<T>(push: () => Promise<T>, stillWanted: () => boolean = () => true): Promise<T> {
      if (size >= limit)
        return Promise.reject(new HqError(503, 'unavailable', `Head office has ${size} pushes waiting; retry later`));
      size += 1;
      const queuedAt = Date.now();
      const turn = tail.then(() => {
        if (!stillWanted())
          throw new HqError(503, 'unavailable', 'The PC stopped waiting for this push; it will push again');
        if (Date.now() - queuedAt > waitMs)
          throw new HqError(503, 'unavailable', 'Head office is busy with other pushes; retry later');
        return push();
      });
      const done = turn.finally(() => (size -= 1));
      let timer: NodeJS.Timeout | undefined;
      const overdue = new Promise<void>((resolve) => {
        // Started when this push's turn comes, so the time counts its own run only.
        void tail.then(() => (timer = setTimeout(resolve, turnMs).unref()));
      });
      tail = Promise.race([done.catch(() => {}), overdue]).finally(() => clearTimeout(timer));
      return done;
    },
  };
}

const queues = new WeakMap<object, PushQueue>();

/** The queue of the pushes to one database pool (one per `connectHq`). */
export function pushQueueOf(db: object): PushQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = createPushQueue()));
  return queue;
}
