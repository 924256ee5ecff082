/**
 * Chinese phone numbers as a counter takes them: a mobile (11 digits, 1[3-9]…) or a landline with
 * its area code (010/02x have 3 digits with the 0, the rest 4). Spaces, dashes, brackets and a
 * leading +86 / 0086 are forgiven; anything else is refused with `phone_invalid`.
 *
 * A synced phone's `digits` are formed here, and head office matches customers by them too, so
 * both sides import this one pure function (docs/architecture/sync.md, the sync protocol).
 */
export type PhoneKind = 'mobile' | 'landline';
export type NormalisedPhone = { kind: PhoneKind; number: string; digits: string };

export function normalisePhone(raw: string): NormalisedPhone | null {
  let digits = raw.replace(/[\s\-()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  if (!/^\d+$/.test(digits)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', number: digits, digits };
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  if (/^0[1-9]\d{9,10}$/.test(digits)) {
    const local = digits.slice(areaLength);
    if (local.length < 7 || local.length > 8 || local.startsWith('0') || local.startsWith('1')) return null;
    return { kind: 'landline', number: `${digits.slice(0, areaLength)}-${local}`, digits };
  }
  return null;
}

