/**
 * Parts used at their price. A part issued to a job becomes a `part` line in the same transaction
 * as its stock movement, at the part's price at that moment (its clearance price while it is on
 * clearance, db/parts/clearance/; frozen: a later price change does not touch it), covered when
 * the job is under warranty. A part returned (or its issue reversed) voids lines, newest first,
 * and puts back what is still used at the voided line's own price.
 *
 * Why at issue time, not on demand: the charge then exists exactly when the part left the shelf,
 * travels to head office in the same push as the movement, and is never written twice by two PCs
 * that each noticed the same movement (docs/architecture/charges.md).
 */
import { sql } from 'kysely';
import { clearancePriceOfMovement } from '../parts/clearance/queries';
import type { TxContext } from '../sync/change-log';
import { insertLine, markVoided } from './lines';
import { chargedTicketOrFail } from './ticket';
import type { ChargeLineRow } from './tables';

type Used = { partId: string; used: number; lastMovementId: string; priceFen: number; label: string };

/** Brings the ticket's part lines in line with the parts ledger: call after every movement on its requisitions. */
export async function chargePartsUsed(tx: TxContext, ticketId: string, reason: string): Promise<void> {
  const ticket = await tx.trx.selectFrom('ticket').select('type').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket || (ticket.type !== 'repair' && ticket.type !== 'aftersales')) return;
  const used = await usedParts(tx, ticketId);
  const lines = await tx.trx
    .selectFrom('chargeLine')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .where('kind', '=', 'part')
    .where('voidedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('hlc')
    .execute();
  const partIds = new Set([...used.keys(), ...lines.map((l) => l.partId ?? '')]);
  let underWarranty: boolean | null = null;
  for (const partId of partIds) {
    const part = used.get(partId);
    const wanted = part?.used ?? 0;
    const standing = lines.filter((l) => (l.partId ?? '') === partId);
    let lined = standing.reduce((sum, l) => sum + l.quantity, 0);
    let priceOf: ChargeLineRow | null = null;
    // Returned: void newest first until no more is charged than is used.
    while (lined > wanted && standing.length > 0) {
      const last = standing.pop()!;
      await markVoided(tx, last, reason);
      lined -= last.quantity;
      priceOf = last;
    }
    if (lined >= wanted || !part) continue;
    underWarranty ??= (await chargedTicketOrFail(tx.trx, ticketId)).underWarranty;
    await insertLine(tx, {
      ticketId,
      kind: 'part',
      description: priceOf?.description ?? part.label,
      partId,
      sourceId: part.lastMovementId,
      quantity: wanted - lined,
      // What is put back after a partial return keeps the price it was issued at; a part on
      // clearance when it left the shelf is charged the clearance price.
      unitPriceFen:
        priceOf?.unitPriceFen ?? (await clearancePriceOfMovement(tx.trx, part.lastMovementId)) ?? part.priceFen,
      covered: priceOf ? priceOf.covered === 1 : underWarranty,
    });
  }
}

/** Issued less returned per part over the ticket's requisitions, reversals included (out is negative). */
async function usedParts(tx: TxContext, ticketId: string): Promise<Map<string, Used>> {
  const rows = await tx.trx
    .selectFrom('stockMovement as m')
    .innerJoin('requisition as r', 'r.id', 'm.docId')
    .innerJoin('part as p', 'p.id', 'm.partId')
    .select([
      'm.partId',
      'p.priceFen',
      'p.partNo',
      'p.name',
      sql<number>`-SUM(m.qty)`.as('used'),
      // The movement that last changed how many are used: the line it prices names it.
      sql<string>`(SELECT m2.id FROM stock_movement m2 JOIN requisition r2 ON r2.id = m2.doc_id
        WHERE m2.doc_type = 'requisition' AND r2.ticket_id = ${ticketId} AND m2.part_id = m.part_id
        ORDER BY m2.seq DESC LIMIT 1)`.as('lastMovementId'),
    ])
    .where('m.docType', '=', 'requisition')
    .where('r.ticketId', '=', ticketId)
    .groupBy(['m.partId', 'p.priceFen', 'p.partNo', 'p.name'])
    .execute();
  return new Map(
    rows.map((row) => [
      row.partId,
      {
        partId: row.partId,
        used: Math.max(0, Number(row.used)),
        lastMovementId: row.lastMovementId,
        priceFen: row.priceFen,
        label: `${row.partNo} ${row.name}`,
      },
    ]),
  );
}
