import { describe, expect, test, vi } from 'vitest';
import type { DeskEvent } from '../../db/api';
import type { DeskResult } from '../../db/contract';
import type { ClientState, Desk, EventOrigin, Logger } from '../../db/desk-types';
import type { FrameLike, InvokeEventLike, IpcMainLike, SenderLike } from '../../electron/ipc';
import {
  bindDesk,
  checkSender,
  DESK_CALL_CHANNEL,
  DESK_EVENT_CHANNEL,
  forwardEvent,
  UNTRUSTED_SENDER_ERROR,
} from '../../electron/ipc';

const APP = 'app://counterdesk/index.html#/tickets';

function frame(url: string, detached = false): FrameLike {
  return { url, detached };
}

type FakeSender = SenderLike & { sent: unknown[][]; destroy(): void; destroyed: boolean };

function fakeSender(id: number, mainFrameUrl = APP): FakeSender {
  const onDestroyed: Array<() => void> = [];
  const sender: FakeSender = {
    id,
    mainFrame: frame(mainFrameUrl),
    sent: [],
    destroyed: false,
    isDestroyed: () => sender.destroyed,
    once: (_event, listener) => onDestroyed.push(listener),
    send: (channel, ...args) => sender.sent.push([channel, ...args]),
    destroy() {
      sender.destroyed = true;
      for (const listener of onDestroyed) listener();
    },
  };
  return sender;
}

/** An event sent by the main frame of `sender`. */
function fromMainFrame(sender: FakeSender): InvokeEventLike {
  return { senderFrame: sender.mainFrame, sender };
}

function silentLogger() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  } satisfies Logger;
}

describe('checkSender', () => {
  const sender = fakeSender(1);

  test('accepts the main frame of the app', () => {
    expect(checkSender(DESK_CALL_CHANNEL, fromMainFrame(sender))).toEqual({ ok: true });
  });

  const app = fakeSender(2);
  const evil = fakeSender(3, 'https://evil.example/');
  const fileWindow = fakeSender(4, 'file:///C:/counterdesk/index.html');
  const lookAlike = fakeSender(5, 'app://counterdesk.evil.com/index.html');
  const userInfo = fakeSender(6, 'app://counterdesk@evil/index.html');

  test.each<[string, string, InvokeEventLike]>([
    ['an unknown channel', 'desk:admin', fromMainFrame(app)],
    ['a channel that only shares the prefix', 'desk:call2', fromMainFrame(app)],
    ['a frame that navigated away or was destroyed', DESK_CALL_CHANNEL, { senderFrame: null, sender: app }],
    ['a detached frame', DESK_CALL_CHANNEL, { senderFrame: frame(APP, true), sender: app }],
    ['a subframe showing the app', DESK_CALL_CHANNEL, { senderFrame: frame(APP), sender: app }],
    ['a subframe of another site', DESK_CALL_CHANNEL, { senderFrame: frame('https://evil.example/'), sender: app }],
    ['the main frame of another site', DESK_CALL_CHANNEL, fromMainFrame(evil)],
    ['a file:// page', DESK_CALL_CHANNEL, fromMainFrame(fileWindow)],
    ['a look-alike host', DESK_CALL_CHANNEL, fromMainFrame(lookAlike)],
    ['user info in front of another host', DESK_CALL_CHANNEL, fromMainFrame(userInfo)],
    ['a malformed URL', DESK_CALL_CHANNEL, fromMainFrame(fakeSender(7, 'app//counterdesk'))],
    ['about:blank', DESK_CALL_CHANNEL, fromMainFrame(fakeSender(8, 'about:blank'))],
  ])('refuses %s', (_name, channel, event) => {
    expect(checkSender(channel, event).ok).toBe(false);
  });

  test('refuses when the sender cannot be read (a webContents being torn down)', () => {
    const event = {
      get senderFrame(): FrameLike {
        throw new Error('Object has been destroyed');
      },
      sender: app,
    };
    expect(checkSender(DESK_CALL_CHANNEL, event)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('destroyed'),
    });
  });
});

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
}

