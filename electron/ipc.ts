/**
 * The only IPC binding of the app (docs/STYLE.md §3, §4): one invoke channel for desk calls and one
 * event channel from main to the renderer. Every call's sender is checked here, once, with a parsed
 * URL, before the desk's dispatcher sees it; the dispatcher then validates the input with zod and
 * checks the signed-in staff member's permission.
 *
 * Only types come from 'electron' (`import type`), and ipcMain and the list of windows are passed
 * in, so this module runs in plain Node and is unit-tested without the Electron binary.
 */
import type { IpcMain, WebContents } from 'electron';
import type { DeskEvent } from '../db/api';
import type { DeskError, DeskResult } from '../db/contract';
import type { ClientState, Desk, Logger } from '../db/desk-types';
import { isTrustedAppUrl } from './trusted-url';

/** renderer → main, `ipcRenderer.invoke(DESK_CALL_CHANNEL, method, input)` → `DeskResult`. */
export const DESK_CALL_CHANNEL = 'desk:call';
/** main → renderer, `webContents.send(DESK_EVENT_CHANNEL, eventName)`. */
export const DESK_EVENT_CHANNEL = 'desk:event';

const HANDLED_CHANNELS: ReadonlySet<string> = new Set([DESK_CALL_CHANNEL]);

/** The parts of a WebFrameMain the sender check reads. */
export type FrameLike = { readonly url: string; readonly detached?: boolean };

/** The parts of a WebContents this module uses. */
export type SenderLike = {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
  send(channel: string, ...args: unknown[]): void;
};

/** The parts of an IpcMainInvokeEvent this module uses. */
export type InvokeEventLike = { readonly senderFrame: FrameLike | null; readonly sender: SenderLike };

export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * May this IPC event be handled? Only on a known channel, and only from the main frame of a window
 * showing `app://counterdesk/…`. The frame is checked, not the webContents' URL, because a
 * compromised page can reach IPC from a subframe (GHSA-mq8j-3h7h-p8g7). `senderFrame` is null once
 * the frame navigated away or was destroyed, and may be a detached frame since Electron 33; both
 * are refused, since we can no longer tell what sent the message.
 */
export function checkSender(channel: string, event: InvokeEventLike): SenderVerdict {
  if (!HANDLED_CHANNELS.has(channel)) return { ok: false, reason: `unknown channel '${channel}'` };
  let frame: FrameLike | null;
  let mainFrame: FrameLike;
  try {
    frame = event.senderFrame;
    mainFrame = event.sender.mainFrame;
  } catch (error) {
    // Reading either can throw when the webContents is being torn down.
    return { ok: false, reason: `sender unavailable: ${String(error)}` };
  }
  if (frame === null) return { ok: false, reason: 'sender frame is gone (navigated or destroyed)' };
  if (frame.detached === true) return { ok: false, reason: 'sender frame is detached' };
  if (frame !== mainFrame) return { ok: false, reason: 'sender is not the main frame' };
  if (!isTrustedAppUrl(frame.url)) return { ok: false, reason: `sender URL is not the app: '${frame.url}'` };
  return { ok: true };
}

export const UNTRUSTED_SENDER_ERROR: Readonly<DeskError> = {
  code: 'permission_denied',
  key: 'permission_denied',
  message: 'Refused: untrusted sender',
};

function refused(error: DeskError): DeskResult<unknown> {
  return { ok: false, error };
}

export type BindDeskOptions = {
  logger: Logger;
  /** Every webContents that may receive events; main passes `() => webContents.getAllWebContents()`. */
  listTargets: () => Iterable<SenderLike>;
};

/**
 * Serves `desk` over IPC: `desk:call` runs `desk.dispatch` for trusted senders, and every desk event
 * is forwarded on `desk:event` to every live window showing the app. Each webContents gets its own
 * ClientState (its sign-in), dropped when the webContents is destroyed. Errors travel as data
 * (docs/STYLE.md §5): the handler never rejects, because `invoke` would keep only the error's message.
 * Returns a function that undoes the binding.
 */
export function bindDesk(desk: Desk, ipcMain: IpcMainLike, options: BindDeskOptions): () => void {
  const { logger } = options;
  const clients = new Map<number, ClientState>();

  function clientFor(sender: SenderLike): ClientState {
    const existing = clients.get(sender.id);
    if (existing) return existing;
    const state: ClientState = { sessionId: null };
    clients.set(sender.id, state);
    // A closed window's sign-in must not outlive it, and ids could otherwise pile up.
    sender.once('destroyed', () => clients.delete(sender.id));
    return state;
  }

  ipcMain.handle(DESK_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<DeskResult<unknown>> => {
    const verdict = checkSender(DESK_CALL_CHANNEL, event);
    if (!verdict.ok) {
      logger.warn('Refused an IPC call from an untrusted sender', {
        channel: DESK_CALL_CHANNEL,
        reason: verdict.reason,
      });
      return refused(UNTRUSTED_SENDER_ERROR);
    }
    if (typeof method !== 'string') {
      return refused({
        code: 'unknown_method',
        key: 'unknown_method',
        message: 'Unknown request: the method name is not a string',
      });
    }
    try {
      // The input goes on as it came: the dispatcher validates it with the method's zod schema.
      return await desk.dispatch(clientFor(event.sender), method, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, the renderer still gets data, not a rejection.
      logger.error('desk.dispatch threw', {
        method,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return refused({ code: 'internal', key: 'internal', message: 'Something went wrong; nothing was saved' });
    }
  });

  const unsubscribe = desk.onEvent((name: DeskEvent) => {
    forwardEvent(name, options.listTargets(), logger);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(DESK_CALL_CHANNEL);
    clients.clear();
  };
}

/** Sends `name` to every live target whose main frame shows the app; other pages never hear of desk events. */
export function forwardEvent(name: DeskEvent, targets: Iterable<SenderLike>, logger: Logger): void {
  for (const target of targets) {
    try {
      if (target.isDestroyed() || !isTrustedAppUrl(target.mainFrame.url)) continue;
      target.send(DESK_EVENT_CHANNEL, name);
    } catch (error) {
      // A window closing mid-loop must not stop the others from hearing the event.
      logger.warn('Could not forward a desk event', { event: name, error: String(error) });
    }
  }
}

/** Fails to compile unless `T` is `true`. */
type Assert<T extends true> = T;

/**
 * Compile-time proof that the real Electron objects fit the structural types above, so main can
 * pass `ipcMain` and `webContents.getAllWebContents()` straight in.
 */
export type ElectronFits = [
  Assert<IpcMain extends IpcMainLike ? true : false>,
  Assert<WebContents extends SenderLike ? true : false>,
];
