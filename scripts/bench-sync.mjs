// `npm run bench:sync [-- N M]`: the sync figures of SYNC.md §3c (P1 push of N changes, P2 initial
// sync of M rows, P3 incremental, P4 no-op, P5 bytes per change, P7 event-loop delay) on this
// machine, printed as a table against the targets. Builds test/bench/sync-bench.ts with Vite.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const [n = '100000', m = '250000'] = process.argv.slice(2);
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: { ssr: 'test/bench/sync-bench.ts', outDir: 'out/bench-sync', emptyOutDir: true, target: 'node22', minify: false, rollupOptions: { output: { format: 'es', entryFileNames: 'sync-bench.js' } } },
});
const run = spawnSync(process.execPath, [`${root}out/bench-sync/sync-bench.js`, n, m], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60_000 });
if (run.status !== 0) {
  console.error(run.stdout);
  process.exit(run.status ?? 1);
}
const r = JSON.parse(run.stdout.trim().split('\n').at(-1));
const rows = [
  ['P1 push of changes', `${r.N}`, `${r.P1_push_s} s (${r.P1_changes_per_s}/s, ${r.P1_requests} requests)`, r.N >= 100000 ? '≤ 20 s' : '≥ 5,000/s', r.P1_changes_per_s >= 5000],
  ['P2 initial sync', `${r.P2_rows} rows`, `${r.P2_initial_s} s (${r.P2_rows_per_s}/s)`, r.P2_rows >= 250000 ? '≤ 25 s' : '≥ 10,000/s', r.P2_rows_per_s >= 10000],
  ['P3 incremental (1 %)', `${Math.floor(r.N / 100)}`, `${r.P3_incremental_s} s`, '≤ 0.5 s', r.P3_incremental_s <= 0.5],
  ['P4 no-op sync', '—', `${r.P4_noop_ms} ms`, '1 request, fast', r.P4_noop_ms <= 100],
  ['P5 bytes per pushed change (gzip)', '—', `${r.P5_bytes_per_change} B`, '≤ 150 B', r.P5_bytes_per_change <= 150],
  ['P7 event-loop p99 during P1 / P2', '—', `${r.P7_loop_p99_ms} / ${r.P7_loop_p99_during_P2_ms} ms`, '≤ 50 ms', Math.max(r.P7_loop_p99_ms, r.P7_loop_p99_during_P2_ms) <= 50],
];
console.log('\n| Case | Size | Counterdesk | Target | Met |\n|---|---|---|---|---|');
for (const [name, size, value, target, met] of rows) console.log(`| ${name} | ${size} | ${value} | ${target} | ${met ? 'yes' : 'NO'} |`);
