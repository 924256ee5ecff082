/**
 * Phones at the counter. Reading a typed phone into its number and digits (`phone_invalid` when it
 * is none) is shared with head office, so it lives with the sync protocol; masking is the counter's.
 */
export { normalisePhone, type NormalisedPhone, type PhoneKind } from '../sync/phone-digits';

/** 138****5678: what lists and reports show (docs/DOMAIN.md §9). */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
