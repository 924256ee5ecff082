/**
 * Reading from head office in a page: the answer, the refusal in the reader's words, whether it is
 * loading, and `reload()`. An answer that arrives after the page moved on (other filters, another
 * page) is dropped, so an older, slower answer never replaces a newer one.
 */
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorText } from './shell/error-text';

export type Loaded<T> = { data: T | undefined; problem: string | null; loading: boolean; reload(): void };

export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; problem: string | null; loading: boolean }>({
    data: undefined,
    problem: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, problem: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, problem: errorText(error), loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is a new function each render; the caller's deps say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round, ...deps]);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    setRound((r) => r + 1);
  }, []);
  return { ...state, reload };
}
