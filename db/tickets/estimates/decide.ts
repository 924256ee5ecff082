/**
 * The customer's decision on an estimate: approved or declined, signed on the pad or given by
 * phone, with who decided, when, and which staff member recorded it. The decision is bound to the
 * SHA-256 of the version's canonical JSON: the hash the screen showed must be the one rebuilt here
 * from the stored version, otherwise the customer decided on something other than what is stored
 * and nothing is recorded. Only the current version can be decided, once; an expired one cannot
 * be approved (a new version with a new validity is made instead).
 */
import type { z } from 'zod';
import { DeskFailure } from '../../handler';
import { sha256Hex } from '../signatures';
import type { estimateDecideSchema } from './contract';
import type { EstimateScene } from './methods';
import { canonicalOf, insertDecision, loadDecisions, type EstimateRow } from './store';

type DecideInput = z.output<typeof estimateDecideSchema>;

export async function recordDecision(scene: EstimateScene, row: EstimateRow, input: DecideInput): Promise<string> {
  const { ctx, ticket, today } = scene;
  if (ticket.isOpen === 0) throw new DeskFailure('validation', 'ticket_final');
  if ((await loadDecisions(ctx.trx, ticket.id)).has(row.id))
    throw new DeskFailure('conflict', 'estimate_already_decided');
  if (input.decision === 'approved' && row.validUntil < today) throw new DeskFailure('validation', 'estimate_expired');
  const json = canonicalOf(row, ticket.number);
  const hash = sha256Hex(json);
  if (hash !== input.estimateHash) throw new DeskFailure('conflict', 'estimate_changed', 'estimateHash');
  const signed = input.method === 'signature' ? input.signature : undefined;
  return insertDecision(ctx, {
    estimateId: row.id,
    ticketId: ticket.id,
    decision: input.decision,
    method: input.method,
    customerName: input.customerName,
    estimateJson: json,
    estimateHash: hash,
    strokes: signed
      ? JSON.stringify(
          signed.strokes.map((stroke) => stroke.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10])),
        )
      : null,
    width: signed?.width ?? null,
    height: signed?.height ?? null,
    note: input.note,
  });
}
