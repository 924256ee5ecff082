/** Reorder, slow-moving and negative-stock reports, read from the on-hand cache and the ledger. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';
import { SLOW_MOVING_DAYS, type NegativeLine, type PartsAlerts, type ReorderLine, type SlowLine } from './contract';
import { clearanceViews } from '../clearance/queries';

const DAY_MS = 86_400_000;

/** Whole reorder quantities until the stock position is above the level: an (s, Q) policy. */
export function suggestedQty(position: number, level: number, reorderQty: number): number {
  if (position > level) return 0;
  const step = Math.max(reorderQty, 1);
  return (Math.floor((level - position) / step) + 1) * step;
}

type ReorderRow = {
  partId: string;
  partNo: string;
  name: string;
  spec: string;
  unit: string;
  onHand: number;
  demand: number;
  onOrder: number;
  reorderLevel: number;
  reorderQty: number;
  costFen: number;
  supplierName: string | null;
  supplierPhone: string | null;
};

/**
 * The stock position the reorder rule compares with the level: on hand, less what approved
 * requisitions still take, plus what open purchase orders (drafts included, so a second click does
 * not order twice) still bring — ordered less what arrived and was not rejected.
 */
async function reorderRows(db: Kysely<DB>): Promise<ReorderRow[]> {
  const result = await sql<ReorderRow>`
    WITH on_hand AS (SELECT part_id, SUM(qty) AS qty FROM stock_on_hand GROUP BY part_id),
    demand AS (
      SELECT x.part_id, SUM(MAX(0, x.approved_qty + COALESCE(
        (SELECT SUM(m.qty) FROM stock_movement m WHERE m.doc_id = x.requisition_id AND m.doc_line_id = x.id AND m.kind = 'issue'), 0))) AS qty
      FROM requisition_line x JOIN requisition r ON r.id = x.requisition_id
      WHERE r.status IN ('approved', 'partly_issued')
      GROUP BY x.part_id),
    on_order AS (
      SELECT l.part_id, SUM(MAX(0, l.ordered_qty - COALESCE(
        (SELECT SUM(g.delivered_qty - COALESCE(g.rejected_qty, 0)) FROM goods_receipt_line g WHERE g.purchase_order_line_id = l.id), 0))) AS qty
      FROM purchase_order_line l JOIN purchase_order po ON po.id = l.purchase_order_id
      WHERE po.status IN ('draft', 'awaiting_approval', 'approved')
      GROUP BY l.part_id)
    SELECT p.id AS part_id, p.part_no, p.name, p.spec, p.unit, COALESCE(o.qty, 0) AS on_hand, COALESCE(d.qty, 0) AS demand,
      COALESCE(q.qty, 0) AS on_order, p.reorder_level, p.reorder_qty, p.cost_fen, s.name AS supplier_name, s.phone AS supplier_phone
    FROM part p
    LEFT JOIN on_hand o ON o.part_id = p.id
    LEFT JOIN demand d ON d.part_id = p.id
    LEFT JOIN on_order q ON q.part_id = p.id
    LEFT JOIN supplier s ON s.id = json_extract(p.supplier_ids, '$[0]')
    WHERE p.retired_at IS NULL AND p.reorder_level IS NOT NULL
      AND COALESCE(o.qty, 0) - COALESCE(d.qty, 0) + COALESCE(q.qty, 0) <= p.reorder_level
    ORDER BY s.name, p.part_no`.execute(db);
  return result.rows;
}

/**
 * The reorder list leaves out what the slow-moving report (its default window) says lies idle,
 * unless a requisition already reserves it: buying more of a part that never moves only adds stock.
 */
async function reorderable(db: Kysely<DB>, nowIso: string): Promise<ReorderRow[]> {
  const rows = await reorderRows(db);
  if (rows.length === 0) return rows;
  const idle = new Set((await loadSlowMoving(db, nowIso, SLOW_MOVING_DAYS)).map((line) => line.partId));
  return rows.filter((row) => row.demand > 0 || !idle.has(row.partId));
}

export async function loadReorderList(db: Kysely<DB>, nowIso: string): Promise<ReorderLine[]> {
  return (await reorderable(db, nowIso)).map((row) => {
    const qty = suggestedQty(row.onHand - row.demand + row.onOrder, row.reorderLevel, row.reorderQty);
    return { ...row, suggestedQty: qty, amountFen: qty * row.costFen };
  });
}

