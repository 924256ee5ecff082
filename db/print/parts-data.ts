/**
 * The data of the parts forms: the requisition form (配件领用单) and the stocktake count sheet
 * (盘点表), read from the spare-parts tables (db/parts/tables.ts, migration 0004).
 */
import { sql, type Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { decisionOf } from '../parts/requisitions/queries';
import type { DB } from '../schema';
import type { RequisitionPrintData, StocktakePrintData } from './form-data';
import { loadStoreHeader, person, staffNames } from './store-header';

export async function loadRequisitionPrint(db: Kysely<DB>, requisitionId: string): Promise<RequisitionPrintData> {
  const requisition = await db
    .selectFrom('requisition')
    .leftJoin('ticket', 'ticket.id', 'requisition.ticketId')
    .leftJoin('stockLocation', 'stockLocation.id', 'requisition.locationId')
    .selectAll('requisition')
    .select([
      'ticket.number as ticketNumber',
      'stockLocation.name as locationName',
      'stockLocation.code as locationCode',
    ])
    .where('requisition.id', '=', requisitionId)
    .executeTakeFirst();
  if (!requisition) throw new DeskFailure('not_found', 'not_found', 'requisitionId');

  const lines = await db
    .selectFrom('requisitionLine as line')
    .innerJoin('part', 'part.id', 'line.partId')
    .select([
      'line.id',
      'line.position',
      'line.requestedQty',
      'line.approvedQty',
      'line.decision',
      'line.decisionReason',
      'part.partNo',
      'part.name',
      'part.spec',
      'part.unit',
      'part.bin',
    ])
    // Issued less returned, reversals included: the line's movements summed, sign flipped (out is negative).
    .select(
      sql<number>`COALESCE((SELECT -SUM(m.qty) FROM stock_movement m WHERE m.doc_type = 'requisition' AND m.doc_id = ${requisitionId} AND m.doc_line_id = line.id), 0)`.as(
        'issuedQty',
      ),
    )
    .where('line.requisitionId', '=', requisitionId)
    .orderBy('line.position')
    .execute();

  // The clerk's signature: whoever issued last.
  const issued = await db
    .selectFrom('requisitionEvent')
    .select(['staffId', 'at'])
    .where('requisitionId', '=', requisitionId)
    .where('kind', '=', 'issued')
    .orderBy('at', 'desc')
    .orderBy('hlc', 'desc')
    .limit(1)
    .executeTakeFirst();
  const names = await staffNames(db, [requisition.requestedBy, requisition.decidedBy, issued?.staffId ?? null]);

  return {
    store: await loadStoreHeader(db),
    requisition: {
      id: requisition.id,
      number: requisition.number,
      status: requisition.status,
      ticketNumber: requisition.ticketNumber,
      location: requisition.locationName ? `${requisition.locationCode} ${requisition.locationName}` : '',
      note: requisition.note,
      rejectReason: requisition.rejectReason,
    },
    requestedBy: person(names, requisition.requestedBy, requisition.requestedAt),
    decidedBy: person(names, requisition.decidedBy, requisition.decidedAt),
    issuedBy: person(names, issued?.staffId ?? null, issued?.at ?? null),
    lines: lines.map((line) => ({
      position: line.position,
      partNo: line.partNo,
      name: line.name,
      spec: line.spec,
      unit: line.unit,
      bin: line.bin,
      requestedQty: line.requestedQty,
      approvedQty: line.approvedQty,
      decision: decisionOf(line, requisition.status),
      // A line rejected with the whole form before per-line decisions carries the form's reason.
      decisionReason: line.decisionReason || (requisition.status === 'rejected' ? requisition.rejectReason : ''),
      issuedQty: Number(line.issuedQty),
    })),
  };
}

export async function loadStocktakePrint(db: Kysely<DB>, stocktakeId: string): Promise<StocktakePrintData> {
  const stocktake = await db
    .selectFrom('stocktake')
    .leftJoin('stockLocation', 'stockLocation.id', 'stocktake.locationId')
    .selectAll('stocktake')
    .select(['stockLocation.name as locationName', 'stockLocation.code as locationCode'])
    .where('stocktake.id', '=', stocktakeId)
    .executeTakeFirst();
  if (!stocktake) throw new DeskFailure('not_found', 'not_found', 'stocktakeId');

  // In walking order: by bin, then part number, so the sheet follows the shelves.
  const lines = await db
    .selectFrom('stocktakeLine as line')
    .innerJoin('part', 'part.id', 'line.partId')
    .select(['part.bin', 'part.partNo', 'part.name', 'part.spec', 'part.unit', 'line.countedQty'])
    .where('line.stocktakeId', '=', stocktakeId)
    .orderBy('part.bin')
    .orderBy('part.partNo')
    .execute();
  const names = await staffNames(db, [stocktake.startedBy]);

  return {
    store: await loadStoreHeader(db),
    stocktake: {
      id: stocktake.id,
      number: stocktake.number,
      status: stocktake.status,
      location: stocktake.locationName ? `${stocktake.locationCode} ${stocktake.locationName}` : '',
      binPrefix: stocktake.binPrefix,
      note: stocktake.note,
      startedBy: person(names, stocktake.startedBy, stocktake.startedAt),
    },
    lines,
  };
}
