/**
 * The sync status, read again whenever the engine announces `sync.changed`: a round starting and
 * ending, a push sent, a change refused or kept aside, a change waiting to be sent
 * (docs/architecture/live-refresh.md). What moves between those events is only the row count of
 * a running sync and the "5 minutes ago" of the last one: read every few seconds while a sync
 * runs, and once a minute otherwise.
 */
import { useEffect } from 'react';
import { useDeskQuery } from '../../use-desk';

const WHILE_SYNCING_MS = 3_000;
const WHILE_IDLE_MS = 60_000;

export function useSyncStatus() {
  const query = useDeskQuery('sync.status', {}, { refetchOn: ['sync.changed'] });
  const { refetch } = query;
  const state = query.state.value?.state;
  const busy = state === 'syncing' || state === 'enrolling';
  useEffect(() => {
    const timer = window.setInterval(refetch, busy ? WHILE_SYNCING_MS : WHILE_IDLE_MS);
    return () => window.clearInterval(timer);
  }, [refetch, busy]);
  return query;
}
