/**
 * Whether a customer's signature still binds the ticket: each signed form is rebuilt, in the
 * version it was signed on, from the ticket as it stands (service-form-source.ts) and its hash
 * compared with the signed one. A stored form that hashes to its stored hash only proves the row
 * was not tampered with; what the customer agreed to can have changed since (a part returned, a
 * payment taken), and then the signature no longer matches, with what changed listed.
 *
 * A repair whose latest signature no longer matches is not closed until the customer signs the
 * current form, or a lead records why the change stands (`accept_form_change`, bound to the hash
 * of the content it accepts: any further change needs another).
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { canonicalJson } from './canonical-json';
import { buildServiceForm, SERVICE_FORM_VERSION, type ServiceFormSource } from './service-form';
import { currentCompletion, loadServiceFormSource } from './service-form-source';
import { buildServiceFormV1, SERVICE_FORM_V1 } from './service-form-v1';
import { formChanges, type AnyServiceForm, type FormAgreement, type FormChange } from './signed-changes';
import { sha256Hex } from './signatures';

export type SignatureCheck = Readonly<{
  signatureId: string;
  /** The form as signed still hashes to the hash stored with it. */
  intact: boolean;
  /** The form rebuilt from the ticket as it stands hashes to the signed hash. */
  matches: boolean;
  /** What differs between the signed form and the rebuilt one (empty when it matches). */
  changes: ReadonlyArray<FormChange>;
  /** The hash of the form as the ticket now stands (in the signed version). */
  currentHash: string;
}>;

export type TicketSignatureChecks = Readonly<{
  checks: ReadonlyArray<SignatureCheck>;
  /** Null: nothing signed yet (or not a repair). */
  agreement: FormAgreement | null;
}>;

function rebuild(stored: AnyServiceForm, source: ServiceFormSource, events: WorkEvents, signerName: string) {
  const completion = currentCompletion(events, signerName);
  if (stored.form === SERVICE_FORM_V1) return buildServiceFormV1(source, completion);
  if (stored.form === SERVICE_FORM_VERSION) return buildServiceForm(source, completion);
  return null;
}

type WorkEvents = ReadonlyArray<{ action: string; data: string }>;

function parseForm(json: string): AnyServiceForm | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && 'form' in value ? (value as AnyServiceForm) : null;
  } catch {
    return null;
  }
}

/** `source`: the ticket's service form source when the caller has read it already (it is read in full). */
export async function checkSignatures(
  db: Kysely<DB>,
  ticketId: string,
  known?: ServiceFormSource | null,
): Promise<TicketSignatureChecks> {
  const rows = await db
    .selectFrom('ticketSignature')
    .select(['id', 'signerName', 'formJson', 'formHash'])
    .where('ticketId', '=', ticketId)
    .orderBy('hlc')
    .execute();
  if (rows.length === 0) return { checks: [], agreement: null };
  const source = known !== undefined ? known : await loadServiceFormSource(db, ticketId);
  const events = await db
    .selectFrom('ticketEvent')
    .leftJoin('staff', 'staff.id', 'ticketEvent.staffId')
    .select(['action', 'data', 'at', 'note', 'staff.name as staffName'])
    .where('ticketId', '=', ticketId)
    .where('action', 'in', ['complete', 'record_work', 'accept_form_change'])
    .orderBy('ticketEvent.hlc')
    .execute();
  const checks = rows.map((row): SignatureCheck => {
    const intact = sha256Hex(row.formJson) === row.formHash;
    const stored = parseForm(row.formJson);
    const current = stored && source ? rebuild(stored, source, events, row.signerName) : null;
    if (!stored || !current) return { signatureId: row.id, intact, matches: false, changes: [], currentHash: '' };
    const currentHash = sha256Hex(canonicalJson(current));
    const matches = intact && currentHash === row.formHash;
    return { signatureId: row.id, intact, matches, changes: matches ? [] : formChanges(stored, current), currentHash };
  });
  const latest = checks[checks.length - 1]!;
  return { checks, agreement: agreementOf(latest, events) };
}

type AcceptEvent = Readonly<{ action: string; data: string; at: string; note: string; staffName: string | null }>;

function agreementOf(latest: SignatureCheck, events: ReadonlyArray<AcceptEvent>): FormAgreement {
  const base = { signatureId: latest.signatureId, currentHash: latest.currentHash };
  if (latest.matches) return { ...base, state: 'matches', acceptance: null };
  const accepted = [...events].reverse().find((event) => {
    if (event.action !== 'accept_form_change') return false;
    const data = JSON.parse(event.data) as Record<string, unknown>;
    return (
      latest.currentHash !== '' && data.signatureId === latest.signatureId && data.currentHash === latest.currentHash
    );
  });
  if (!accepted) return { ...base, state: 'changed', acceptance: null };
  return {
    ...base,
    state: 'accepted',
    acceptance: { staffName: accepted.staffName, at: accepted.at, reason: accepted.note },
  };
}

/** Closing a repair needs its latest signature to match, or the change accepted with a reason. */
export async function requireFormAgreed(db: Kysely<DB>, ticketId: string): Promise<void> {
  const { agreement } = await checkSignatures(db, ticketId);
  if (agreement?.state === 'changed') throw new DeskFailure('conflict', 'signed_form_changed');
}
