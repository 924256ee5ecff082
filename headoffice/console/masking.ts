/**
 * Customers' personal data as the console shows it to a role that may not see it in full: a phone
 * as `138****5678`, a name as its surname and stars (`张*`), an address as its first characters
 * (the district) and stars. Applied on the server, so the full value never reaches such a browser.
 * Records of any kind (a refused change, a lost conflict) are masked by their field names, so a
 * synced table added later with a `phone` or `address` field is masked too.
 */
import { normalisePhone } from '../../db/sync/phone-digits';

export function maskPhone(phone: string): string {
  // The digits the counters store (+86 and punctuation dropped), so 138****5678 however it was typed.
  const digits = normalisePhone(phone)?.digits ?? phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The surname (the first character) and a star for each other character: 张伟明 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** The first 6 characters (province and city, or the district) and stars. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

const PHONE_FIELD = /phone|mobile|digits|^tel|contactnumber/i;
const ADDRESS_FIELD = /address|visitaddress/i;
const NAME_FIELD = /^(customername|contactname|name)$/i;
/** Records whose `name` is a person's (a customer's), not a part's or a store's. */
const PERSON_ENTITIES = new Set(['customer']);

/** A value of a field, masked when its name says it is a phone, an address or a customer's name. */
export function maskField(entity: string, field: string, value: unknown, depth = 0): unknown {
  // A ticket's intake form nests its fields (a contact phone inside `form`): masked by name too.
  if (Array.isArray(value)) return depth > 4 ? '…' : value.map((item) => maskField(entity, field, item, depth + 1));
  if (value !== null && typeof value === 'object')
    return depth > 4
      ? '…'
      : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskField(entity, key, item, depth + 1)]));
  if (typeof value !== 'string' || value === '') return value;
  if (PHONE_FIELD.test(field) || (entity === 'customer_phone' && field === 'number')) return maskPhone(value);
  if (ADDRESS_FIELD.test(field)) return maskAddress(value);
  if (NAME_FIELD.test(field) && (field.toLowerCase() !== 'name' || PERSON_ENTITIES.has(entity))) return maskName(value);
  return value;
}

export function maskFields(entity: string, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, maskField(entity, field, value)]));
}
