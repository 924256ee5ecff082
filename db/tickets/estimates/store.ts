/**
 * Reading and writing estimate rows. Every write records its change-log row in the same
 * transaction (docs/architecture/add-a-synced-table.md). A version's status is derived on read,
 * never stored: whether a later version exists, whether it was decided, whether its last valid day
 * has passed. So two PCs that each changed an estimate offline still agree after a sync.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../ids';
import type { DB } from '../../schema';
import { insertRecorded, recordChange, stampFields, type TxContext } from '../../sync/change-log';
import { sha256Hex } from '../signatures';
import {
  estimateCanonicalJson,
  type EstimateDecisionView,
  type EstimateLine,
  type EstimateStatus,
  type EstimateView,
} from './contract';
import type { EstimateDecisionTable, EstimateTable } from './tables';

export type EstimateRow = EstimateTable;
export type DecisionRow = EstimateDecisionTable;

/** Every version of the ticket's estimate, newest first (a tie between two PCs' versions: the later stamp). */
export async function loadEstimateRows(db: Kysely<DB>, ticketId: string): Promise<EstimateRow[]> {
  return db
    .selectFrom('estimate')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('version', 'desc')
    .orderBy('hlc', 'desc')
    .execute();
}

export async function loadEstimateRow(db: Kysely<DB>, id: string): Promise<EstimateRow | undefined> {
  return db.selectFrom('estimate').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first decision recorded on each version (a version is decided once). */
export async function loadDecisions(db: Kysely<DB>, ticketId: string): Promise<Map<string, DecisionRow>> {
  const rows = await db
    .selectFrom('estimateDecision')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('hlc')
    .execute();
  const byEstimate = new Map<string, DecisionRow>();
  for (const row of rows) if (!byEstimate.has(row.estimateId)) byEstimate.set(row.estimateId, row);
  return byEstimate;
}

export function statusOf(
  row: EstimateRow,
  current: boolean,
  decision: DecisionRow | undefined,
  today: string,
): EstimateStatus {
  // An old version keeps its decision on record, but what it says now is that it no longer applies.
  if (!current) return 'superseded';
  if (decision) return decision.decision;
  if (row.validUntil < today) return 'expired';
  return row.sentAt === null ? 'draft' : 'sent';
}

export function linesOf(row: EstimateRow): EstimateLine[] {
  return JSON.parse(row.lines) as EstimateLine[];
}

function decisionView(row: DecisionRow, names: ReadonlyMap<string, string>): EstimateDecisionView {
  return {
    id: row.id,
    decision: row.decision,
    method: row.method,
    customerName: row.customerName,
    recordedByName: (row.recordedBy && names.get(row.recordedBy)) ?? '',
    decidedAt: row.decidedAt,
    estimateHash: row.estimateHash,
    intact: sha256Hex(row.estimateJson) === row.estimateHash,
    strokes: row.strokes === null ? null : (JSON.parse(row.strokes) as Array<Array<[number, number]>>),
    width: row.width,
    height: row.height,
    note: row.note,
  };
}

async function staffNames(db: Kysely<DB>, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every version as the page and the printed form show it, newest first. */
export async function loadEstimateViews(
  db: Kysely<DB>,
  ticket: Readonly<{ id: string; number: string }>,
  today: string,
): Promise<EstimateView[]> {
  const rows = await loadEstimateRows(db, ticket.id);
  const decisions = await loadDecisions(db, ticket.id);
  const names = await staffNames(db, [
    ...rows.map((r) => r.createdBy),
    ...[...decisions.values()].map((d) => d.recordedBy),
  ]);
  return rows.map((row, index) => {
    const decision = decisions.get(row.id);
    return {
      id: row.id,
      ticketId: row.ticketId,
      ticketNumber: ticket.number,
      version: row.version,
      status: statusOf(row, index === 0, decision, today),
      lines: linesOf(row),
      totalFen: row.totalFen,
      coveredFen: row.coveredFen,
      validUntil: row.validUntil,
      note: row.note,
      createdByName: (row.createdBy && names.get(row.createdBy)) ?? '',
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      decision: decision ? decisionView(decision, names) : null,
    };
  });
}

export type EstimateContentRow = Pick<EstimateRow, 'lines' | 'totalFen' | 'coveredFen' | 'validUntil' | 'note'>;

export async function insertEstimate(
  tx: TxContext,
  ticketId: string,
  version: number,
  content: EstimateContentRow,
): Promise<string> {
  const row: EstimateRow = {
    id: newId(),
    ticketId,
    version,
    ...content,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    sentAt: null,
    sentBy: null,
    updatedAt: tx.nowIso,
    hlc: tx.stamp(),
  };
  await insertRecorded(tx, 'estimate', 'estimate', row, { stamp: true });
  return row.id;
}

/** Change a draft in place: only the fields that differ are logged. */
export async function updateEstimate(
  tx: TxContext,
  before: EstimateRow,
  after: Partial<Pick<EstimateRow, 'lines' | 'totalFen' | 'coveredFen' | 'validUntil' | 'note' | 'sentAt' | 'sentBy'>>,
): Promise<void> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after))
    if (value !== undefined && value !== before[key as keyof EstimateRow]) changed[key] = value;
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  await tx.trx
    .updateTable('estimate')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  const fields = { ...changed, updatedAt: tx.nowIso };
  await recordChange(tx, { entity: 'estimate', entityId: before.id, op: 'update', hlc, fields });
  await stampFields(tx, 'estimate', before.id, Object.keys(fields), hlc);
}

export async function insertDecision(
  tx: TxContext,
  row: Omit<DecisionRow, 'id' | 'recordedBy' | 'decidedAt' | 'hlc'>,
): Promise<string> {
  const full: DecisionRow = { ...row, id: newId(), recordedBy: tx.staffId, decidedAt: tx.nowIso, hlc: tx.stamp() };
  await insertRecorded(tx, 'estimateDecision', 'estimate_decision', full);
  return full.id;
}

export function canonicalOf(row: EstimateRow, ticketNumber: string): string {
  return estimateCanonicalJson({
    ticketNumber,
    version: row.version,
    lines: linesOf(row),
    totalFen: row.totalFen,
    coveredFen: row.coveredFen,
    validUntil: row.validUntil,
    note: row.note,
  });
}
