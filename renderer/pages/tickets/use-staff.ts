/** Active staff who work tickets, for the responsible-person and technician pickers. */
import type { StaffSummary } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function useTicketStaff(): ReadonlyArray<StaffSummary> {
  const { state } = useDeskQuery('tickets.staff', {}, { refetchOn: ['staff.changed'] });
  return state.value ?? [];
}
