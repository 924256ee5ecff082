/**
 * `node out/host/host.js`: starts the browser host on a store database and prints the address to
 * open. Used by `npm start` where the Electron runtime is missing, and by the end-to-end tests.
 *   --data-dir DIR   folder of the database (default $COUNTERDESK_DATA_DIR or ~/.counterdesk)
 *   --port N         port on 127.0.0.1 (default: a free one)
 *   --lang zh-CN|en  force the UI language (default $COUNTERDESK_LANG, else the browser's)
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, logFolder } from '../db/log';
import { startBrowserHost } from './host';
import { DATABASE_FILE_NAME, forcedLanguageFrom } from './paths';
import { storeWorker } from './store/children';
import { startStoreProcess } from './store/supervisor';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, lang: { type: 'string' } },
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.COUNTERDESK_DATA_DIR ?? join(homedir(), '.counterdesk'));
  const logger = createLogger({ scope: 'host', logDir: logFolder(dataDir) });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535, not ${values.port}`);

  // The store (database, dispatcher, sync, backup timers) runs in a worker thread, so a long sync
  // never holds this thread, which serves the page (docs/architecture/store-process.md).
  const desk = await startStoreProcess({
    spawn: () => storeWorker(fileURLToPath(new URL('../store/store.js', import.meta.url)), logger),
    init: {
      file: join(dataDir, DATABASE_FILE_NAME),
      appVersion: __APP_VERSION__,
      host: 'browser',
      forcedLanguage: forcedLanguageFrom(values.lang ?? process.env.COUNTERDESK_LANG),
      // The daily backup (checked now and hourly) and the daily integrity check.
      schedule: true,
      logDir: logFolder(dataDir),
      // Sync with head office once enrolled; the browser host keeps the device secret in a file only
      // this OS user can read (mode 0600), beside the database.
      credentials: { kind: 'file', file: join(dataDir, 'sync-credentials.json') },
    },
    logger,
  });
  const host = await startBrowserHost({
    desk,
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    logger,
    port,
  });
  logger.info('Browser host listening', { origin: host.origin, version: __APP_VERSION__ });
  process.stdout.write(`Counterdesk browser host (database: ${join(dataDir, DATABASE_FILE_NAME)})\n`);
  process.stdout.write(`Open this address in Chromium or Chrome: ${host.launchUrl}\n`);
  process.stdout.write(`COUNTERDESK_URL=${host.launchUrl}\n`);

  // Stops serving, then lets the store process stop sync and close the file (killed if it hangs).
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await desk.close();
    await logger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // A newer database or a bad flag: say what is wrong in one line, touch nothing, exit non-zero.
  process.stderr.write(`Counterdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
