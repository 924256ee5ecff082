// `npm run bench:sync [-- N M] [--no-pouchdb] [--json]`: the sync figures of docs/SYNC.md §3c (P1 push of N
// changes, P2 initial sync of M rows, P3 incremental, P4 no-op, P5 bytes per change, P7 event-loop
// delay) for Counterdesk, then the same workload on PouchDB + express-pouchdb (docs/SYNC.md §4c) with the
// memory and the leveldb adapter, printed as one table with the ratio and the targets. The run's JSON
// goes to test/bench/results/sync-<date>.json. Exits 1 when a target is missed or a run fails.
// PouchDB lives in test/bench/peers/pouchdb with its own lockfile, installed here on first use, so
// the app's `npm ci` never fetches it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { compare, markdownTable } from './bench-sync-table.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const peerDir = join(root, 'test/bench/peers/pouchdb');
const ADAPTERS = ['memory', 'leveldb'];
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'no-pouchdb': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '25' },
  },
});
const [n = '100000', m = '250000'] = positionals;
if (!(Number(n) >= 5 && Number(m) >= 1) || positionals.length > 2) {
  console.error(
    `Usage: npm run bench:sync [-- N M] [--no-pouchdb] [--json]  (N ≥ 5 changes, M ≥ 1 rows; got "${positionals.join(' ')}")`,
  );
  process.exit(2);
}
const timeoutMs = Number(values['timeout-min']) * 60_000;
const log = (line) => process.stderr.write(`${line}\n`);

const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs a Node script in its own process group (so a timeout also stops what it started, e.g.
 * PostgreSQL) and reads its peak RSS (VmHWM) while it runs. Resolves with the last stdout line as JSON.
 * Its temp files go to a folder of its own (TMPDIR), removed afterwards even when it was killed;
 * readable by others because embedded PostgreSQL runs as an unprivileged user below it.
 */
function runNode(args, { cwd = root } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'counterdesk-bench-sync-'));
  chmodSync(scratch, 0o755);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TMPDIR: scratch },
    });
    running.add(child);
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // not Linux, or the process just ended
      }
    }, 250);
    const timer = setTimeout(() => {
      log(`${args.join(' ')}: no result within ${timeoutMs / 60_000} min, stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(sample);
      clearTimeout(timer);
      running.delete(child);
      rmSync(scratch, { recursive: true, force: true });
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return resolve({ error: `exit ${code ?? signal}`, stdout });
      try {
        resolve({ result: JSON.parse(last), peakRssMb: peakKb > 0 ? Math.round(peakKb / 1024) : undefined });
      } catch {
        resolve({ error: 'no JSON result', stdout });
      }
    });
  });
}

/** `npm ci` for the peer when it is missing or older than its lockfile; false when that fails. */
function ensurePeerInstalled() {
  const marker = join(peerDir, 'node_modules/.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(peerDir, 'package-lock.json')).mtimeMs)
    return true;
  log('Installing the PouchDB peer into test/bench/peers/pouchdb/node_modules (once) …');
  const npm = spawnSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['ci', '--prefix', peerDir, '--no-audit', '--no-fund'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 5 * 60_000, shell: process.platform === 'win32' },
  );
  if (npm.status !== 0)
    log(`npm ci for the PouchDB peer failed (${npm.error?.message ?? `exit ${npm.status}`}); its columns stay empty.`);
  return npm.status === 0;
}

const startedAt = new Date();
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  loadavgAtStart: loadavg().map((x) => +x.toFixed(2)),
  node: process.version,
};

log(`Counterdesk: P1 ${n} changes, P2 ${m} rows …`);
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'test/bench/sync-bench.ts',
    outDir: 'out/bench-sync',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'sync-bench.js' } },
  },
});
const ours = await runNode([`${root}out/bench-sync/sync-bench.js`, n, m]);
if (ours.error) {
  console.error(`The Counterdesk sync benchmark failed (${ours.error}).\n${ours.stdout}`);
  process.exit(1);
}
const counterdesk = { system: 'counterdesk', process_peak_rss_mb: ours.peakRssMb, ...ours.result };

const peers = {};
if (!values['no-pouchdb']) {
  const installed = ensurePeerInstalled();
  for (const adapter of ADAPTERS) {
    if (!installed) {
      peers[adapter] = { error: 'not installed' };
      continue;
    }
    log(`PouchDB (${adapter}): same sizes …`);
    // PouchDB's memory adapter keeps every revision on the JS heap: room for 250k docs per side.
    const run = await runNode(
      [
        '--max-old-space-size=8192',
        join(peerDir, 'bench.mjs'),
        n,
        m,
        '--adapter',
        adapter,
        '--timeout-s',
        String(Math.round(timeoutMs / 1000) - 30),
      ],
      { cwd: peerDir },
    );
    if (run.error) log(`PouchDB (${adapter}) failed: ${run.error}\n${run.stdout ?? ''}`);
    peers[adapter] = run.error ? { error: run.error } : run.result;
  }
}

const adapters = Object.keys(peers);
const rows = compare(counterdesk, peers);
const report = {
  startedAt: startedAt.toISOString(),
  seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  machine,
  sizes: { N: Number(n), M: Number(m) },
  counterdesk,
  pouchdb: peers,
  table: rows,
};
const resultsDir = join(root, 'test/bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `sync-${startedAt.toISOString().replace(/:/g, '-').replace(/\..*/, '')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

if (values.json) console.log(JSON.stringify(report));
else {
  console.log(`\n${markdownTable(rows, adapters)}\n`);
  const notes = [
    'Counterdesk: HTTPS + gzip to head office on PostgreSQL, loopback; P5 counts gzip request bodies. Its RSS without client/server',
    "figures from the bench is the bench process's peak (VmHWM): the counter, plus head office if it runs there; PostgreSQL apart.",
  ];
  if (adapters.length > 0) {
    notes.unshift(
      'Ratio: Counterdesk ÷ PouchDB for throughput (P1, P2), PouchDB ÷ Counterdesk for time and bytes (P3–P5); above 1 = Counterdesk ahead.',
    );
    notes.push(
      'PouchDB 9 → express-pouchdb 4.2 over plain HTTP (its http adapter sends no gzip), server in its own process; P5 counts request',
      `bodies by Content-Length (with headers: ${adapters.map((a) => `${a} ${peers[a].P5_wire_bytes_per_change ?? '—'} B`).join(', ')}).`,
    );
  }
  notes.push(
    `Load average at start: ${machine.loadavgAtStart.join(' ')} on ${machine.cpus} cores. JSON: ${file.slice(root.length)}`,
  );
  console.log(notes.join('\n'));
}
const failed = rows.some((row) => row.met === false) || Object.values(peers).some((p) => p.error);
process.exit(failed ? 1 : 0);
