/**
 * The first version of the signed service form: ticket fields and the completion text, without
 * the parts, the charges and the terms. Signatures given on it stay readable and are still checked
 * against the ticket as it stands, by rebuilding this version from the current content
 * (db/tickets/signature-check.ts); new signatures are on the current version (service-form.ts).
 * No Node imports.
 */
import type { TicketForm } from './intake';

export const SERVICE_FORM_V1 = 'repair-service-form/1';

/** What this version was made of: the ticket as stored. */
export type ServiceFormV1Source = Readonly<{
  number: string;
  customerName: string;
  productLabel: string;
  technicianName: string;
  form: TicketForm;
}>;

/** What the technician writes at completion, and who signs. */
export type Completion = Readonly<{ workDone: string; result: string; signerName: string }>;

export type ServiceFormV1 = Readonly<{
  form: typeof SERVICE_FORM_V1;
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

export function field(form: TicketForm, key: string): string {
  const value = form[key];
  return typeof value === 'string' ? value : '';
}

export function buildServiceFormV1(source: ServiceFormV1Source, completion: Completion): ServiceFormV1 {
  return {
    form: SERVICE_FORM_V1,
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