function fakeDesk(dispatch: Desk['dispatch'] = async (_client, method) => ({ ok: true, value: method })) {
  const listeners = new Set<(event: DeskEvent, origin: EventOrigin) => void>();
  const calls: Array<{ client: ClientState; method: string; input: unknown }> = [];
  const desk: Desk = {
    dispatch: async (client, method, input) => {
      calls.push({ client, method, input });
      return dispatch(client, method, input);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {},
  };
  return {
    desk,
    calls,
    listeners,
    emit: (event: DeskEvent, origin: EventOrigin = 'call') => listeners.forEach((listener) => listener(event, origin)),
  };
}

function setUp(options: { dispatch?: Desk['dispatch']; targets?: FakeSender[] } = {}) {
  const ipcMain = fakeIpcMain();
  const fake = fakeDesk(options.dispatch);
  const logger = silentLogger();
  const unbind = bindDesk(fake.desk, ipcMain, { logger, listTargets: () => options.targets ?? [] });
  const handler = ipcMain.handlers.get(DESK_CALL_CHANNEL);
  if (!handler) throw new Error('desk:call is not handled');
  const call = (event: InvokeEventLike, method: unknown, input?: unknown) =>
    handler(event, method, input) as Promise<DeskResult<unknown>>;
  return { ...fake, ipcMain, logger, unbind, call };
}

describe('bindDesk', () => {
  test('handles exactly one channel', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([DESK_CALL_CHANNEL]);
  });

  test('passes a trusted call to the dispatcher with the input untouched', async () => {
    const { call, calls } = setUp();
    const input = { name: '王芳', phones: ['13800138000'], extra: { nested: true } };
    await expect(call(fromMainFrame(fakeSender(1)), 'customers.create', input)).resolves.toEqual({
      ok: true,
      value: 'customers.create',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe(input);
  });

  test('refuses an untrusted sender as data, without reaching the dispatcher, and logs it', async () => {
    const { call, calls, logger } = setUp();
    const result = await call(fromMainFrame(fakeSender(1, 'https://evil.example/')), 'staff.list', {});
    expect(result).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    expect(UNTRUSTED_SENDER_ERROR).toEqual({
      code: 'permission_denied',
      key: 'permission_denied',
      message: 'Refused: untrusted sender',
    });
    expect(calls).toHaveLength(0);
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  test('refuses a call from a subframe of the app window', async () => {
    const sender = fakeSender(1);
    const { call, calls } = setUp();
    await expect(call({ senderFrame: frame(APP), sender }, 'staff.list', {})).resolves.toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });

  test.each([42, null, undefined, { toString: () => 'staff.list' }, ['staff.list']])(
    'refuses a method name that is not a string: %s',
    async (method) => {
      const { call, calls } = setUp();
      await expect(call(fromMainFrame(fakeSender(1)), method, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
      expect(calls).toHaveLength(0);
    },
  );

  test('turns a throwing dispatcher into an internal error instead of a rejection', async () => {
    const { call, logger } = setUp({
      dispatch: async () => {
        throw new Error('boom');
      },
    });
    await expect(call(fromMainFrame(fakeSender(1)), 'staff.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logger.error).toHaveBeenCalledOnce();
  });

  test('keeps one client state per window, and drops it when the window is destroyed', async () => {
    const { call, calls } = setUp({
      dispatch: async (client) => {
        // What the session.signIn handler does: the state object is the window's sign-in.
        client.sessionId ??= `session-${calls.length}`;
        return { ok: true, value: client.sessionId };
      },
    });
    const first = fakeSender(1);
    const second = fakeSender(2);
    await call(fromMainFrame(first), 'session.status');
    await call(fromMainFrame(first), 'session.status');
    await call(fromMainFrame(second), 'session.status');
    expect(calls[0]?.client).toBe(calls[1]?.client);
    expect(calls[2]?.client).not.toBe(calls[0]?.client);
    expect(calls[0]?.client).toEqual({ sessionId: 'session-1' });

    first.destroy();
    // webContents ids are not reused in practice, but a stale state must not survive its window.
    await call(fromMainFrame(first), 'session.status');
    expect(calls[3]?.client).not.toBe(calls[0]?.client);
  });

  test('forwards desk events to live app windows only', () => {
    const app = fakeSender(1);
    const closed = fakeSender(2);
    closed.destroyed = true;
    const elsewhere = fakeSender(3, 'https://evil.example/');
    const { emit } = setUp({ targets: [app, closed, elsewhere] });
    emit('customers.changed');
    expect(app.sent).toEqual([[DESK_EVENT_CHANNEL, 'customers.changed']]);
    expect(closed.sent).toEqual([]);
    expect(elsewhere.sent).toEqual([]);
  });

  test('unbinding removes the handler and stops forwarding events', () => {
    const app = fakeSender(1);
    const { ipcMain, unbind, listeners } = setUp({ targets: [app] });
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    expect(listeners.size).toBe(0);
  });
});

describe('forwardEvent', () => {
  test('one failing window does not stop the others', () => {
    const broken = fakeSender(1);
    broken.send = () => {
      throw new Error('Object has been destroyed');
    };
    const app = fakeSender(2);
    const logger = silentLogger();
    forwardEvent('staff.changed', [broken, app], logger);
    expect(app.sent).toEqual([[DESK_EVENT_CHANNEL, 'staff.changed']]);
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});
