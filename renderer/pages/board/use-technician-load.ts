/** Everyone a repair can be scheduled to, with their load, kept fresh as tickets move. */
import { useTranslation } from 'react-i18next';
import type { TechnicianLoad } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function useTechnicianLoad(enabled = true): ReadonlyArray<TechnicianLoad> {
  const { state } = useDeskQuery(
    'tickets.technicianLoad',
    {},
    { enabled, refetchOn: ['tickets.changed', 'staff.changed'] },
  );
  return state.value ?? [];
}

/** "陈师傅 · 未结 3 · 今日 1": a technician as the pickers show them, load included. */
export function useLoadLabel(): (name: string, load: TechnicianLoad | undefined) => string {
  const { t } = useTranslation('board');
  return (name, load) => (load ? `${name} · ${t('board.loadShort', { open: load.open, today: load.today })}` : name);
}
