/** The nets that stop a test's processes: on the test process's exit, and the run's teardown. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { commandLine, killRecorded, spawnTracked, TEST_RUN_ENV } from '../support/test-processes';

const SLEEPER = ['-e', 'setInterval(() => {}, 1000)'];
const folders: string[] = [];
const children: ChildProcess[] = [];

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'counterdesk-processes-'));
  folders.push(made);
  return made;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
  delete process.env[TEST_RUN_ENV];
});

describe('spawnTracked and killRecorded', () => {
  test('a start is recorded in the run folder with its marker, and the record goes when it exits', async () => {
    const run = folder();
    const marker = join(run, 'data-1');
    process.env[TEST_RUN_ENV] = run;
    const child = spawnTracked(process.execPath, [...SLEEPER, marker], { marker, stdio: 'ignore' });
    children.push(child);
    expect(readdirSync(run)).toEqual([String(child.pid)]);
    expect(commandLine(child.pid!)).toContain(marker);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(readdirSync(run)).toEqual([]);
  });

  test('the teardown kills a recorded process still running, and not one whose id now runs something else', async () => {
    const run = folder();
    const marker = join(run, 'data-2');
    process.env[TEST_RUN_ENV] = run;
    const left = spawnTracked(process.execPath, [...SLEEPER, marker], { marker, stdio: 'ignore' });
    children.push(left);
    // A record whose process id now belongs to another program (this test process).
    writeFileSync(join(run, String(process.pid)), join(run, 'data-gone'));
    expect(killRecorded(run)).toBe(1);
    await until(() => !alive(left.pid!));
    expect(alive(left.pid!)).toBe(false);
    expect(alive(process.pid)).toBe(true);
  });

  test('a marker missing from the command line is refused: the teardown could not recognise the process', () => {
    expect(() => spawnTracked(process.execPath, SLEEPER, { marker: '/tmp/elsewhere', stdio: 'ignore' })).toThrow(
      /not on the command line/,
    );
  });

  test('a test process that exits takes what it started with it', async () => {
    const run = folder();
    const marker = join(run, 'data-3');
    const module = fileURLToPath(new URL('../support/test-processes.ts', import.meta.url));
    // A test process that starts a tracked sleeper, prints its id and exits without stopping it.
    const script = `
      const { spawnTracked } = await import(${JSON.stringify(module)});
      const child = spawnTracked(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ${JSON.stringify(marker)}], { marker: ${JSON.stringify(marker)}, stdio: 'ignore' });
      console.log(child.pid);
      process.exit(0);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const pid = Number(result.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await until(() => commandLine(pid)?.includes(marker) !== true);
    expect(commandLine(pid) ?? '').not.toContain(marker);
  });
});
