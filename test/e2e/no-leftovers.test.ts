/**
 * A failing end-to-end run leaves no process behind. A child test run of foundation.test.ts is
 * given a browser that does not exist, so every test fails after its browser host started; the
 * child's temporary folder (TMPDIR) holds every host's data folder and every browser profile, so
 * any process of that run still alive afterwards names it on its command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const marker = mkdtempSync(join(tmpdir(), 'counterdesk-leftovers-'));

afterAll(() => rmSync(marker, { recursive: true, force: true }));

function processesNaming(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (command.includes(text)) found.push(`${entry}: ${command.slice(0, 160)}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

it.runIf(process.platform === 'linux')(
  'a run whose browser cannot launch leaves no browser host running',
  () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', 'test/e2e/foundation.test.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: marker, CHROMIUM_PATH: join(marker, 'no-such-browser'), CI: '1' },
        timeout: 180_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    // The run really failed for the reason meant, after starting hosts.
    expect(run.status, output).toBe(1);
    expect(output).toContain("executable doesn't exist");
    expect(output).toMatch(/3 failed/);
    // Each test stopped its own host: the teardown's net had nothing to catch.
    expect(output).not.toMatch(/Stopped \d+ test process/);
    expect(processesNaming(marker)).toEqual([]);
  },
  200_000,
);
