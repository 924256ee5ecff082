/**
 * Price a job and have the customer approve it by phone, for tests and seeds whose subject is not
 * the estimate but whose repair must start (work that costs money waits for an approved estimate,
 * db/tickets/estimates/gate.ts).
 */
import { createHash } from 'node:crypto';
import { addDays, estimateCanonicalJson, type MethodInput, type MethodResult } from '../../db/api';

type Ok = <M extends 'tickets.estimates' | 'tickets.estimateSave' | 'tickets.estimateDecide'>(
  method: M,
  input: MethodInput<M>,
) => Promise<MethodResult<M>>;

export async function approvedEstimate(ok: Ok, ticketId: string, customerName: string, totalFen = 8000): Promise<void> {
  const { today, versions } = await ok('tickets.estimates', { ticketId });
  const saved = await ok('tickets.estimateSave', {
    ticketId,
    estimateId: versions[0]?.id ?? null,
    validUntil: addDays(today, 7),
    lines: [{ kind: 'labour', description: '检测维修', quantity: 1, unitPriceFen: totalFen, covered: false }],
  });
  const estimate = saved.versions[0]!;
  await ok('tickets.estimateDecide', {
    estimateId: estimate.id,
    decision: 'approved',
    method: 'phone',
    customerName,
    estimateHash: createHash('sha256').update(estimateCanonicalJson(estimate), 'utf8').digest('hex'),
  });
}
