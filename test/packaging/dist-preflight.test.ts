/**
 * scripts/dist-preflight.mjs, which `npm run dist` runs first: an unreachable download host stops
 * the release at once with a message saying what to do; a reachable one lets it go on.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/dist-preflight.mjs');
const electronVersion = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['electron'];

interface Outcome {
  code: number;
  stderr: string;
}

async function preflight(env: Record<string, string>): Promise<Outcome> {
  const clean = { ...process.env };
  delete clean['ELECTRON_MIRROR'];
  delete clean['npm_config_electron_mirror'];
  delete clean['COUNTERDESK_DIST_SKIP_PREFLIGHT'];
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [script], {
      env: { ...clean, ...env },
      timeout: 20_000,
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('npm run dist preflight', () => {
  test('stops with a clear message when the Electron download host does not answer', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    server.close();
    await once(server, 'close');

    const outcome = await preflight({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/electron/` });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      `cannot download Electron ${electronVersion}: 127.0.0.1:${port} does not answer (ECONNREFUSED)`,
    );
    expect(outcome.stderr).toContain('release machine');
    expect(outcome.stderr).toContain('npx vitest run --project e2e test/packaging');
  });

  test('lets the release go on when the mirror answers, whatever the status', async () => {
    const requests: Pick<IncomingMessage, 'method' | 'url'>[] = [];
    const server = createServer((request, response) => {
      requests.push({ method: request.method, url: request.url });
      response.writeHead(404).end();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const outcome = await preflight({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/electron` });
      expect(outcome).toEqual({ code: 0, stderr: '' });
      expect(requests).toEqual([{ method: 'HEAD', url: `/electron/v${electronVersion}/SHASUMS256.txt` }]);
    } finally {
      server.close();
    }
  });

  test('is skipped on request, for a release machine with warm caches', async () => {
    const outcome = await preflight({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', COUNTERDESK_DIST_SKIP_PREFLIGHT: '1' });
    expect(outcome).toEqual({ code: 0, stderr: '' });
  });
});
