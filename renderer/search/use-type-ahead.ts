/**
 * A desk query for a box that searches as keys arrive (search/latest-only.ts): asked at once,
 * one question on its way at a time, and only the latest input's answer shown. `input` null
 * means the box is empty: nothing is asked and nothing is shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { DeskEvent, DeskResult, MethodInput, MethodName, MethodResult } from '../../db/api';
import { desk } from '../desk';
import { latestOnly, type LatestOnly } from './latest-only';

export type TypeAheadState<T> = {
  /** The latest answered value (for the input on screen when `current`). */
  result: DeskResult<T> | undefined;
  /** The answer shown is the one for `input` as it is now. */
  current: boolean;
};

export function useTypeAhead<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  refetchOn: ReadonlyArray<DeskEvent> = [],
): TypeAheadState<MethodResult<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; result: DeskResult<MethodResult<M>> } | null>(null);
  const asker = useRef<LatestOnly<string> | null>(null);

  useEffect(() => {
    const asking = latestOnly<string, DeskResult<MethodResult<M>>>(
      (json) => desk.call(method, JSON.parse(json) as MethodInput<M>),
      (json, result) => setAnswer({ key: json, result }),
      (json) => json,
    );
    asker.current = asking;
    return () => {
      asking.stop();
      asker.current = null;
    };
  }, [method]);

  const latestKey = useRef(key);
  useEffect(() => {
    latestKey.current = key;
    if (key === null) asker.current?.clear();
    else asker.current?.ask(key);
  }, [key, method]);

  const eventsKey = refetchOn.join(' ');
  useEffect(() => {
    const offs = eventsKey
      .split(' ')
      .filter((event): event is DeskEvent => event !== '')
      .map((event) =>
        desk.on(event, () => {
          if (latestKey.current !== null) asker.current?.ask(latestKey.current, true);
        }),
      );
    return () => {
      for (const off of offs) off();
    };
  }, [eventsKey]);

  if (key === null) return { result: undefined, current: false };
  return { result: answer?.result, current: answer?.key === key };
}
