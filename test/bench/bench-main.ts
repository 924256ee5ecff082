/**
 * `npm run bench`: builds (once, cached under test/.cache/) a store of 500,000 customers, 800,000
 * products and 2,000,000 tickets, then times every kind of counter search and opening a customer's
 * history through the desk, and prints p50/p95/p99 per kind (`--json`: one JSON object).
 * Exits 1 when a p95 target is missed. Smaller stores for a quick look: --customers/--products/--tickets.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { BENCH_ADMIN, buildBenchStore, type BenchSize } from './build-data';
import { drawSamples, KINDS, measure } from './measure';

/** Bump when the generated data or the search terms change, so a stale cache is rebuilt. */
const DATA_VERSION = 1;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    customers: { type: 'string', default: '500000' },
    products: { type: 'string', default: '800000' },
    tickets: { type: 'string', default: '2000000' },
    samples: { type: 'string', default: '400' },
    'cache-dir': { type: 'string', default: 'test/.cache' },
  },
});
const size: BenchSize = {
  customers: Number(values.customers),
  products: Number(values.products),
  tickets: Number(values.tickets),
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const cacheDir = resolve(values['cache-dir']);
mkdirSync(cacheDir, { recursive: true });
const file = join(
  cacheDir,
  `bench-d${DATA_VERSION}-s${SCHEMA_VERSION}-${size.customers}c-${size.products}p-${size.tickets}t.sqlite`,
);
let buildSeconds: number | null = null;
if (!existsSync(file)) {
  // Built under another name and renamed when complete: an interrupted build is never taken for a cache.
  const partial = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  log(`Building the bench store (once) in ${partial} …`);
  const started = performance.now();
  await buildBenchStore(partial, size, log);
  renameSync(partial, file);
  buildSeconds = Math.round((performance.now() - started) / 1000);
  log(`Built in ${buildSeconds} s.`);
}

const perKind = Number(values.samples);
const warmUp = 20;
const samples = drawSamples(file, perKind + warmUp);
const desk = await openDesk({
  file,
  appVersion: 'bench',
  host: 'browser',
  forcedLanguage: null,
  logger: { info: () => {}, warn: () => {}, error: () => {} },
});
const client: ClientState = { sessionId: null };
const staff = await desk.dispatch(client, 'session.staffList', {});
const admin = staff.ok
  ? (staff.value as Array<{ id: string; name: string }>).find((s) => s.name === BENCH_ADMIN.name)
  : undefined;
if (!admin) throw new Error('the bench store has no admin: delete it from test/.cache and run again');
const signIn = await desk.dispatch(client, 'session.signIn', { staffId: admin.id, pin: BENCH_ADMIN.pin });
if (!signIn.ok) throw new Error(`signing in failed: ${signIn.error.message}`);
const results = await measure(desk, client, samples, warmUp);
await desk.close();

const missed = KINDS.filter(({ kind }) => results[kind].p95 > results[kind].targetMs);
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ size, node: process.version, file, buildSeconds, results, ok: missed.length === 0 })}\n`,
  );
} else {
  const ms = (n: number) => n.toFixed(2).padStart(7);
  const lines = [
    `Counter search and history on ${size.customers.toLocaleString('en')} customers, ${size.products.toLocaleString('en')} products, ${size.tickets.toLocaleString('en')} tickets (${process.version}; ${perKind} queries per kind)`,
    '',
    `| ${'query kind'.padEnd(34)} | ${'n'.padStart(4)} | ${'p50 ms'.padStart(7)} | ${'p95 ms'.padStart(7)} | ${'p99 ms'.padStart(7)} | ${'p95 target'.padEnd(11)} | found |`,
    `|${'-'.repeat(36)}|------|---------|---------|---------|-------------|-------|`,
    ...KINDS.map(({ kind, label }) => {
      const r = results[kind];
      const verdict = r.p95 <= r.targetMs ? 'met' : 'MISSED';
      return `| ${label.padEnd(34)} | ${String(r.n).padStart(4)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ≤ ${String(r.targetMs).padStart(2)} ${verdict.padEnd(6)} | ${String(r.hits).padStart(5)} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(missed.length === 0 ? 0 : 1);
