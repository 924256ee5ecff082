/**
 * The rollups' writes (tables of migration 0011): ticket facts read and saved whole, and rollup
 * rows moved by deltas (`INSERT … ON CONFLICT DO UPDATE SET x = x + delta`), so each statement is
 * one round trip whatever the batch holds. Rows travel as one JSON document for
 * `jsonb_to_recordset`. Every writer holds the feed lock (headoffice/feed.ts), so two batches never
 * move the same rollup row at once.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { HqDB } from '../db/schema';
import { MONTH_MEASURES, type Contribution, type MonthMeasures, type TicketFacts } from './ticket-facts';

type Db = Transaction<HqDB> | Kysely<HqDB>;

/** `tatMinutes` → `tat_minutes`, `rating1` → `rating_1`, `tat14d` → `tat_14d`: the column of a measure. */
export const columnOf = (measure: string): string =>
  measure
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/([a-z])(\d)/, '$1_$2');

const FACT_COLUMNS = `ticket_id text, store_id text, live boolean, type text, category text, channel text,
  created_ms float8, status text, status_hlc text, responded_ms float8, resolved_ms float8, resolved_hlc text,
  reply_breached boolean, resolve_breached boolean, escalated boolean, reopens int, ratings int[]`;
const FACT_NAMES = FACT_COLUMNS.split(',').map((c) => c.trim().split(' ')[0]!);

export async function loadFacts(trx: Db, ticketIds: ReadonlyArray<string>): Promise<Map<string, TicketFacts>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await sql<TicketFacts>`SELECT * FROM report_ticket WHERE ticket_id = ANY(${ticketIds}::text[])`.execute(
    trx,
  );
  return new Map(rows.rows.map((row) => [row.ticketId, row]));
}

export async function saveFacts(trx: Db, facts: ReadonlyArray<TicketFacts>): Promise<void> {
  if (facts.length === 0) return;
  const doc = facts.map((f) => ({
    ticket_id: f.ticketId,
    store_id: f.storeId,
    live: f.live,
    type: f.type,
    category: f.category,
    channel: f.channel,
    created_ms: f.createdMs,
    status: f.status,
    status_hlc: f.statusHlc,
    responded_ms: f.respondedMs,
    resolved_ms: f.resolvedMs,
    resolved_hlc: f.resolvedHlc,
    reply_breached: f.replyBreached,
    resolve_breached: f.resolveBreached,
    escalated: f.escalated,
    reopens: f.reopens,
    ratings: f.ratings,
  }));
  const names = sql.raw(FACT_NAMES.join(', '));
  const updates = sql.raw(
    FACT_NAMES.slice(1)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', '),
  );
  await sql`
    INSERT INTO report_ticket (${names})
    SELECT ${names} FROM jsonb_to_recordset(${JSON.stringify(doc)}::jsonb) AS d(${sql.raw(FACT_COLUMNS)})
    ON CONFLICT (ticket_id) DO UPDATE SET ${updates}`.execute(trx);
}

/** The store of the rows that sum up every store (and the part of a store's total over its parts). */
export const CHAIN = '*';

/** Deltas gathered over a batch, keyed by rollup row; zero deltas are dropped before writing. */
export class RollupDeltas {
  readonly month = new Map<string, { month: string; storeId: string; type: string; m: MonthMeasures }>();
  readonly mix = new Map<
    string,
    { month: string; storeId: string; type: string; category: string; channel: string; tickets: number }
  >();

  add(c: Contribution | null, sign: 1 | -1): void {
    if (c === null) return;
    const monthKey = `${c.month}\u0000${c.storeId}\u0000${c.type}`;
    let month = this.month.get(monthKey);
    if (!month) {
      month = {
        month: c.month,
        storeId: c.storeId,
        type: c.type,
        m: Object.fromEntries(MONTH_MEASURES.map((k) => [k, 0])) as MonthMeasures,
      };
      this.month.set(monthKey, month);
    }
    for (const [k, v] of Object.entries(c.measures)) month.m[k as keyof MonthMeasures] += sign * v;
    // The store's row and the chain's (store '*').
    for (const storeId of [c.storeId, CHAIN]) {
      const mixKey = `${c.month}\u0000${storeId}\u0000${c.type}\u0000${c.category}\u0000${c.channel}`;
      const mix = this.mix.get(mixKey) ?? { ...c, storeId, tickets: 0 };
      mix.tickets += sign;
      this.mix.set(mixKey, mix);
    }
  }
}

export async function writeTicketDeltas(trx: Db, deltas: RollupDeltas): Promise<void> {
  const months = [...deltas.month.values()].filter((d) => MONTH_MEASURES.some((k) => d.m[k] !== 0));
  const mixes = [...deltas.mix.values()].filter((d) => d.tickets !== 0);
  if (months.length > 0) {
    const columns = MONTH_MEASURES.map(columnOf);
    const doc = months.map((d) => ({
      month: d.month,
      store_id: d.storeId,
      type: d.type,
      ...Object.fromEntries(MONTH_MEASURES.map((k) => [columnOf(k), d.m[k]])),
    }));
    await sql`
      INSERT INTO report_month (month, store_id, type, ${sql.raw(columns.join(', '))})
      SELECT month, store_id, type, ${sql.raw(columns.join(', '))}
      FROM jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
        AS d(month text, store_id text, type text, ${sql.raw(columns.map((c) => `${c} bigint`).join(', '))})
      ON CONFLICT (store_id, month, type) DO UPDATE SET
        ${sql.raw(columns.map((c) => `${c} = report_month.${c} + EXCLUDED.${c}`).join(', '))}`.execute(trx);
  }
  if (mixes.length > 0) {
    const doc = mixes.map((d) => ({
      month: d.month,
      store_id: d.storeId,
      type: d.type,
      category: d.category,
      channel: d.channel,
      tickets: d.tickets,
    }));
    await sql`
      INSERT INTO report_mix (month, store_id, type, category, channel, tickets)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
        AS d(month text, store_id text, type text, category text, channel text, tickets bigint)
      ON CONFLICT (store_id, month, type, category, channel) DO UPDATE SET tickets = report_mix.tickets + EXCLUDED.tickets`.execute(
      trx,
    );
  }
}
