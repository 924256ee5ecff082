/**
 * Parts consumption and stock across stores from the stock ledger (`stock_movement`, append-only:
 * a movement arrives once and never changes, so each one only adds). Consumption is what was issued
 * to jobs less what came back from them (an issue reversed keeps the kind `issue` with the opposite
 * sign); on hand is the sum of every movement; a part's last issue dates its slow stock. Each
 * consumption also moves the store's total and the chain's rows (`CHAIN`, migration 0011).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { HqDB } from '../db/schema';
import { CHAIN } from './rollup-write';
import { reportMonth } from './ticket-facts';

type Db = Transaction<HqDB> | Kysely<HqDB>;
type Fields = Readonly<Record<string, unknown>>;

const CONSUMING_KINDS: ReadonlySet<string> = new Set(['issue', 'return_from_job']);

type PartsMonthDelta = {
  month: string;
  storeId: string;
  partId: string;
  consumed: number;
  consumedFen: number;
  movements: number;
};
type StockDelta = {
  storeId: string;
  partId: string;
  onHand: number;
  lastIssueMs: number | null;
  firstInMs: number | null;
};

export class PartsDeltas {
  readonly months = new Map<string, PartsMonthDelta>();
  readonly stock = new Map<string, StockDelta>();

  /** One movement, as pushed, of the store that owns it. */
  add(storeId: string | null, fields: Fields): void {
    const { partId, kind, qty, createdAt, unitCostFen } = fields;
    const at = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
    if (storeId === null || typeof partId !== 'string' || typeof kind !== 'string' || typeof qty !== 'number') return;
    if (!Number.isInteger(qty) || !Number.isFinite(at)) return;
    const stockKey = `${storeId}\u0000${partId}`;
    const stock = this.stock.get(stockKey) ?? { storeId, partId, onHand: 0, lastIssueMs: null, firstInMs: null };
    stock.onHand += qty;
    if (kind === 'issue' && qty < 0) stock.lastIssueMs = Math.max(stock.lastIssueMs ?? at, at);
    if (qty > 0) stock.firstInMs = Math.min(stock.firstInMs ?? at, at);
    this.stock.set(stockKey, stock);
    if (!CONSUMING_KINDS.has(kind)) return;
    const month = reportMonth(at);
    const fen = qty * (typeof unitCostFen === 'number' && Number.isInteger(unitCostFen) ? unitCostFen : 0);
    // The store's part, the store's total, the chain's part and the chain's total.
    for (const [store, part] of [
      [storeId, partId],
      [storeId, CHAIN],
      [CHAIN, partId],
      [CHAIN, CHAIN],
    ] as const) {
      const monthKey = `${month}\u0000${store}\u0000${part}`;
      const row = this.months.get(monthKey) ?? {
        month,
        storeId: store,
        partId: part,
        consumed: 0,
        consumedFen: 0,
        movements: 0,
      };
      row.consumed -= qty;
      row.consumedFen -= fen;
      row.movements += 1;
      this.months.set(monthKey, row);
    }
  }
}

export async function writePartsDeltas(trx: Db, deltas: PartsDeltas): Promise<void> {
  const months = [...deltas.months.values()];
  const stock = [...deltas.stock.values()];
  if (months.length > 0) {
    const doc = months.map((d) => ({
      month: d.month,
      store_id: d.storeId,
      part_id: d.partId,
      consumed: d.consumed,
      consumed_fen: d.consumedFen,
      movements: d.movements,
    }));
    await sql`
      INSERT INTO report_parts_month (month, store_id, part_id, consumed, consumed_fen, movements)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
        AS d(month text, store_id text, part_id text, consumed bigint, consumed_fen bigint, movements bigint)
      ON CONFLICT (store_id, month, part_id) DO UPDATE SET
        consumed = report_parts_month.consumed + EXCLUDED.consumed,
        consumed_fen = report_parts_month.consumed_fen + EXCLUDED.consumed_fen,
        movements = report_parts_month.movements + EXCLUDED.movements`.execute(trx);
  }
  if (stock.length > 0) {
    const doc = stock.map((d) => ({
      store_id: d.storeId,
      part_id: d.partId,
      on_hand: d.onHand,
      last_issue_ms: d.lastIssueMs,
      first_in_ms: d.firstInMs,
    }));
    await sql`
      INSERT INTO report_stock (store_id, part_id, on_hand, last_issue_ms, first_in_ms)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
        AS d(store_id text, part_id text, on_hand bigint, last_issue_ms float8, first_in_ms float8)
      ON CONFLICT (store_id, part_id) DO UPDATE SET
        on_hand = report_stock.on_hand + EXCLUDED.on_hand,
        last_issue_ms = GREATEST(report_stock.last_issue_ms, EXCLUDED.last_issue_ms),
        first_in_ms = LEAST(report_stock.first_in_ms, EXCLUDED.first_in_ms)`.execute(trx);
  }
}
