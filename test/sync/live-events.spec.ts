/**
 * Screens that update themselves (docs/architecture/live-refresh.md): when a pull writes another
 * PC's work, the desk announces the `<area>.changed` of the areas it touched, as sync's, so open
 * pages read again; a large pull announces each area a few times, not once per chunk; and the
 * events cross the store process to the windows as Electron's shell forwards them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../db/contract';
import { errorMessages } from '../../db/messages';
import type { EventOrigin } from '../../db/desk-types';
import { bindDesk, DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL, type IpcMainLike, type SenderLike } from '../../electron/ipc';
import { storeWorker } from '../../electron/store/children';
import { startStoreProcess, type StoreProcess } from '../../electron/store/supervisor';
import { builtStoreEntry } from '../electron/store-build';
import { memoryLogger, tempFile } from '../support/temp-store';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { hqPart } from './support/parts';

const STORE = 'S031';
const entry = builtStoreEntry();
let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;
const part = hqPart('WM-PUMP-31', 8_800);
let ticket: { id: string; number: string };

/** What a desk announced, with who caused it, from now on. */
function listen(counter: TestCounter) {
  const heard: Array<{ event: DeskEvent; origin: EventOrigin; at: number }> = [];
  const off = counter.desk.onEvent((event, origin) => heard.push({ event, origin, at: performance.now() }));
  return {
    heard,
    off,
    fromSync: (event: DeskEvent) => heard.filter((h) => h.origin === 'sync' && h.event === event),
  };
}

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore(STORE);
  a = await openCounter(hq, { storeCode: STORE, counterNo: 1 });
  b = await openCounter(hq, { storeCode: STORE, counterNo: 2 });
  await hq.write([part]);
  // A repair ticket for the technician's request, known to both PCs before the test starts.
  const customer = await a.ok('customers.create', { name: '刘女士', phones: [{ number: '13912340031' }] });
  ticket = await a.ok('tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    fault: '洗衣机不排水',
    condition: '外观完好',
  });
  await a.sync();
  await b.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

