/**
 * The customer's signature on the repair service form (维修服务单). It is stored with the ticket as
 * the strokes drawn on the pad (redrawable at any size for the printed job sheet) together with
 * the canonical JSON of the form it signs and that JSON's SHA-256. The hash the renderer computed
 * while the customer signed must equal the one rebuilt here from the stored ticket: otherwise the
 * customer signed something other than what would be stored, and the completion is refused.
 * Whether a signature still matches the ticket as it stands is signature-check.ts's.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { newId } from '../ids';
import type { DB } from '../schema';
import { insertRecorded, type TxContext } from '../sync/change-log';
import { hlcInstant } from './events';
import {
  buildServiceForm,
  canonicalJson,
  type Completion,
  type ServiceForm,
  type ServiceFormSource,
} from './service-form';
import type { AnyServiceForm } from './signed-changes';
import type { SignatureInput } from './step-input';
import type { SignatureView } from './views';

export type StoredSignature = Omit<SignatureView, 'intact' | 'matches' | 'changes'>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type SignedForm = Readonly<{ form: ServiceForm; json: string; hash: string }>;

/** Rebuild the form from the stored ticket and check the customer signed exactly this. */
export function verifySignedForm(source: ServiceFormSource, completion: Completion, claimedHash: string): SignedForm {
  const form = buildServiceForm(source, completion);
  const json = canonicalJson(form);
  const hash = sha256Hex(json);
  if (hash !== claimedHash) throw new DeskFailure('conflict', 'signature_form_changed', 'signature');
  return { form, json, hash };
}

export async function insertSignature(
  tx: TxContext,
  ticketId: string,
  eventId: string,
  signerName: string,
  signature: SignatureInput,
  signed: SignedForm,
): Promise<string> {
  const hlc = tx.stamp();
  const row = {
    id: newId(),
    ticketId,
    eventId,
    signerName,
    strokes: JSON.stringify(
      signature.strokes.map((stroke) => stroke.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10])),
    ),
    width: signature.width,
    height: signature.height,
    formJson: signed.json,
    formHash: signed.hash,
    signedAt: hlcInstant(hlc),
    hlc,
  };
  await insertRecorded(tx, 'ticketSignature', 'ticket_signature', row);
  return row.id;
}

/** The signatures as stored; detail.ts adds whether each still matches (signature-check.ts). */
export async function loadSignatures(db: Kysely<DB>, ticketId: string): Promise<StoredSignature[]> {
  const rows = await db
    .selectFrom('ticketSignature')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('hlc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    signerName: row.signerName,
    width: row.width,
    height: row.height,
    strokes: JSON.parse(row.strokes) as Array<Array<[number, number]>>,
    form: JSON.parse(row.formJson) as AnyServiceForm,
    formHash: row.formHash,
    signedAt: row.signedAt,
  }));
}
