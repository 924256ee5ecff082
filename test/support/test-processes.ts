/**
 * Processes a test starts (a browser host, say) that must not outlive the test run, even when the
 * test fails before it can stop them — a browser that cannot launch, a timeout, a crash.
 *
 * Three nets: the test stops its process itself; the test process kills whatever of its own is still
 * running when it exits; and each start is written down in the run's folder (COUNTERDESK_TEST_RUN,
 * made by test/e2e/global-setup.ts), whose teardown kills any recorded process still running —
 * after checking its command line still carries the marker recorded with it, so a reused process
 * id is never killed.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_RUN_ENV = 'COUNTERDESK_TEST_RUN';

// One list per test process, even when the test runner loads this module afresh for each file.
const RUNNING = Symbol.for('counterdesk.test-processes');
const holder = globalThis as { [RUNNING]?: Map<number, ChildProcess> };
const running = (holder[RUNNING] ??= (() => {
  const map = new Map<number, ChildProcess>();
  process.once('exit', () => {
    for (const child of map.values()) child.kill('SIGKILL');
  });
  return map;
})());

/**
 * Starts `command` and keeps track of it until it exits. `marker` is a string its command line
 * carries (a data folder made for this start), so the run's teardown can recognise it.
 */
export function spawnTracked(
  command: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions & { marker: string },
): ChildProcess {
  const { marker, ...spawnOptions } = options;
  if (!args.some((arg) => arg.includes(marker)))
    throw new Error(`the marker ${marker} is not on the command line: the teardown could not recognise the process`);
  const child = spawn(command, args, spawnOptions);
  const pid = child.pid;
  if (pid === undefined) return child;
  running.set(pid, child);
  const runFolder = process.env[TEST_RUN_ENV];
  const record = runFolder && existsSync(runFolder) ? join(runFolder, String(pid)) : null;
  if (record) writeFileSync(record, marker);
  child.once('exit', () => {
    running.delete(pid);
    if (record) rmSync(record, { force: true });
  });
  return child;
}

/** The command line of a running process, or null when it is gone. */
export function commandLine(pid: number): string | null {
  try {
    if (existsSync('/proc')) return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

/** Kills every process recorded in `runFolder` that still runs with its marker; returns how many. */
export function killRecorded(runFolder: string): number {
  if (!existsSync(runFolder)) return 0;
  let killed = 0;
  for (const entry of readdirSync(runFolder)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const marker = readFileSync(join(runFolder, entry), 'utf8');
    if (marker !== '' && commandLine(pid)?.includes(marker)) {
      try {
        process.kill(pid, 'SIGKILL');
        killed += 1;
      } catch {
        // It exited meanwhile.
      }
    }
  }
  return killed;
}
