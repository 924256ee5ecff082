/**
 * Asks for what is typed as each key arrives, with at most one question on its way. A key typed
 * while an answer is awaited replaces whatever was waiting to be asked, so a fast typist costs one
 * question per answer rather than one per key, and the last query is asked as soon as the one
 * before it is answered. Only the answer to the latest query is shown: an answer to a query typed
 * over meanwhile is dropped, so an older answer never replaces a newer one on screen.
 */

export type LatestOnly<Q> = {
  /** `query` is now what is typed; `again` asks even if it is the query already answered (data changed). */
  ask(query: Q, again?: boolean): void;
  /** The box was emptied: nothing awaited is shown, and the next query is asked even if it was answered before. */
  clear(): void;
  /** Nothing more is shown or asked (the box is gone). */
  stop(): void;
};

export function latestOnly<Q, A>(
  call: (query: Q) => Promise<A>,
  show: (query: Q, answer: A) => void,
  keyOf: (query: Q) => string = (query) => JSON.stringify(query),
): LatestOnly<Q> {
  let latest: string | null = null;
  let answered: string | null = null;
  let asking: string | null = null;
  let waiting: Q | null = null;
  let stopped = false;

  const send = (query: Q): void => {
    const key = keyOf(query);
    asking = key;
    const settle = (answer: A | undefined, ok: boolean): void => {
      asking = null;
      if (stopped) return;
      if (ok && key === latest) {
        answered = key;
        show(query, answer as A);
      }
      const next = waiting;
      waiting = null;
      if (next !== null && keyOf(next) === latest) send(next);
    };
    call(query).then(
      (answer) => settle(answer, true),
      () => settle(undefined, false),
    );
  };

  return {
    ask(query, again = false) {
      if (stopped) return;
      const key = keyOf(query);
      latest = key;
      if (asking === null) {
        if (key !== answered || again) send(query);
        return;
      }
      // Already on its way and nothing changed since it was sent: its answer will do.
      if (asking === key && !again) waiting = null;
      else waiting = query;
    },
    clear() {
      latest = null;
      answered = null;
      waiting = null;
    },
    stop() {
      stopped = true;
      waiting = null;
    },
  };
}
