/**
 * Requisition reads and writes. Issued and returned quantities are not stored on the lines: they
 * are the requisition's movements in the ledger, so the form and the stock can never disagree.
 */
import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { appendRecorded, insertRecorded, recordChange, type TxContext } from '../../sync/change-log';
import type {
  LineDecision,
  RequisitionEventKind,
  RequisitionLineRow,
  RequisitionRow,
  RequisitionStatus,
} from '../tables';
import type {
  RequisitionFilter,
  RequisitionLineView,
  RequisitionSummary,
  RequisitionView,
  TicketParts,
} from './contract';
import { requisitionMachine } from './machine';
import { findTicketRef } from './tickets';

export type LineFigures = { issued: number; returned: number };

export async function findRequisitionRow(db: Kysely<DB>, id: string): Promise<RequisitionRow | undefined> {
  return db.selectFrom('requisition').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requisitionLineRows(db: Kysely<DB>, requisitionId: string): Promise<RequisitionLineRow[]> {
  return db
    .selectFrom('requisitionLine')
    .selectAll()
    .where('requisitionId', '=', requisitionId)
    .orderBy('position')
    .execute();
}

/** Issued and returned per line, from the ledger. */
export async function lineFigures(db: Kysely<DB>, requisitionId: string): Promise<Map<string, LineFigures>> {
  const rows = await db
    .selectFrom('stockMovement')
    .select([
      'docLineId',
      sql<number>`SUM(CASE WHEN kind = 'issue' THEN -qty ELSE 0 END)`.as('issued'),
      sql<number>`SUM(CASE WHEN kind = 'return_from_job' THEN qty ELSE 0 END)`.as('returned'),
    ])
    .where('docId', '=', requisitionId)
    .where('docType', '=', 'requisition')
    .groupBy('docLineId')
    .execute();
  return new Map(rows.map((r) => [r.docLineId ?? '', { issued: Number(r.issued), returned: Number(r.returned) }]));
}

/** What the issue progress says the status is, once the lead has approved. */
export function issueStatus(
  lines: ReadonlyArray<RequisitionLineRow>,
  figures: Map<string, LineFigures>,
): RequisitionStatus {
  const issued = lines.map((line) => figures.get(line.id)?.issued ?? 0);
  if (issued.every((qty) => qty === 0)) return 'approved';
  return lines.every((line, i) => issued[i]! >= (line.approvedQty ?? 0)) ? 'issued' : 'partly_issued';
}

export async function loadRequisitionView(db: Kysely<DB>, id: string): Promise<RequisitionView | undefined> {
  const row = await db
    .selectFrom('requisition as r')
    .innerJoin('stockLocation as l', 'l.id', 'r.locationId')
    .leftJoin('staff as q', 'q.id', 'r.requestedBy')
    .leftJoin('staff as d', 'd.id', 'r.decidedBy')
    .selectAll('r')
    .select(['l.code as locationCode', 'q.name as requestedByName', 'd.name as decidedByName'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const ticket = await findTicketRef(db, row.ticketId);
  const figures = await lineFigures(db, id);
  const lineRows = await db
    .selectFrom('requisitionLine as x')
    .innerJoin('part as p', 'p.id', 'x.partId')
    .leftJoin('stockOnHand as h', (join) =>
      join.onRef('h.partId', '=', 'x.partId').on('h.locationId', '=', row.locationId),
    )
    .leftJoin('staff as s', 's.id', 'x.decidedBy')
    .select([
      'x.id',
      'x.partId',
      'p.partNo',
      'p.name as partName',
      'p.unit',
      'x.requestedQty',
      'x.approvedQty',
      'x.decision',
      'x.decisionReason',
      's.name as lineDeciderName',
      'x.decidedAt as lineDecidedAt',
      'h.qty as onHand',
    ])
    .where('x.requisitionId', '=', id)
    .orderBy('x.position')
    .execute();
  const lines: RequisitionLineView[] = lineRows.map(({ lineDeciderName, lineDecidedAt, ...line }) => {
    const { issued, returned } = figures.get(line.id) ?? { issued: 0, returned: 0 };
    const decision = decisionOf(line, row.status);
    // A line signed before per-line decisions carries the form's signature and, rejected, its reason.
    const signedWhole = line.decision === null && decision !== null;
    return {
      ...line,
      decision,
      decisionReason: signedWhole && decision === 'rejected' ? row.rejectReason : line.decisionReason,
      decidedByName: signedWhole ? row.decidedByName : lineDeciderName,
      decidedAt: signedWhole ? row.decidedAt : lineDecidedAt,
      onHand: line.onHand ?? 0,
      issuedQty: issued,
      returnedQty: returned,
      toIssueQty: Math.max(0, (line.approvedQty ?? 0) - issued),
      heldQty: issued - returned,
    };
  });
  const events = await db
    .selectFrom('requisitionEvent as e')
    .leftJoin('staff as s', 's.id', 'e.staffId')
    .select(['e.kind', 's.name as staffName', 'e.at', 'e.reason'])
    .where('e.requisitionId', '=', id)
    .orderBy('e.at')
    .orderBy('e.hlc')
    .execute();
  return {
    id: row.id,
    number: row.number,
    ticket: ticket ?? { id: row.ticketId, number: '?', type: 'repair', status: '', summary: '', customerName: null },
    locationId: row.locationId,
    locationCode: row.locationCode,
    note: row.note,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedByName: row.requestedByName,
    requestedAt: row.requestedAt,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt,
    rejectReason: row.rejectReason,
    cancelReason: row.status === 'cancelled' ? (events.findLast((e) => e.kind === 'cancelled')?.reason ?? '') : '',
    lines,
    events,
  };
}

const FILTER_STATUSES: Record<Exclude<RequisitionFilter, 'all'>, ReadonlyArray<RequisitionStatus>> = {
  open: ['requested', 'approved', 'partly_issued'],
  requested: ['requested'],
  approved: ['approved'],
  partly_issued: ['partly_issued'],
  issued: ['issued'],
  rejected: ['rejected'],
  cancelled: ['cancelled'],
};

export async function listRequisitions(
  db: Kysely<DB>,
  {
    filter,
    ticketId,
    requestedBy,
    limit,
  }: { filter: RequisitionFilter; ticketId?: string | undefined; requestedBy?: string | undefined; limit: number },
): Promise<RequisitionSummary[]> {
  let query = db
    .selectFrom('requisition as r')
    .innerJoin('ticket as t', 't.id', 'r.ticketId')
    .leftJoin('staff as q', 'q.id', 'r.requestedBy')
    .select(['r.id', 'r.number', 't.number as ticketNumber', 'r.status', 'q.name as requestedByName', 'r.requestedAt'])
    .orderBy('r.requestedAt', 'desc')
    .limit(limit);
  if (filter !== 'all') query = query.where('r.status', 'in', FILTER_STATUSES[filter]);
  if (ticketId !== undefined) query = query.where('r.ticketId', '=', ticketId);
  if (requestedBy !== undefined) query = query.where('r.requestedBy', '=', requestedBy);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('requisitionLine as x')
    .innerJoin('part as p', 'p.id', 'x.partId')
    .select(['x.requisitionId', 'p.name as partName', 'x.requestedQty', 'x.approvedQty'])
    .where(
      'x.requisitionId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('x.position')
    .execute();
  return rows.map((row) => ({
    ...row,
    lines: lines.filter((l) => l.requisitionId === row.id).map(({ requisitionId: _r, ...line }) => line),
  }));
}

export async function insertRequisition(
  tx: TxContext,
  header: { number: string; ticketId: string; locationId: string; note: string },
  lines: ReadonlyArray<{ partId: string; qty: number }>,
): Promise<string> {
  const hlc = tx.stamp();
  const row: RequisitionRow = {
    id: newId(),
    ...header,
    status: requisitionMachine.initial,
    requestedBy: tx.staffId,
    requestedAt: tx.nowIso,
    decidedBy: null,
    decidedAt: null,
    rejectReason: '',
    updatedAt: tx.nowIso,
    hlc,
  };
  await insertRecorded(tx, 'requisition', 'requisition', row);
  const { id } = row;
  for (const [position, line] of lines.entries()) {
    const lineHlc = tx.stamp();
    const lineRow: RequisitionLineRow = {
      id: newId(),
      requisitionId: id,
      position,
      partId: line.partId,
      requestedQty: line.qty,
      approvedQty: null,
      decision: null,
      decisionReason: '',
      decidedBy: null,
      decidedAt: null,
      hlc: lineHlc,
    };
    await insertRecorded(tx, 'requisitionLine', 'requisition_line', lineRow);
  }
  await appendRequisitionEvent(tx, id, 'requested', '', {
    lines: lines.map((l) => ({ partId: l.partId, qty: l.qty })),
  });
  return id;
}

/** Who did what to the form, and when: append-only (docs/SYNC.md §2.5). */
export async function appendRequisitionEvent(
  tx: TxContext,
  requisitionId: string,
  kind: RequisitionEventKind,
  reason: string,
  detail: unknown,
): Promise<void> {
  const hlc = tx.stamp();
  const row = {
    id: newId(),
    requisitionId,
    kind,
    staffId: tx.staffId,
    at: tx.nowIso,
    reason,
    detail: JSON.stringify(detail),
    hlc,
  };
  await appendRecorded(tx, 'requisitionEvent', 'requisition_event', row);
}

export type LineSignature = { approvedQty: number; decision: LineDecision; decisionReason: string };

/**
 * The lead's decision on one line. The quantity, decision, reason and signature are written under
 * one stamp, so when two PCs sign the same line offline the later signature wins whole
 * (docs/SYNC.md §2.5: per field, last stamp wins) and never a quantity of one with a reason of the other.
 */
export async function signLine(tx: TxContext, line: RequisitionLineRow, signature: LineSignature): Promise<void> {
  const hlc = tx.stamp();
  const fields = { ...signature, decidedBy: tx.staffId, decidedAt: tx.nowIso };
  await tx.trx
    .updateTable('requisitionLine')
    .set({ ...fields, hlc })
    .where('id', '=', line.id)
    .execute();
  await recordChange(tx, { entity: 'requisition_line', entityId: line.id, op: 'update', hlc, fields });
}

/**
 * A line's decision as stored, or, for a line signed by a PC that predates per-line decisions
 * (only its approved quantity synced), what that quantity says; a form rejected as a whole rejects it.
 */
export function decisionOf(
  line: { decision: LineDecision | null; approvedQty: number | null; requestedQty: number },
  status: RequisitionStatus,
): LineDecision | null {
  if (line.decision !== null) return line.decision;
  if (line.approvedQty === null) return status === 'rejected' ? 'rejected' : null;
  if (line.approvedQty >= line.requestedQty) return 'approved';
  return line.approvedQty > 0 ? 'reduced' : 'rejected';
}

/** Header fields of a requisition, changed fields only. */
export async function updateRequisition(
  tx: TxContext,
  before: RequisitionRow,
  patch: Partial<Pick<RequisitionRow, 'status' | 'decidedBy' | 'decidedAt' | 'rejectReason'>>,
): Promise<void> {
  const changed = Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => before[key as keyof RequisitionRow] !== value),
  );
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('requisition')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'requisition',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...changed, updatedAt: tx.nowIso },
  });
}

