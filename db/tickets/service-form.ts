/**
 * The repair service form (维修服务单) the customer signs on completion (docs/DOMAIN.md §5), and the
 * canonical JSON its signature is bound to. The renderer builds the form from the ticket it shows
 * and hashes it (SHA-256) as the customer signs; the main process rebuilds it from the stored
 * ticket and the same completion text, and refuses the signature if the hashes differ: the
 * customer signed something other than what is being stored. No Node imports.
 */
import type { TicketForm } from './intake';

export const SERVICE_FORM_VERSION = 'repair-service-form/1';

/** What the form is made of: the ticket as stored, plus what the technician writes at completion. */
export type ServiceFormSource = Readonly<{
  number: string;
  customerName: string;
  productLabel: string;
  technicianName: string;
  form: TicketForm;
}>;

export type Completion = Readonly<{ workDone: string; result: string; signerName: string }>;

export type ServiceForm = Readonly<{
  form: typeof SERVICE_FORM_VERSION;
  ticketNumber: string;
  customer: string;
  product: string;
  location: string;
  address: string;
  fault: string;
  accessories: string;
  condition: string;
  technician: string;
  workDone: string;
  result: string;
  signedBy: string;
}>;

function field(form: TicketForm, key: string): string {
  const value = form[key];
  return typeof value === 'string' ? value : '';
}

export function buildServiceForm(source: ServiceFormSource, completion: Completion): ServiceForm {
  return {
    form: SERVICE_FORM_VERSION,
    ticketNumber: source.number,
    customer: source.customerName,
    product: source.productLabel,
    location: field(source.form, 'location'),
    address: field(source.form, 'address'),
    fault: field(source.form, 'fault'),
    accessories: field(source.form, 'accessories'),
    condition: field(source.form, 'condition'),
    technician: source.technicianName,
    workDone: completion.workDone.trim(),
    result: completion.result.trim(),
    signedBy: completion.signerName.trim(),
  };
}

/**
 * JSON with object keys sorted and no white space, so one value has one text on every machine
 * (the subset of RFC 8785 our forms need: strings, finite numbers, booleans, null, arrays, objects).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
}
