/**
 * `npm run headoffice`: the head-office sync server.
 *   --database-url URL   a real PostgreSQL (else: an embedded one in --data-dir, for trying it out)
 *   --data-dir DIR       default .headoffice: embedded database, generated certificates
 *   --host H --port N    default 127.0.0.1:8443
 *   --cert F --key F     the company's certificate (else a generated CA + server certificate; the
 *                        CA file is what counter PCs trust at enrollment)
 *   --console-dir DIR    the built console (default: out/console beside this bundle), served at /console/
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectHq, migrateHq } from './db/open';
import { ensureDatabase, startLocalPostgres } from './db/postgres';
import { rebuildReportRollupsIfStale } from './reports/rebuild';
import { startHeadOffice } from './server';
import { makeTestCertificates } from './tls';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'pg-port': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      hostname: { type: 'string', multiple: true },
      'console-dir': { type: 'string' },
      'updates-dir': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.HEADOFFICE_DATA_DIR ?? '.headoffice');
  mkdirSync(dataDir, { recursive: true });
  const host = values.host ?? '127.0.0.1';
  const port = Number(values.port ?? 8443);
  let url = values['database-url'] ?? process.env.HEADOFFICE_DATABASE_URL;
  let stopPostgres: (() => Promise<void>) | null = null;
  if (!url) {
    const pg = await startLocalPostgres({ dataDir: join(dataDir, 'pg'), port: Number(values['pg-port'] ?? 54329) });
    await ensureDatabase(pg.url, 'headoffice');
    url = pg.urlFor('headoffice');
    stopPostgres = pg.stop;
    process.stdout.write(
      `Embedded PostgreSQL in ${join(dataDir, 'pg')} (for trying out; production passes --database-url)\n`,
    );
  }
  const db = connectHq(url);
  const applied = await migrateHq(db);
  if (applied.length > 0) process.stdout.write(`Migrated the head-office database: ${applied.join(', ')}\n`);
  if (await rebuildReportRollupsIfStale(db)) process.stdout.write('Built the report rollups from the records held\n');

  let tls: { key: string; cert: string };
  let caFile: string | null = null;
  if (values.cert && values.key)
    tls = { cert: readFileSync(values.cert, 'utf8'), key: readFileSync(values.key, 'utf8') };
  else {
    const tlsDir = join(dataDir, 'tls');
    caFile = join(tlsDir, 'ca.pem');
    if (!existsSync(caFile)) {
      mkdirSync(tlsDir, { recursive: true });
      const made = await makeTestCertificates(['localhost', ...(values.hostname ?? [])]);
      writeFileSync(caFile, made.caCert);
      writeFileSync(join(tlsDir, 'server.pem'), made.cert);
      writeFileSync(join(tlsDir, 'server.key'), made.key, { mode: 0o600 });
    }
    tls = {
      cert: readFileSync(join(tlsDir, 'server.pem'), 'utf8'),
      key: readFileSync(join(tlsDir, 'server.key'), 'utf8'),
    };
  }
  // The bundle is out/headoffice-server/headoffice.js; the console is built into out/console.
  const consoleDir = resolve(values['console-dir'] ?? fileURLToPath(new URL('../console', import.meta.url)));
  // Uploaded releases (`headoffice:admin -- release upload`), served to the counters under /updates/.
  const updatesDir = resolve(values['updates-dir'] ?? process.env.HEADOFFICE_UPDATES_DIR ?? join(dataDir, 'updates'));
  const server = await startHeadOffice({
    db,
    tls,
    host,
    port,
    consoleDir,
    updatesDir,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  writeFileSync(join(dataDir, 'connection.json'), JSON.stringify({ url, server: server.url }), { mode: 0o600 });
  process.stdout.write(`Head office listening on ${server.url}\n`);
  if (caFile) process.stdout.write(`Counter PCs trust this CA certificate at enrollment: ${caFile}\n`);
  process.stdout.write(
    existsSync(join(consoleDir, 'index.html'))
      ? `Head-office console: ${server.url}/console/\n`
      : `No console build in ${consoleDir} (npm run headoffice builds it)\n`,
  );
  const admins = await db.selectFrom('hqStaff').select('id').where('role', '=', 'admin').limit(1).execute();
  if (admins.length === 0)
    process.stdout.write(
      'No console administrator yet: npm run headoffice:admin -- create-admin USERNAME "Your name"\n',
    );
  process.stdout.write(
    'Next: npm run headoffice:admin -- add-store S012 南京西路店 ; npm run headoffice:admin -- issue-code S012\n',
  );

  const stop = async () => {
    await server.close();
    await db.destroy();
    await stopPostgres?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Head office could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
