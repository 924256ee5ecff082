/**
 * A fresh SQLite file per test in a temporary folder (docs/STYLE.md §14), removed afterwards; a new
 * store is a copy of the run's migrated template (test/support/store-template.ts) when there is one.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../db/api';
import type { DeskResult } from '../../db/contract';
import { openDesk } from '../../db/desk';
import type { ClientState, Desk, Logger } from '../../db/desk-types';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFile(name = 'counterdesk.sqlite'): string {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-test-'));
  folders.push(folder);
  return join(folder, name);
}

export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string; details?: Record<string, unknown> };

export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (message, details) => entries.push({ level: 'info', message, ...(details ? { details } : {}) }),
    warn: (message, details) => entries.push({ level: 'warn', message, ...(details ? { details } : {}) }),
    error: (message, details) => entries.push({ level: 'error', message, ...(details ? { details } : {}) }),
  };
}

/** A desk on a temp file, plus a typed `call` as one client (one window). */
export async function openTestDesk(
  options: { file?: string; now?: () => number; ticks?: () => number; appVersion?: string } = {},
) {
  const file = options.file ?? tempFile();
  const appVersion = options.appVersion ?? '0.1.0-test';
  // A new store starts from the run's migrated template where the project's setup made one.
  const template = inject('storeTemplate');
  if (template && appVersion === inject('storeTemplateVersion') && !existsSync(file)) copyFileSync(template, file);
  const logger = memoryLogger();
  const desk: Desk = await openDesk({
    file,
    appVersion,
    host: 'browser',
    forcedLanguage: null,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.ticks ? { ticks: options.ticks } : {}),
  });
  const client: ClientState = { sessionId: null };
  async function call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    as: ClientState = client,
  ): Promise<DeskResult<MethodResult<M>>> {
    return (await desk.dispatch(as, method, input)) as DeskResult<MethodResult<M>>;
  }
  async function ok<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    as: ClientState = client,
  ): Promise<MethodResult<M>> {
    const result = await call(method, input, as);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
  return { desk, file, logger, client, call, ok };
}

export type TestDesk = Awaited<ReturnType<typeof openTestDesk>>;

/** A set-up store with its admin signed in on the default client. */
export async function setUpStore(t: TestDesk, { adminPin = '2468' } = {}) {
  return t.ok('setup.createStore', {
    storeCode: 'S012',
    storeName: '南京西路店',
    counterNo: 2,
    adminName: '王经理',
    adminPin,
  });
}