/** The ticket's parts list: issued minus returned per part over all its requisitions. */
export async function loadTicketParts(db: Kysely<DB>, ticketId: string): Promise<TicketParts> {
  const requisitions = await db
    .selectFrom('requisition')
    .select(['id', 'number', 'status'])
    .where('ticketId', '=', ticketId)
    .orderBy('requestedAt')
    .execute();
  const rows =
    requisitions.length === 0
      ? []
      : await db
          .selectFrom('stockMovement as m')
          .innerJoin('part as p', 'p.id', 'm.partId')
          .select([
            'm.partId',
            'p.partNo',
            'p.name as partName',
            'p.unit',
            'p.priceFen',
            sql<number>`SUM(CASE WHEN m.kind = 'issue' THEN -m.qty ELSE 0 END)`.as('issuedQty'),
            sql<number>`SUM(CASE WHEN m.kind = 'return_from_job' THEN m.qty ELSE 0 END)`.as('returnedQty'),
          ])
          .where('m.docType', '=', 'requisition')
          .where(
            'm.docId',
            'in',
            requisitions.map((r) => r.id),
          )
          .groupBy(['m.partId', 'p.partNo', 'p.name', 'p.unit', 'p.priceFen'])
          .orderBy('p.partNo')
          .execute();
  const lines = rows.map((row) => {
    const usedQty = Number(row.issuedQty) - Number(row.returnedQty);
    return {
      ...row,
      issuedQty: Number(row.issuedQty),
      returnedQty: Number(row.returnedQty),
      usedQty,
      amountFen: usedQty * row.priceFen,
    };
  });
  return { ticketId, lines, requisitions, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0) };
}
