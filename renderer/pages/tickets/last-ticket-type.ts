/**
 * The ticket type last taken on this PC, per staff member, so the intake opens on it: a counter
 * that mostly takes repairs does not pick "repair" every time. Kept in the window's localStorage
 * beside the language choice (renderer/i18n/language.ts): a preference of this PC and this person,
 * not shop data, so it is neither synced nor in the database, and a value that is not a ticket type
 * (an older version's, a hand edit) reads as none.
 */
import { TICKET_TYPES, type TicketType } from '../../../db/api';

const KEY_PREFIX = 'counterdesk.lastTicketType.';

export function lastTicketType(
  staffId: string,
  storage: Pick<Storage, 'getItem'> = window.localStorage,
): TicketType | null {
  try {
    const saved = storage.getItem(KEY_PREFIX + staffId);
    return TICKET_TYPES.find((type) => type === saved) ?? null;
  } catch {
    // Storage switched off: the form opens on its default.
    return null;
  }
}

export function rememberTicketType(
  staffId: string,
  type: TicketType,
  storage: Pick<Storage, 'setItem'> = window.localStorage,
): void {
  try {
    storage.setItem(KEY_PREFIX + staffId, type);
  } catch {
    // A full or switched-off storage loses a convenience, nothing else.
  }
}
