/**
 * The store runs below the shell's priority (electron/store/priority.ts). On Linux a worker thread
 * lowers only itself; elsewhere only a store in its own process lowers itself, since the call
 * would lower the whole process, the shell included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { storeWorker } from '../../electron/store/children';
import { lowerStorePriority, STORE_NICENESS } from '../../electron/store/priority';
import { startStoreProcess, type StoreProcess } from '../../electron/store/supervisor';
import { memoryLogger, tempFile } from '../support/temp-store';
import { builtStoreEntry } from './store-build';

const entry = builtStoreEntry();
let running: StoreProcess | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** The nice value of each of this process's threads (field 19 of /proc/self/task/<tid>/stat). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: count fields after its closing bracket.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('the store priority', () => {
  it('is lowered where only the store is affected', () => {
    const calls: number[] = [];
    const set = (niceness: number) => void calls.push(niceness);
    expect(lowerStorePriority('linux', false, set)).toBe('lowered');
    expect(lowerStorePriority('win32', true, set)).toBe('lowered');
    expect(lowerStorePriority('darwin', true, set)).toBe('lowered');
    expect(calls).toEqual([STORE_NICENESS, STORE_NICENESS, STORE_NICENESS]);
    // A worker thread on Windows or macOS would lower the shell with it.
    expect(lowerStorePriority('win32', false, set)).toBe('unchanged');
    expect(lowerStorePriority('darwin', false, set)).toBe('unchanged');
    expect(calls).toHaveLength(3);
    const refused = lowerStorePriority('linux', true, () => {
      throw new Error('EACCES');
    });
    expect(refused).toEqual({ failed: 'EACCES' });
  });

  it.runIf(process.platform === 'linux')('lowers the store thread and leaves the shell thread as it was', async () => {
    const shellBefore = getPriority(0);
    const lowered = () => threadNiceness().filter((nice) => nice === shellBefore + STORE_NICENESS).length;
    const before = lowered();
    running = await startStoreProcess({
      spawn: () => storeWorker(entry(), memoryLogger()),
      init: {
        file: tempFile(),
        appVersion: '0.1.0-test',
        host: 'browser',
        forcedLanguage: null,
        schedule: false,
        lowerPriority: true,
      },
      logger: memoryLogger(),
    });
    expect(getPriority(0)).toBe(shellBefore);
    expect(lowered()).toBeGreaterThan(before);
  });
});
