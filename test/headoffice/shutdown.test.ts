/** Graceful shutdown's order and bound, with a stand-in server (the real one: deploy.spec.ts). */
import { describe, expect, test } from 'vitest';
import { shutDown, type Closable } from '../../headoffice/shutdown';

const quiet = { info: () => {}, warn: () => {} };

function server(requestMs: number, events: string[]): Closable {
  let finish: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    finish = resolve;
    setTimeout(resolve, requestMs);
  });
  return {
    close: async () => {
      events.push('close');
      await inFlight;
      events.push('closed');
    },
    closeAllConnections: () => {
      events.push('cut');
      finish();
    },
  };
}

describe('shutDown', () => {
  test('waits for requests in flight, then releases the pool', async () => {
    const events: string[] = [];
    const finished = await shutDown({
      server: server(50, events),
      release: [async () => void events.push('pool')],
      boundMs: 2000,
      log: quiet,
    });
    expect(finished).toBe(true);
    expect(events).toEqual(['close', 'closed', 'pool']);
  });

  test('cuts connections still busy at the bound, and still releases everything', async () => {
    const events: string[] = [];
    const started = Date.now();
    const finished = await shutDown({
      server: server(60_000, events),
      release: [async () => void events.push('pool'), async () => void events.push('postgres')],
      boundMs: 200,
      log: quiet,
    });
    expect(finished).toBe(false);
    expect(events).toEqual(['close', 'cut', 'closed', 'pool', 'postgres']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a release step that hangs is given up after the bound', async () => {
    const events: string[] = [];
    const started = Date.now();
    await shutDown({
      server: server(0, events),
      release: [() => new Promise<void>(() => {}), async () => void events.push('postgres')],
      boundMs: 200,
      log: quiet,
    });
    expect(events).toContain('postgres');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