type SlowRow = {
  partId: string;
  partNo: string;
  name: string;
  unit: string;
  onHand: number;
  costFen: number;
  priceFen: number;
  lastIssueAt: string | null;
  firstReceivedOn: string | null;
  firstMovementAt: string | null;
};

/** Parts with stock whose last issue (or, never issued, their arrival) is more than `days` ago. */
export async function loadSlowMoving(db: Kysely<DB>, nowIso: string, days: number): Promise<SlowLine[]> {
  const result = await sql<SlowRow>`
    WITH on_hand AS (SELECT part_id, SUM(qty) AS qty FROM stock_on_hand GROUP BY part_id)
    SELECT p.id AS part_id, p.part_no, p.name, p.unit, o.qty AS on_hand, p.cost_fen, p.price_fen,
      (SELECT MAX(m.created_at) FROM stock_movement m WHERE m.part_id = p.id AND m.kind = 'issue' AND m.qty < 0) AS last_issue_at,
      (SELECT MIN(r.received_on) FROM goods_receipt_line g JOIN goods_receipt r ON r.id = g.receipt_id
        WHERE g.part_id = p.id AND r.status = 'closed' AND g.accepted_qty > 0) AS first_received_on,
      -- Index-only on (kind, part_id, created_at); any movement at all only for stock that never came in by a delivery.
      COALESCE(
        (SELECT MIN(m.created_at) FROM stock_movement m WHERE m.kind IN ('receive', 'transfer_in') AND m.part_id = p.id),
        (SELECT MIN(m.created_at) FROM stock_movement m WHERE m.part_id = p.id)) AS first_movement_at
    FROM part p JOIN on_hand o ON o.part_id = p.id
    WHERE o.qty > 0`.execute(db);
  const now = Date.parse(nowIso);
  const lines: SlowLine[] = [];
  for (const row of result.rows) {
    // A delivery keyed in late carries the day it really arrived.
    const arrived =
      [row.firstReceivedOn ? `${row.firstReceivedOn}T00:00:00.000Z` : null, row.firstMovementAt]
        .filter((v): v is string => v !== null)
        .sort()[0] ?? null;
    const idleSince = row.lastIssueAt ?? arrived;
    if (idleSince === null) continue;
    const idleDays = Math.floor((now - Date.parse(idleSince)) / DAY_MS);
    if (idleDays < days) continue;
    lines.push({
      partId: row.partId,
      partNo: row.partNo,
      name: row.name,
      unit: row.unit,
      onHand: row.onHand,
      lastIssueAt: row.lastIssueAt,
      inStockSince: arrived === null ? null : arrived.slice(0, 10),
      idleDays,
      costFen: row.costFen,
      valueFen: row.onHand * row.costFen,
      priceFen: row.priceFen,
      clearance: null,
    });
  }
  const clearances = await clearanceViews(
    db,
    lines.map((line) => line.partId),
  );
  for (const [index, line] of lines.entries())
    lines[index] = { ...line, clearance: clearances.get(line.partId) ?? null };
  return lines.sort((a, b) => b.valueFen - a.valueFen || a.partNo.localeCompare(b.partNo));
}

export async function loadNegativeStock(db: Kysely<DB>): Promise<NegativeLine[]> {
  return db
    .selectFrom('stockOnHand as h')
    .innerJoin('part as p', 'p.id', 'h.partId')
    .innerJoin('stockLocation as l', 'l.id', 'h.locationId')
    .select([
      'h.partId',
      'p.partNo',
      'p.name',
      'p.unit',
      'l.code as locationCode',
      'h.qty as onHand',
      'h.lastMovementAt',
    ])
    .where('h.qty', '<', 0)
    .orderBy('p.partNo')
    .execute();
}

export async function loadAlerts(db: Kysely<DB>, nowIso: string): Promise<PartsAlerts> {
  const negative = await db
    .selectFrom('stockOnHand')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('qty', '<', 0)
    .executeTakeFirst();
  const statuses = await db
    .selectFrom('requisition')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['requested', 'approved', 'partly_issued'])
    .groupBy('status')
    .execute();
  const countOf = (...wanted: string[]) =>
    statuses.filter((s) => wanted.includes(s.status)).reduce((sum, s) => sum + Number(s.n), 0);
  return {
    negative: Number(negative?.n ?? 0),
    reorder: (await reorderable(db, nowIso)).length,
    toApprove: countOf('requested'),
    toIssue: countOf('approved', 'partly_issued'),
  };
}
