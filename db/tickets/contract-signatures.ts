/** The customer's signature after completion: sign the current form again, or accept a change with a reason. No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { requiredText } from './intake';
import { signatureSchema } from './step-input';

const id = z.uuid({ error: 'invalid_value' });
const version = textInput({ error: 'invalid_value' }).min(1, 'invalid_value').max(200, 'invalid_value');
const sha256 = textInput().regex(/^[0-9a-f]{64}$/, 'invalid_value');

/** The customer signs the service form as the ticket now stands (`formHash`: of what they were shown). */
export const signAgainSchema = z.object({
  ticketId: id,
  version,
  signerName: requiredText(40),
  signature: signatureSchema,
  formHash: sha256,
});
export type SignAgainInput = z.input<typeof signAgainSchema>;

/** A lead accepts the content with hash `currentHash` (what they were shown) as it stands, and says why. */
export const acceptFormChangeSchema = z.object({
  ticketId: id,
  version,
  currentHash: sha256,
  reason: requiredText(500),
});
export type AcceptFormChangeInput = z.input<typeof acceptFormChangeSchema>;
