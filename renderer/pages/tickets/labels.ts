/** Names of types, states and steps in the UI language (state and step names come from db/). */
import { useTranslation } from 'react-i18next';
import type { EventAction, TicketStatus, TicketType } from '../../../db/api';

export function useTicketLabels() {
  const { t } = useTranslation('tickets');
  return {
    type: (type: TicketType): string => t(`types.${type}`),
    status: (status: string): string => t(`statuses.${status as TicketStatus}`, { defaultValue: status }),
    action: (action: string): string => t(`actions.${action as EventAction}`, { defaultValue: action }),
  };
}