describe('after a pull', () => {
  it('announces parts.changed for another PC’s requisition, and not customers.changed', async () => {
    // b's first sync built its search terms in the background and announced them; a round with
    // nothing new sends what may still wait for its 250 ms, so only this test's pull is heard.
    await b.engine.searchIndexed();
    await b.sync();
    await a.ok('parts.requisitionCreate', {
      ticketId: ticket.id,
      note: '',
      lines: [{ partId: part.entityId, qty: 1 }],
    });
    await a.sync();
    const events = listen(b);
    await b.sync();
    events.off();
    expect(events.fromSync('parts.changed')).toHaveLength(1);
    expect(events.fromSync('customers.changed')).toEqual([]);
    // The sync page's status moved (a round started and ended).
    expect(events.fromSync('sync.changed').length).toBeGreaterThan(0);
    // Nothing arrived as if this PC had made it: nothing waits to go back to head office.
    expect(events.heard.filter((h) => h.origin === 'call')).toEqual([]);
    expect(b.engine.status().pending).toBe(0);
    // And the list a parts lead looks at now holds it.
    const open = await b.ok('parts.requisitions', { filter: 'open', mine: false });
    expect(open.items.map((r) => r.ticketNumber)).toEqual([ticket.number]);
  });

  it('shows an open ticket’s new status after the pull, and refuses a step from the old screen in the counter’s language', async () => {
    const customer = await a.ok('customers.create', { name: '周先生', phones: [{ number: '13912340032' }] });
    const other = await a.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '冰箱不制冷',
      condition: '外观完好',
    });
    await a.sync();
    await b.sync();
    // B has the ticket open (its screen holds this version); A voids it meanwhile.
    const onScreen = await b.ok('tickets.get', { id: other.id });
    const before = await a.ok('tickets.get', { id: other.id });
    await a.ok('tickets.act', {
      ticketId: other.id,
      version: before.version,
      step: { action: 'void', reason: '客户取消' },
    });
    await a.sync();
    await b.engine.searchIndexed();
    const events = listen(b);
    await b.sync();
    events.off();
    // The open ticket's page reads again (it listens to tickets.changed) and shows where it stands.
    expect(events.fromSync('tickets.changed')).toHaveLength(1);
    const now = await b.ok('tickets.get', { id: other.id });
    expect(now.status).not.toBe(onScreen.status);
    expect(now.status).toBe((await a.ok('tickets.get', { id: other.id })).status);
    const refused = await b.desk.dispatch(b.client, 'tickets.act', {
      ticketId: other.id,
      version: onScreen.version,
      step: { action: 'void', reason: '重复登记' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', key: 'ticket_stale' } });
    expect(errorMessages.ticket_stale.zh).toBe('该服务单刚被他人修改，本次操作未保存。请查看最新内容后重试');
  });

  it('announces nothing but the sync status when a pull brings nothing', async () => {
    await b.engine.searchIndexed();
    const events = listen(b);
    await b.sync();
    events.off();
    expect(new Set(events.heard.map((h) => h.event))).toEqual(new Set(['sync.changed']));
  });

  it('announces each area of a large pull at most once per 250 ms, with a last one when the pull ends', async () => {
    // 400 customers with their phones, pulled in small pages: hundreds of chunks.
    for (let i = 0; i < 400; i += 1)
      await a.ok('customers.create', {
        name: `顾客${i}`,
        phones: [{ number: `1380000${String(i).padStart(4, '0')}` }],
      });
    await a.sync();
    const small = await openCounter(hq, { storeCode: STORE, counterNo: 3, maxPullBytes: 4_096 });
    try {
      // Every committed chunk asks which events its customers touch: that counts the chunks.
      const announcements = small.desk.sync!.announcements as { eventsOf: (entity: string) => readonly DeskEvent[] };
      const eventsOf = announcements.eventsOf;
      let chunks = 0;
      announcements.eventsOf = (entity) => {
        if (entity === 'customer') chunks += 1;
        return eventsOf(entity);
      };
      const events = listen(small);
      const started = performance.now();
      await small.sync();
      const elapsed = performance.now() - started;
      events.off();
      const customers = events.fromSync('customers.changed');
      expect(chunks).toBeGreaterThan(20);
      expect(customers.length).toBeGreaterThan(0);
      expect(customers.length).toBeLessThan(chunks);
      // One at once, one per 250 ms after, and the last when the pull ends.
      expect(customers.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
      for (let i = 1; i < customers.length - 1; i += 1)
        expect(customers[i]!.at - customers[i - 1]!.at).toBeGreaterThanOrEqual(240);
      // The search terms a snapshot defers are built after it, and announced once more when done.
      const beforeIndex = events.heard.length;
      const indexed = listen(small);
      await small.engine.searchIndexed();
      indexed.off();
      expect(beforeIndex).toBeGreaterThan(0);
      expect(indexed.fromSync('customers.changed')).toHaveLength(1);
      expect(await small.ok('customers.search', { query: '顾客399' })).toMatchObject({
        items: [expect.objectContaining({ name: '顾客399' })],
      });
    } finally {
      await small.close();
    }
  });
});

describe('through the store process and Electron’s IPC forwarding', () => {
  let shell: StoreProcess;
  beforeAll(async () => {
    shell = await startStoreProcess({
      spawn: () => storeWorker(entry(), memoryLogger()),
      init: {
        file: tempFile(),
        appVersion: '0.1.0-test',
        host: 'electron',
        forcedLanguage: null,
        schedule: false,
        credentials: { kind: 'file', file: tempFile('sync-credentials.json') },
      },
      logger: memoryLogger(),
    });
  });
  afterAll(async () => {
    await shell?.close();
  });

  it('a window hears parts.changed when its PC pulls another PC’s requisition', async () => {
    // The shell's side as electron/main.ts binds it, with a fake window showing the app.
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => void handlers.set(channel, listener as (...args: unknown[]) => unknown),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    const sent: string[] = [];
    const window: SenderLike = {
      id: 1,
      mainFrame: { url: 'app://counterdesk/index.html#/parts' },
      isDestroyed: () => false,
      once: () => undefined,
      send: (channel, event) => {
        if (channel === DESK_EVENT_CHANNEL) sent.push(String(event));
      },
    };
    const unbind = bindDesk(shell, ipcMain, { logger: memoryLogger(), listTargets: () => [window] });
    try {
      const call = async (method: string, input: unknown) => {
        const result = await (handlers.get(DESK_CALL_CHANNEL)!(
          { senderFrame: window.mainFrame, sender: window },
          method,
          input,
        ) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>);
        if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
        return result.value as Record<string, unknown>;
      };
      await call('setup.createStore', {
        storeCode: STORE,
        storeName: `门店${STORE}`,
        counterNo: 4,
        adminName: '管理员4',
        adminPin: '2468',
      });
      await call('sync.enroll', { serverUrl: hq.url, code: await hq.issueCode(STORE), caCert: hq.caCert });
      // Enrolled, synced, and the search terms of the first sync built (they announce customers.changed).
      await until(async () => {
        const status = await call('sync.status', {});
        return status.lastSyncAt !== null && status.state === 'idle' && status.searchBacklog === 0;
      });

      await a.ok('parts.requisitionCreate', {
        ticketId: ticket.id,
        note: '',
        lines: [{ partId: part.entityId, qty: 2 }],
      });
      await a.sync();
      sent.length = 0;
      await call('sync.now', { online: true });
      await until(async () => sent.includes('parts.changed'));
      expect(sent).not.toContain('customers.changed');
    } finally {
      unbind();
    }
  });
});

async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
