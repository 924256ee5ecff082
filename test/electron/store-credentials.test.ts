/**
 * The shell keeps the sync credentials (Electron's safeStorage lives in main). A store process
 * started again after a crash must get what was saved or cleared since the first start, or a PC
 * enrolled after start-up would stop syncing after a crash, and one unenrolled would sync again.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../db/sync/credentials';
import type { FromStore, StoreInit, ToStore } from '../../electron/store/protocol';
import { startStoreProcess, type StoreChild } from '../../electron/store/supervisor';

type FakeChild = StoreChild & { inits: StoreInit[]; say(message: FromStore): void; crash(): void };

function fakeChild(): FakeChild {
  const listeners: Array<(message: FromStore) => void> = [];
  const exits: Array<(code: number | null) => void> = [];
  const child: FakeChild = {
    inits: [],
    post(message: ToStore) {
      if (message.type === 'init') {
        child.inits.push(message.init);
        queueMicrotask(() => child.say({ type: 'ready', pid: 1 }));
      }
      if (message.type === 'close') queueMicrotask(() => child.say({ type: 'closed' }));
    },
    onMessage: (listener) => void listeners.push(listener),
    onExit: (listener) => void exits.push(listener),
    kill: () => child.crash(),
    say: (message) => listeners.forEach((listener) => listener(message)),
    crash: () => exits.splice(0).forEach((listener) => listener(null)),
  };
  return child;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const enrolled = { deviceId: 'dev-1', refreshSecret: 'secret-1' } as unknown as DeviceCredentials;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('the sync credentials across a store restart', () => {
  it('starts the store again with the credentials saved, then cleared, since the first start', async () => {
    const children: FakeChild[] = [];
    const kept: Array<DeviceCredentials | null> = [];
    const store = await startStoreProcess({
      spawn: () => {
        const child = fakeChild();
        children.push(child);
        return child;
      },
      init: {
        file: '/nowhere/counterdesk.sqlite',
        appVersion: '0.1.0',
        host: 'electron',
        forcedLanguage: null,
        schedule: false,
        credentials: { kind: 'shell', saved: null, description: 'test', protection: 'os' as never },
      },
      logger: quiet,
      onCredentials: (saved) => kept.push(saved),
      restart: { firstDelayMs: 1, maxDelayMs: 2, maxQuickFaults: 5 },
    });
    children[0]!.say({ type: 'credentials-saved', credentials: enrolled });
    children[0]!.crash();
    await until(() => children.length === 2 && children[1]!.inits.length === 1);
    const second = children[1]!.inits[0]!.credentials;
    expect(second?.kind === 'shell' && second.saved).toEqual(enrolled);

    children[1]!.say({ type: 'credentials-cleared' });
    children[1]!.crash();
    await until(() => children.length === 3 && children[2]!.inits.length === 1);
    const third = children[2]!.inits[0]!.credentials;
    expect(third?.kind === 'shell' ? third.saved : 'not shell').toBeNull();
    expect(kept).toEqual([enrolled, null]);
    await store.close();
  });

  it('keeps running when the shell cannot keep them (a failing keyring), and says so in the log', async () => {
    const errors: string[] = [];
    const child = fakeChild();
    const store = await startStoreProcess({
      spawn: () => child,
      init: {
        file: '/nowhere/counterdesk.sqlite',
        appVersion: '0.1.0',
        host: 'electron',
        forcedLanguage: null,
        schedule: false,
        credentials: { kind: 'shell', saved: null, description: 'test', protection: 'os' as never },
      },
      logger: { ...quiet, error: (message) => errors.push(message) },
      onCredentials: () => {
        throw new Error('keyring locked');
      },
    });
    expect(() => child.say({ type: 'credentials-saved', credentials: enrolled })).not.toThrow();
    expect(errors).toContain('The sync credentials could not be kept');
    expect(store.status().state).toBe('running');
    await store.close();
  });
});
