/** Phone numbers in the customers area: normalised as sync forms them, masked for lists (docs/DOMAIN.md §9). */
export { normalisePhone, type NormalisedPhone, type PhoneKind } from '../sync/phone-digits';

/** 138****5678: what lists and reports show (DOMAIN.md §9). */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
