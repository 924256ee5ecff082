/**
 * Graceful shutdown on SIGTERM (systemd stop, `docker stop`) or SIGINT (Ctrl-C): stop accepting
 * connections, let the requests in flight finish — a push is one database transaction, so letting
 * it end is cleaner than rolling it back — but only for a bounded time, after which their
 * connections are cut (the device retries its push: it is idempotent, docs/SYNC.md §2.4); then
 * close the database pool (also bounded) and exit 0. A second signal while this runs exits at once with 1.
 */

export type Closable = {
  /** Stops listening and resolves once the requests in flight are answered (Fastify's `close`). */
  close(): Promise<void>;
  /** Cuts every connection still open, answered or not (node:http's `closeAllConnections`). */
  closeAllConnections(): void;
};

export type ShutdownSteps = {
  server: Closable;
  /** After the server: the database pool, then an embedded PostgreSQL if head office started one. */
  release: ReadonlyArray<() => Promise<void>>;
  boundMs: number;
  log: {
    info(message: string, details?: Record<string, unknown>): void;
    warn(message: string, details?: Record<string, unknown>): void;
  };
};

/** Runs the steps; resolves `true` when requests finished within the bound, `false` when some were cut. */
export async function shutDown({ server, release, boundMs, log }: ShutdownSteps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  let cut = false;
  const closed = server.close();
  await Promise.race([
    closed,
    new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        cut = true;
        log.warn('requests still in flight at the shutdown bound; closing their connections', { boundMs });
        server.closeAllConnections();
        resolve();
      }, boundMs);
    }),
  ]);
  clearTimeout(timer);
  // After closeAllConnections the server's close completes on its own; wait for it briefly only.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  // A query still running holds its pool client; the pool's end waits for it, within the bound too.
  for (const step of release)
    await Promise.race([step(), new Promise((resolve) => setTimeout(resolve, boundMs).unref())]);
  return !cut;
}

/** Installs the signal handlers; `exit` is process.exit outside tests. */
export function exitOnSignals(steps: ShutdownSteps, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      steps.log.warn('second signal during shutdown; exiting now', { signal });
      exit(1);
      return;
    }
    stopping = true;
    steps.log.info('shutting down', { signal, boundMs: steps.boundMs });
    shutDown(steps).then(
      (finished) => {
        steps.log.info(finished ? 'stopped' : 'stopped (connections cut at the bound)');
        exit(0);
      },
      (error: unknown) => {
        steps.log.warn('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
