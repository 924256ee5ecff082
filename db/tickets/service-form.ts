/**
 * The repair service form (维修服务单) the customer signs (docs/DOMAIN.md §5), and what the
 * signature binds: the ticket's fields and the work done, the parts issued to the job (the stock
 * ledger), the charge lines and payments with their totals, and the terms printed on the form.
 * The renderer builds it from the ticket it shows and hashes its canonical JSON (SHA-256) as the
 * customer signs; the main process rebuilds it from the stored ticket and refuses the signature if
 * the hashes differ. Later, the same rebuild from the ticket as it stands tells whether the
 * signature still matches (db/tickets/signature-check.ts). No Node imports.
 */
import type { ChargeSummary } from '../charges/summary';
import type { TicketForm } from './intake';
import { field, type Completion } from './service-form-v1';
import type { ServiceTerms } from './service-terms';

export const SERVICE_FORM_VERSION = 'repair-service-form/2';

/** A part issued to the job through its requisitions (issued less returned), at the catalogue price. */
export type SignedPart = Readonly<{ partNo: string; description: string; qty: number; unit: string; unitFen: number }>;

/** What the form is made of: the ticket, its parts and money as stored, and the terms in force. */
export type ServiceFormSource = Readonly<{
  number: string;
  customerName: string;
  productLabel: string;
  technicianName: string;
  form: TicketForm;
  parts: ReadonlyArray<SignedPart>;
  charges: ChargeSummary;
  terms: ServiceTerms;
}>;

export type SignedChargeLine = Readonly<{
  id: string;
  kind: string;
  description: string;
  quantity: number;
  unitPriceFen: number;
  covered: boolean;
  amountFen: number;
  reason: string;
}>;

export type SignedPayment = Readonly<{
  id: string;
  kind: string;
  method: string;
  amountFen: number;
  refundOf: string | null;
  reason: string;
  takenAt: string;
}>;

export type SignedTotals = Readonly<{ chargesFen: number; coveredFen: number; paidFen: number; balanceFen: number }>;

export type ServiceForm = Readonly<{
  form: typeof SERVICE_FORM_VERSION;
  ticketNumber: string;
  customer: string;
  product: string;
  location: string;
  /** The visit address of an on-site repair; empty in store, where no one goes to the customer. */
  address: string;
  fault: string;
  accessories: string;
  condition: string;
  technician: string;
  workDone: string;
  result: string;
  signedBy: string;
  parts: ReadonlyArray<SignedPart>;
  charges: ReadonlyArray<SignedChargeLine>;
  payments: ReadonlyArray<SignedPayment>;
  totals: SignedTotals;
  terms: ServiceTerms;
}>;

export type { Completion } from './service-form-v1';

export function buildServiceForm(source: ServiceFormSource, completion: Completion): ServiceForm {
  const location = field(source.form, 'location');
  const { charges } = source;
  return {
    form: SERVICE_FORM_VERSION,
    ticketNumber: source.number,
    customer: source.customerName,
    product: source.productLabel,
    location,
    address: location === 'on_site' ? field(source.form, 'address') : '',
    fault: field(source.form, 'fault'),
    accessories: field(source.form, 'accessories'),
    condition: field(source.form, 'condition'),
    technician: source.technicianName,
    workDone: completion.workDone.trim(),
    result: completion.result.trim(),
    signedBy: completion.signerName.trim(),
    parts: source.parts.map((p) => ({
      partNo: p.partNo,
      description: p.description,
      qty: p.qty,
      unit: p.unit,
      unitFen: p.unitFen,
    })),
    charges: charges.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      covered: line.covered,
      amountFen: line.amountFen,
      reason: line.reason,
    })),
    payments: charges.payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      method: p.method,
      amountFen: p.amountFen,
      refundOf: p.refundOf,
      reason: p.reason,
      takenAt: p.takenAt,
    })),
    totals: {
      chargesFen: charges.chargesFen,
      coveredFen: charges.coveredFen,
      paidFen: charges.paidFen,
      balanceFen: charges.balanceFen,
    },
    terms: { version: source.terms.version, zh: [...source.terms.zh], en: [...source.terms.en] },
  };
}

export { canonicalJson } from './canonical-json';
