/**
 * The only way the UI talks to the app (docs/DESIGN.md "How a call flows"). Inside Electron the preload
 * exposes `window.desk`; in a plain browser the same contract is spoken over HTTP to the browser
 * host (docs/STYLE.md §1: one contract, two transports).
 */
import { DESK_EVENTS } from '../db/api';
import type { DeskBridge, DeskError, DeskEvent, DeskResult, MethodInput, MethodName, MethodResult } from '../db/api';

function internalError(message: string): DeskResult<never> {
  return { ok: false, error: { code: 'internal', key: 'internal', message } };
}

function isDeskResult(body: unknown): body is DeskResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null;
}

async function callOverHttp<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<DeskResult<MethodResult<M>>> {
  let body: unknown;
  try {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ method, input }),
    });
    body = await response.json();
  } catch (error) {
    return internalError(error instanceof Error ? error.message : String(error));
  }
  if (!isDeskResult(body)) return internalError('The desk answered with something that is not a result');
  // The host validated the input and produced the value from the same contract.
  return body as DeskResult<MethodResult<M>>;
}

function isDeskEvent(event: unknown): event is DeskEvent {
  return DESK_EVENTS.some((known) => known === event);
}

const listeners = new Map<DeskEvent, Set<() => void>>();
let events: EventSource | null = null;

function notify(set: ReadonlySet<() => void> | undefined): void {
  // Copy first: a listener may unsubscribe itself while we iterate.
  for (const listener of [...(set ?? [])]) {
    try {
      listener();
    } catch (error) {
      console.error('desk event listener failed', error);
    }
  }
}

function notifyAll(): void {
  for (const set of listeners.values()) notify(set);
}

function openEvents(): void {
  if (events) return;
  events = new EventSource('/api/events');
  let lostConnection = false;
  events.onmessage = (message: MessageEvent<string>) => {
    let event: unknown;
    try {
      event = (JSON.parse(message.data) as { event?: unknown }).event;
    } catch {
      return;
    }
    if (!isDeskEvent(event)) return;
    notify(listeners.get(event));
  };
  events.onerror = () => {
    lostConnection = true;
  };
  events.onopen = () => {
    // Events may have been missed while the connection was down: let every view re-read.
    if (lostConnection) notifyAll();
    lostConnection = false;
  };
}

function onOverHttp(event: DeskEvent, listener: () => void): () => void {
  openEvents();
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

const httpBridge = { call: callOverHttp, on: onOverHttp } satisfies DeskBridge;

type SessionLostListener = (error: DeskError) => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Called whenever any call finds the session gone (signed out elsewhere, or locked when idle). */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => {
    sessionLostListeners.delete(listener);
  };
}

function watchSession(bridge: DeskBridge): DeskBridge {
  return {
    async call(method, input) {
      const result = await bridge.call(method, input);
      if (!result.ok && (result.error.code === 'not_signed_in' || result.error.code === 'session_expired')) {
        for (const listener of sessionLostListeners) listener(result.error);
      }
      return result;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

export const desk: DeskBridge = watchSession(window.desk ?? httpBridge);
