/**
 * What changed between the form a customer signed and the same form rebuilt from the ticket as it
 * stands, field by field and line by line, for the page and the printed form to say in plain words
 * ("part removed: 1 × motor", "payment added: ¥100.00"). Parts are matched by part number, charge
 * lines and payments by id. No Node imports.
 */
import { canonicalJson } from './canonical-json';
import type { ServiceForm, SignedChargeLine, SignedPart, SignedPayment, SignedTotals } from './service-form';
import type { ServiceFormV1 } from './service-form-v1';

export type AnyServiceForm = ServiceForm | ServiceFormV1;

export const FORM_TEXT_FIELDS = [
  'ticketNumber',
  'customer',
  'product',
  'location',
  'address',
  'fault',
  'accessories',
  'condition',
  'technician',
  'workDone',
  'result',
] as const;
export type FormTextField = (typeof FORM_TEXT_FIELDS)[number];

export const TOTAL_FIELDS = ['chargesFen', 'coveredFen', 'paidFen', 'balanceFen'] as const;

/** A list line's change: added (signed null), removed (current null) or changed (both). */
type LineChange<K extends string, T> = Readonly<{ kind: K; signed: T | null; current: T | null }>;

export type FormChange =
  | Readonly<{ kind: 'text'; field: FormTextField; signed: string; current: string }>
  | LineChange<'part', SignedPart>
  | LineChange<'charge', SignedChargeLine>
  | LineChange<'payment', SignedPayment>
  | Readonly<{ kind: 'total'; field: keyof SignedTotals; signed: number; current: number }>
  | Readonly<{ kind: 'terms'; signed: string; current: string }>;

/** A page shows at most this many; a form changed beyond that is changed all the same. */
export const MAX_CHANGES = 40;

function lineChanges<K extends string, T>(
  kind: K,
  signed: ReadonlyArray<T>,
  current: ReadonlyArray<T>,
  keyOf: (line: T) => string,
): Array<LineChange<K, T>> {
  const before = new Map(signed.map((line) => [keyOf(line), line]));
  const after = new Map(current.map((line) => [keyOf(line), line]));
  const changes: Array<LineChange<K, T>> = [];
  for (const [key, line] of before) {
    const now = after.get(key);
    if (now === undefined) changes.push({ kind, signed: line, current: null });
    else if (canonicalJson(now) !== canonicalJson(line)) changes.push({ kind, signed: line, current: now });
  }
  for (const [key, line] of after) if (!before.has(key)) changes.push({ kind, signed: null, current: line });
  return changes;
}

/** Both forms of one version: the signature's own, and its rebuild from the current ticket. */
export function formChanges(signed: AnyServiceForm, current: AnyServiceForm): FormChange[] {
  const changes: FormChange[] = [];
  for (const field of FORM_TEXT_FIELDS)
    if (signed[field] !== current[field])
      changes.push({ kind: 'text', field, signed: signed[field], current: current[field] });
  if (signed.form === 'repair-service-form/2' && current.form === 'repair-service-form/2') {
    changes.push(
      ...lineChanges('part', signed.parts, current.parts, (p) => `${p.partNo}\u0000${p.unit}`),
      ...lineChanges('charge', signed.charges, current.charges, (c) => c.id),
      ...lineChanges('payment', signed.payments, current.payments, (p) => p.id),
    );
    for (const field of TOTAL_FIELDS)
      if (signed.totals[field] !== current.totals[field])
        changes.push({ kind: 'total', field, signed: signed.totals[field], current: current.totals[field] });
    if (canonicalJson(signed.terms) !== canonicalJson(current.terms))
      changes.push({ kind: 'terms', signed: signed.terms.version, current: current.terms.version });
  }
  return changes.slice(0, MAX_CHANGES);
}

export type FormAcceptance = Readonly<{ staffName: string | null; at: string; reason: string }>;

/**
 * The repair's latest signature against its current content. `accepted`: it no longer matches,
 * but a lead recorded why this content stands.
 */
export type FormAgreement = Readonly<{
  state: 'matches' | 'changed' | 'accepted';
  signatureId: string;
  currentHash: string;
  acceptance: FormAcceptance | null;
}>;
