/**
 * The sandboxed preload (docs/STYLE.md §1, §3). It runs with the sandbox's polyfilled `require`, so the
 * build bundles it into one CommonJS file, out/preload/preload.cjs. It exposes exactly the DeskBridge
 * contract as `window.desk`: `call(method, input)` and `on(event, listener)` over two fixed channels.
 * ipcRenderer itself is never exposed, and listeners never see the IPC event (its `sender` would
 * hand the page ipcRenderer back).
 *
 * Imports from db/ are type-only: the contract's runtime (zod schemas) belongs to main and the
 * renderer, not to the preload. The channel names come from ./ipc, whose runtime part is tiny.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DeskBridge, DeskEvent, DeskResult, MethodInput, MethodName, MethodResult } from '../db/api';
import { DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL } from './ipc';
import { createPrintBridge } from './print/preload-print';

/**
 * One IPC listener for all subscriptions, fanned out here: a listener per `on()` would trip Node's
 * max-listeners warning once a dozen components subscribe.
 */
const subscribers = new Map<string, Set<() => void>>();

ipcRenderer.on(DESK_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown) => {
  if (typeof name !== 'string') return;
  // Copy first: a listener may unsubscribe itself while we iterate.
  for (const listener of [...(subscribers.get(name) ?? [])]) {
    try {
      listener();
    } catch (error) {
      // One failing page listener must not keep the others from hearing the event.
      console.error(`desk.on('${name}') listener failed`, error);
    }
  }
});

const bridge = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<DeskResult<MethodResult<M>>> {
    // Main answers every call with the dispatcher's DeskResult for `method` (electron/ipc.ts never
    // rejects); invoke() is untyped, so the type is restated here.
    return ipcRenderer.invoke(DESK_CALL_CHANNEL, method, input) as Promise<DeskResult<MethodResult<M>>>;
  },
  on(event: DeskEvent, listener: () => void): () => void {
    let listeners = subscribers.get(event);
    if (!listeners) {
      listeners = new Set();
      subscribers.set(event, listeners);
    }
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const subscription = (): void => listener();
    listeners.add(subscription);
    return () => {
      listeners.delete(subscription);
    };
  },
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('desk', bridge);
contextBridge.exposeInMainWorld('counterdeskPrint', createPrintBridge(ipcRenderer));
