/** React hooks over `desk`: read a method's result and keep it fresh on events; run a mutation. */
import { useCallback, useEffect, useState } from 'react';
import type { DeskError, DeskEvent, DeskResult, MethodInput, MethodName, MethodResult } from '../db/api';
import { desk } from './desk';

export type QueryState<T> =
  | { status: 'loading'; value: T | undefined }
  | { status: 'ok'; value: T }
  | { status: 'error'; value: T | undefined; error: DeskError };

type QueryOptions = {
  /** Read again when one of these events arrives. */
  refetchOn?: ReadonlyArray<DeskEvent>;
  /** When false nothing is read and the state is `loading` with the last value. */
  enabled?: boolean;
};

/** The last answer, for which input, and the last successful value (kept while re-reading). */
type Settled<T> = { key: string; result: DeskResult<T>; lastValue: T | undefined };

/**
 * Calls `method` with `input` and again whenever `input` changes (compared as JSON) or a
 * `refetchOn` event arrives. While a new answer is on its way the previous value stays available,
 * so a list being searched does not flicker.
 */
export function useDeskQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: QueryOptions = {},
): { state: QueryState<MethodResult<M>>; refetch: () => void } {
  const { refetchOn = [], enabled = true } = options;
  const inputJson = JSON.stringify(input);
  const key = `${method} ${inputJson}`;
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<MethodResult<M>> | null>(null);
  const eventsKey = refetchOn.join(' ');

  useEffect(() => {
    const unsubscribe = eventsKey
      .split(' ')
      .filter((event): event is DeskEvent => event !== '')
      .map((event) => desk.on(event, () => setVersion((v) => v + 1)));
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [eventsKey]);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    // inputJson is this render's input serialised; parsing it back keeps the effect keyed by value.
    const callInput = JSON.parse(inputJson) as MethodInput<M>;
    void desk.call(method, callInput).then((result) => {
      if (!current) return;
      const answerKey = `${method} ${inputJson}`;
      setSettled((previous) => ({ key: answerKey, result, lastValue: result.ok ? result.value : previous?.lastValue }));
    });
    return () => {
      current = false;
    };
  }, [method, inputJson, version, enabled]);

  const refetch = useCallback((): void => setVersion((v) => v + 1), []);
  const lastValue = settled?.lastValue;
  const fresh = enabled && settled?.key === key ? settled.result : null;
  if (!fresh) return { state: { status: 'loading', value: lastValue }, refetch };
  if (!fresh.ok) return { state: { status: 'error', value: lastValue, error: fresh.error }, refetch };
  return { state: { status: 'ok', value: fresh.value }, refetch };
}

/** Runs a mutating method; `pending` is true while a call is on its way. */
export function useDeskMutation<M extends MethodName>(
  method: M,
): { run: (input: MethodInput<M>) => Promise<DeskResult<MethodResult<M>>>; pending: boolean } {
  const [pending, setPending] = useState(0);
  const run = async (input: MethodInput<M>): Promise<DeskResult<MethodResult<M>>> => {
    setPending((n) => n + 1);
    try {
      return await desk.call(method, input);
    } finally {
      setPending((n) => n - 1);
    }
  };
  return { run, pending: pending > 0 };
}
