/**
 * The chain reports at the size of a large chain, built and run by scripts/bench-hq-reports.mjs:
 * 1,000 stores × 24 months, the rollup rows about 20 million tickets would leave (generated in
 * SQL with generate_series, not by pushing the tickets), a million raw ticket states and facts
 * beside them (the reports must not read those), 2,000 catalogue parts, 50 parts consumed per
 * store and month, 500 parts on each store's shelves. Then every report runs 60 times with varied
 * periods, store filters and ticket types; prints p50/p95 per report as JSON on the last line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { reportQuerySchema, REPORT_TICKET_TYPES, type ReportName } from '../../headoffice/console/contract/reports';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { ensureDatabase, startLocalPostgres } from '../../headoffice/db/postgres';
import { partsReport } from '../../headoffice/reports/parts-reports';
import { storesReport } from '../../headoffice/reports/store-comparison';
import {
  complaintsReport,
  satisfactionReport,
  slaReport,
  turnaroundReport,
} from '../../headoffice/reports/ticket-reports';

const STORES = 1000;
const MONTHS = 24;
const RAW_TICKETS = 1_000_000;
const RUNS = 60;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function generate(db: HqDatabase): Promise<void> {
  await timed('stores and months', async () => {
    await sql`INSERT INTO hq_store (id, code, name)
      SELECT 'store-' || g, 'S' || lpad(g::text, 4, '0'), '门店 ' || g FROM generate_series(1, ${STORES}) g`.execute(
      db,
    );
    await sql`CREATE TABLE bench_month AS
      SELECT i, to_char(date '2025-01-01' + make_interval(months => i), 'YYYY-MM') AS month FROM generate_series(0, ${MONTHS - 1}) i`.execute(
      db,
    );
    // Each ticket type's share of a store's ~833 tickets a month, spread over its categories and channels.
    await sql`CREATE TABLE bench_shape AS
      SELECT t.type, c.category, ch.channel, t.share / (count(*) OVER (PARTITION BY t.type)) AS share
      FROM (VALUES ('consultation', 0.35), ('complaint', 0.15), ('aftersales', 0.20), ('repair', 0.25), ('feedback', 0.05)) t(type, share)
      CROSS JOIN LATERAL (SELECT unnest(CASE WHEN t.type IN ('complaint', 'feedback')
        THEN ARRAY['product_quality', 'service_attitude', 'delivery', 'aftersales', 'other'] ELSE ARRAY[''] END)) c(category)
      CROSS JOIN LATERAL (SELECT unnest(CASE WHEN t.type = 'repair' THEN ARRAY[''] ELSE ARRAY['phone', 'email', 'in_store', 'online'] END)) ch(channel)`.execute(
      db,
    );
  });
  await timed('report_mix (store × month × type × category × channel)', () =>
    sql`INSERT INTO report_mix (month, store_id, type, category, channel, tickets)
      SELECT m.month, s.id, sh.type, sh.category, sh.channel, round(833 * sh.share * (0.5 + random()))::bigint
      FROM bench_month m CROSS JOIN hq_store s CROSS JOIN bench_shape sh`.execute(db),
  );
  await timed('report_month (store × month × type), from the mix', () =>
    sql`INSERT INTO report_month (month, store_id, type, tickets, voided, resolved, reopened, escalated,
        reply_met, reply_breached, reply_open, resolve_met, resolve_breached, resolve_open,
        rating_1, rating_2, rating_3, rating_4, rating_5, tat_count, tat_minutes, tat_1d, tat_3d, tat_7d, tat_14d, tat_over)
      SELECT month, store_id, type, t, round(t * 0.02), round(t * 0.85), round(t * 0.03), round(t * 0.02),
        round(t * 0.90), round(t * 0.07), t - round(t * 0.90) - round(t * 0.07),
        round(t * 0.78), round(t * 0.10), t - round(t * 0.78) - round(t * 0.10),
        round(t * 0.01), round(t * 0.02), round(t * 0.06), round(t * 0.13), round(t * 0.18),
        round(t * 0.85), round(t * 0.85 * (600 + random() * 3000)),
        round(t * 0.85 * 0.4), round(t * 0.85 * 0.3), round(t * 0.85 * 0.2), round(t * 0.85 * 0.07),
        round(t * 0.85) - round(t * 0.85 * 0.4) - round(t * 0.85 * 0.3) - round(t * 0.85 * 0.2) - round(t * 0.85 * 0.07)
      FROM (SELECT month, store_id, type, sum(tickets) AS t FROM report_mix GROUP BY 1, 2, 3) x`.execute(db),
  );
  await timed('report_mix: the chain rows (store *)', () =>
    sql`INSERT INTO report_mix (month, store_id, type, category, channel, tickets)
      SELECT month, '*', type, category, channel, sum(tickets) FROM report_mix GROUP BY month, type, category, channel`.execute(
      db,
    ),
  );
  await timed('catalogue, parts consumed, stock', async () => {
    await sql`INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, updated_seq)
      SELECT 'part', 'part-' || g, json_build_object('fields', json_build_object('partNo', 'P-' || lpad(g::text, 5, '0'),
        'name', '配件 ' || g, 'costFen', 100 + (g * 37) % 9000), 'clocks', '{}'::json, 'deleted', null), null, 'global', g
      FROM generate_series(1, 2000) g`.execute(db);
    await sql`INSERT INTO report_parts_month (month, store_id, part_id, consumed, consumed_fen, movements)
      SELECT m.month, 'store-' || s, 'part-' || (1 + (g * 37 + s * 13 + m.i * 7) % 2000), c, c * 850, c
      FROM bench_month m, generate_series(1, ${STORES}) s, generate_series(1, 50) g,
        LATERAL (SELECT 1 + floor(random() * 6)::int + (g + s + m.i) * 0 AS c) q`.execute(db);
    // Each store's total (part *), the chain's part (store *) and the chain's total, as the follow-up keeps them.
    await sql`INSERT INTO report_parts_month (month, store_id, part_id, consumed, consumed_fen, movements)
      SELECT month, coalesce(store_id, '*'), coalesce(part_id, '*'), sum(consumed), sum(consumed_fen), sum(movements)
      FROM report_parts_month GROUP BY GROUPING SETS ((month, store_id), (month, part_id), (month))`.execute(db);
    await sql`INSERT INTO report_stock (store_id, part_id, on_hand, last_issue_ms, first_in_ms)
      SELECT 'store-' || s, 'part-' || (1 + (g * 7 + s) % 2000), floor(random() * 20)::int,
        CASE WHEN random() < 0.8 THEN ${Date.now()} - random() * 730 * 86400000 END, ${Date.now()} - 800 * 86400000::float8
      FROM generate_series(1, ${STORES}) s, generate_series(1, 500) g`.execute(db);
  });
  await timed(
    `${RAW_TICKETS.toLocaleString('en')} raw ticket states and their facts (not read by the reports)`,
    async () => {
      await sql`INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, updated_seq)
      SELECT 'ticket', 'ticket-' || g, json_build_object('fields', json_build_object('type', 'repair', 'storeId', 'store-' || (1 + g % ${STORES}),
        'createdAt', to_char(timestamp '2025-01-01' + make_interval(mins => g % 1000000), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'form.fault', '不制冷'), 'clocks', '{}'::json, 'deleted', null), 'store-' || (1 + g % ${STORES}), 'store', g
      FROM generate_series(1, ${RAW_TICKETS}) g`.execute(db);
      await sql`INSERT INTO report_ticket (ticket_id, store_id, live, type, created_ms, status)
      SELECT 'ticket-' || g, 'store-' || (1 + g % ${STORES}), true, 'repair', 1735689600000 + g * 60000.0, 'closed'
      FROM generate_series(1, ${RAW_TICKETS}) g`.execute(db);
    },
  );
  // What autovacuum does to a table that has settled: statistics and the visibility map.
  await timed('VACUUM ANALYZE', () => sql`VACUUM ANALYZE`.execute(db));
}

const REPORTS: Record<ReportName, (db: HqDatabase, q: ReturnType<typeof reportQuerySchema.parse>) => Promise<unknown>> =
  {
    complaints: complaintsReport,
    sla: slaReport,
    satisfaction: satisfactionReport,
    turnaround: turnaroundReport,
    parts: (db, q) => partsReport(db, q, Date.now()),
    stores: storesReport,
  };

/** A varied filter: 1–24 months, all stores or 1, 10 or 200 of them, any type or one. */
function filter(run: number): ReturnType<typeof reportQuerySchema.parse> {
  const length = [1, 3, 6, 12, 24][run % 5]!;
  const start = (run * 7) % (MONTHS - length + 1);
  const month = (i: number) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const storeCount = [0, 1, 10, 200][Math.floor(run / 5) % 4]!;
  const stores = Array.from({ length: storeCount }, (_, i) => `store-${1 + ((run * 97 + i * 13) % STORES)}`);
  const type = run % 3 === 0 ? REPORT_TICKET_TYPES[run % 5] : undefined;
  return reportQuerySchema.parse({ from: month(start), to: month(start + length - 1), stores: stores.join(','), type });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-bench-reports-'));
  const pg = await startLocalPostgres({
    dataDir: join(folder, 'pg'),
    port: 54000 + Math.floor(Math.random() * 1000),
    ephemeral: true,
  });
  try {
    await ensureDatabase(pg.url, 'reports');
    const db = connectHq(pg.urlFor('reports'));
    await migrateHq(db);
    log('Generating a head office of 1,000 stores × 24 months …');
    await generate(db);
    const counts = await sql<{
      tickets: number;
      month: number;
      mix: number;
      parts: number;
      stock: number;
      raw: number;
    }>`
      SELECT (SELECT sum(tickets)::float8 FROM report_month) AS tickets, (SELECT count(*)::float8 FROM report_month) AS month,
        (SELECT count(*)::float8 FROM report_mix) AS mix, (SELECT count(*)::float8 FROM report_parts_month) AS parts,
        (SELECT count(*)::float8 FROM report_stock) AS stock, (SELECT count(*)::float8 FROM entity_state) AS raw`.execute(
      db,
    );
    const size = counts.rows[0]!;
    log(
      `  tickets the rollups stand for: ${size.tickets.toLocaleString('en')}; rows: report_month ${size.month}, report_mix ${size.mix}, report_parts_month ${size.parts}, report_stock ${size.stock}, entity_state ${size.raw}`,
    );
    const results: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const [name, report] of Object.entries(REPORTS)) {
      await report(db, filter(0)); // warm the cache once
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const q = filter(run);
        const start = performance.now();
        await report(db, q);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      results[name] = {
        p50: Math.round(quantile(times, 0.5)),
        p95: Math.round(quantile(times, 0.95)),
        max: Math.round(times.at(-1)!),
      };
      log(
        `  ${name.padEnd(13)} p50 ${String(results[name].p50).padStart(5)} ms   p95 ${String(results[name].p95).padStart(5)} ms   max ${results[name].max} ms  (${RUNS} runs)`,
      );
    }
    await db.destroy();
    process.stdout.write(`${JSON.stringify({ size, runsPerReport: RUNS, results })}\n`);
  } finally {
    await pg.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
