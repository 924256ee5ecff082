/**
 * Saving an estimate: part lines take the catalogue's name and price, lines left without a
 * "covered" mark follow the ticket's warranty, the totals are computed here, never taken from the
 * caller. A draft is changed in place; a version already sent or decided stays as it was, and the
 * change becomes the next version (which needs the customer's approval again).
 */
import { DeskFailure } from '../../handler';
import { addDays } from './dates';
import type { estimateSaveSchema } from './contract';
import { ESTIMATE_MAX_VALID_DAYS, estimateTotals, lineAmountFen, warrantyCovers, type EstimateLine } from './contract';
import { jobWarranty } from './gate';
import type { EstimateScene } from './methods';
import { insertEstimate, loadDecisions, loadEstimateRows, updateEstimate } from './store';
import type { z } from 'zod';

type SaveInput = z.output<typeof estimateSaveSchema>;

async function pricedLines(scene: EstimateScene, input: SaveInput): Promise<EstimateLine[]> {
  const partIds = [...new Set(input.lines.map((l) => l.partId).filter((x): x is string => x !== null))];
  const parts =
    partIds.length === 0
      ? []
      : await scene.ctx.trx
          .selectFrom('part')
          .select(['id', 'partNo', 'name', 'spec', 'priceFen', 'retiredAt'])
          .where('id', 'in', partIds)
          .execute();
  const byId = new Map(parts.map((p) => [p.id, p]));
  const coveredByDefault = warrantyCovers(await jobWarranty(scene.ctx.trx, scene.ticket, scene.cal));
  return input.lines.map((line, index) => {
    const covered = line.covered ?? coveredByDefault;
    if (line.kind === 'labour') {
      const priced = { quantity: line.quantity, unitPriceFen: line.unitPriceFen, covered };
      return {
        kind: 'labour',
        description: line.description,
        partId: null,
        partNo: '',
        ...priced,
        amountFen: lineAmountFen(priced),
      };
    }
    const part = byId.get(line.partId ?? '');
    if (!part || part.retiredAt !== null)
      throw new DeskFailure('validation', 'estimate_part_unknown', `lines.${index}.partId`);
    const priced = { quantity: line.quantity, unitPriceFen: part.priceFen, covered };
    return {
      kind: 'part',
      description: part.spec ? `${part.name} (${part.spec})` : part.name,
      partId: part.id,
      partNo: part.partNo,
      ...priced,
      amountFen: lineAmountFen(priced),
    };
  });
}

export async function saveEstimate(scene: EstimateScene, input: SaveInput): Promise<string> {
  const { ctx, ticket, today } = scene;
  if (ticket.isOpen === 0) throw new DeskFailure('validation', 'ticket_final');
  if (input.validUntil < today) throw new DeskFailure('validation', 'estimate_valid_past', 'validUntil');
  if (input.validUntil > addDays(today, ESTIMATE_MAX_VALID_DAYS))
    throw new DeskFailure('validation', 'estimate_valid_too_far', 'validUntil');
  const rows = await loadEstimateRows(ctx.trx, ticket.id);
  const current = rows[0];
  // Saved over a version someone else has replaced meanwhile: the customer would be shown neither.
  if ((current?.id ?? null) !== input.estimateId) throw new DeskFailure('conflict', 'estimate_superseded');
  const lines = await pricedLines(scene, input);
  const content = {
    lines: JSON.stringify(lines),
    ...estimateTotals(lines),
    validUntil: input.validUntil,
    note: input.note,
  };
  if (current && current.sentAt === null && !(await loadDecisions(ctx.trx, ticket.id)).has(current.id)) {
    await updateEstimate(ctx, current, content);
    return current.id;
  }
  return insertEstimate(ctx, ticket.id, (current?.version ?? 0) + 1, content);
}
