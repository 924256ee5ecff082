/** The sync status, read every few seconds (sync runs beside the counter and sends no events). */
import { useEffect } from 'react';
import { useDeskQuery } from '../../use-desk';

const POLL_MS = 3_000;

export function useSyncStatus() {
  const query = useDeskQuery('sync.status', {}, { refetchOn: ['sync.changed'] });
  const { refetch } = query;
  useEffect(() => {
    const timer = window.setInterval(refetch, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);
  return query;
}
