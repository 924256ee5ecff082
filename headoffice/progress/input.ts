/**
 * What a customer types into the progress form, made into the ticket number and phone tail the
 * look-up takes. Phones type full-width characters and odd dashes (Ｓ０１２－２…, S012–2…),
 * lower case, spaces: all are read as meant. Anything else is refused with the field it concerns,
 * before any look-up or count by number.
 */

/** S012-2-20261123-0004: store code, counter number, local date, the counter's daily sequence (db/tickets/number.ts). */
export const TICKET_NUMBER = /^[A-Z][A-Z0-9]{1,9}-\d{1,3}-\d{8}-\d{4,6}$/;
/** Longer than any ticket number with room for stray spaces; longer input is not read at all. */
export const MAX_FIELD_LENGTH = 64;

export type ProgressQuery = { number: string; tail: string };
export type InputProblem = 'badNumber' | 'badTail';

function plain(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_FIELD_LENGTH) return null;
  return raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .replace(/\s+/g, '');
}

export function readQuery(rawNumber: unknown, rawTail: unknown): ProgressQuery | InputProblem {
  const number = plain(rawNumber)?.toUpperCase() ?? '';
  if (!TICKET_NUMBER.test(number)) return 'badNumber';
  const tail = plain(rawTail) ?? '';
  if (!/^\d{4}$/.test(tail)) return 'badTail';
  return { number, tail };
}

/** The number as a log line may show it: the store and counter, the rest masked. */
export function maskedNumber(number: string): string {
  const parts = number.split('-');
  return parts.length === 4 ? `${parts[0]}-${parts[1]}-********-****` : '****';
}
