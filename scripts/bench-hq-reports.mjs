// `npm run bench:reports`: the chain reports on a generated head office of 1,000 stores × 24 months
// (the rollup rows of about 20 million tickets, generated in SQL; test/bench/hq-reports-bench.ts says
// exactly what). Builds the bench with Vite (a Node bundle) into out/bench-hq-reports, runs it, and
// prints p50/p95 per report; the run's JSON goes to test/bench/results/hq-reports-<date>.json.
// Exits 1 when a report's p95 is over the 1 s target.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_P95_MS = 1000;

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'test/bench/hq-reports-bench.ts',
    outDir: 'out/bench-hq-reports',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'hq-reports-bench.js' } },
  },
});
const run = spawnSync(process.execPath, [join(root, 'out/bench-hq-reports/hq-reports-bench.js')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  timeout: 30 * 60_000,
});
const last = run.stdout.trim().split('\n').at(-1);
if (run.status !== 0 || !last) {
  console.error(`The reports benchmark failed (exit ${run.status ?? run.signal}).\n${run.stdout}`);
  process.exit(1);
}
const result = {
  ...JSON.parse(last),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavgAtStart: loadavg().map((x) => +x.toFixed(2)) },
  node: process.version,
  at: new Date().toISOString(),
};
mkdirSync(join(root, 'test/bench/results'), { recursive: true });
const file = join(root, `test/bench/results/hq-reports-${result.at.slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
const over = Object.entries(result.results).filter(([, r]) => r.p95 > TARGET_P95_MS);
console.log(`\n| report | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|`);
for (const [name, r] of Object.entries(result.results)) console.log(`| ${name} | ${r.p50} | ${r.p95} | ${r.max} |`);
console.log(
  `\n${over.length === 0 ? 'Every report' : `${over.map(([n]) => n).join(', ')}: NOT`} within p95 ≤ ${TARGET_P95_MS} ms. Written to ${file}`,
);
process.exit(over.length === 0 ? 0 : 1);
