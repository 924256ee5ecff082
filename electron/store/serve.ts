/**
 * The store process's side (docs/architecture/store-process.md): opens the desk on the first
 * message, starts sync beside it, answers calls, pushes events, and closes everything on `close`.
 * The port is whatever carries messages to the shell (electron/store/entry.ts picks it), so this
 * module is the same in a worker thread, a forked Node process and Electron's utilityProcess.
 */
import { openDesk } from '../../db/desk';
import type { ClientState, Desk, Logger } from '../../db/desk-types';
import type { ClosableLogger } from '../../db/log';
import { fileCredentialStore, type CredentialStore } from '../../db/sync/credentials';
import { startDeskSync } from '../../db/sync/start';
import { lowerStorePriority } from './priority';
import { jsonChars, STORE_ERRORS, STORE_LIMITS, type FromStore, type StoreInit, type ToStore } from './protocol';

export type StorePort = {
  post(message: FromStore): void;
  onMessage(listener: (message: ToStore) => void): void;
  /** Ends the store process (a worker thread: only the thread). */
  exit(code: number): void;
};

/** Credentials the shell keeps: the store process works on a copy and reports each change. */
function shellCredentials(
  init: Extract<StoreInit['credentials'], { kind: 'shell' }>,
  port: StorePort,
): CredentialStore {
  let saved = init.saved;
  return {
    description: init.description,
    protection: init.protection,
    load: () => saved,
    save(credentials) {
      saved = credentials;
      port.post({ type: 'credentials-saved', credentials });
    },
    clear() {
      saved = null;
      port.post({ type: 'credentials-cleared' });
    },
  };
}

function credentialStore(init: StoreInit, port: StorePort): CredentialStore | null {
  if (!init.credentials) return null;
  return init.credentials.kind === 'file'
    ? fileCredentialStore(init.credentials.file)
    : shellCredentials(init.credentials, port);
}

/**
 * `loggerFor(undefined)` logs until the shell's `init` names the log folder; then the store logs
 * to its own file there too (closed with the store).
 */
export function serveStore(port: StorePort, loggerFor: (logDir: string | undefined) => ClosableLogger): void {
  let current = loggerFor(undefined);
  const logger: Logger = {
    info: (message, details) => current.info(message, details),
    warn: (message, details) => current.warn(message, details),
    error: (message, details) => current.error(message, details),
  };
  let desk: Desk | null = null;
  let stopSync: (() => Promise<void>) | null = null;
  let closing: Promise<void> | null = null;
  // Calls that arrive while the desk opens wait for it (the shell sends none before `ready`).
  let opened: Promise<void> | null = null;

  async function open(init: StoreInit): Promise<void> {
    if (init.logDir) {
      const previous = current;
      current = loggerFor(init.logDir);
      await previous.close();
    }
    if (init.lowerPriority === true) {
      const priority = lowerStorePriority();
      if (priority !== 'lowered' && priority !== 'unchanged')
        logger.warn('The store runs at the shell priority', { error: priority.failed });
    }
    try {
      desk = await openDesk({
        file: init.file,
        appVersion: init.appVersion,
        host: init.host,
        forcedLanguage: init.forcedLanguage,
        logger,
        schedule: init.schedule,
        ...(init.logDir ? { logDir: init.logDir } : {}),
      });
    } catch (error) {
      // A newer or damaged file: the shell shows this once and does not start the store again.
      const message = error instanceof Error ? error.message : String(error);
      logger.error('The database could not be opened', { file: init.file, error: message });
      port.post({ type: 'open-failed', message });
      port.exit(0);
      return;
    }
    desk.onEvent((event, origin) => port.post({ type: 'event', event, origin }));
    const credentials = credentialStore(init, port);
    if (credentials) {
      const sync = await startDeskSync({
        desk,
        credentials,
        appVersion: init.appVersion,
        logger,
        ...(init.syncTiming ? { timing: init.syncTiming } : {}),
      });
      stopSync = () => sync.stop();
    }
    logger.info('Store open', { file: init.file, pid: process.pid });
    port.post({ type: 'ready', pid: process.pid });
  }

  async function call(message: Extract<ToStore, { type: 'call' }>): Promise<void> {
    await opened;
    const client: ClientState = { sessionId: message.sessionId };
    let result = desk
      ? await desk.dispatch(client, message.method, message.input)
      : { ok: false as const, error: STORE_ERRORS.restarting };
    // Measured here, off the shell's thread: a result this big would stall whoever receives it.
    const chars = jsonChars(result);
    if (chars === null || chars > STORE_LIMITS.maxResultChars) {
      logger.error('A result was too large to send', { method: message.method, chars });
      result = { ok: false, error: STORE_ERRORS.resultTooLarge };
    }
    port.post({ type: 'result', id: message.id, result, sessionId: client.sessionId });
  }

  async function close(): Promise<void> {
    await opened;
    await stopSync?.();
    await desk?.close();
    desk = null;
    logger.info('Store closed');
    await current.close();
    port.post({ type: 'closed' });
    port.exit(0);
  }

  port.onMessage((message) => {
    switch (message.type) {
      case 'init':
        opened ??= open(message.init);
        return;
      case 'call':
        void call(message).catch((error: unknown) => {
          logger.error('A store call failed', { method: message.method, error: String(error) });
          port.post({
            type: 'result',
            id: message.id,
            result: {
              ok: false,
              error: { code: 'internal', key: 'internal', message: 'Something went wrong; nothing was saved' },
            },
            sessionId: message.sessionId,
          });
        });
        return;
      case 'ping':
        // Answered at once, whatever else waits: a busy store still turns its loop, a hung one does not.
        port.post({ type: 'pong', id: message.id });
        return;
      case 'update-status':
        desk?.setUpdateStatus?.(message.status);
        return;
      case 'update-gate':
        void (async () => {
          // Without the desk's answer the updater must not install: it assumes a sync may be running.
          const gate = (await desk?.updateGate?.()) ?? { syncing: desk === null, installWindow: null };
          port.post({ type: 'gate', id: message.id, gate });
        })().catch(() => port.post({ type: 'gate', id: message.id, gate: { syncing: true, installWindow: null } }));
        return;
      case 'close':
        closing ??= close().catch((error: unknown) => {
          logger.error('The store did not close cleanly', { error: String(error) });
          port.exit(1);
        });
        return;
    }
  });
}
