// `npm run bench:hq [-- --seconds 60 --rate 170 --stores 1000 --devices 5000 --baseline <git ref> --json]`:
// head office under the chain's sync load (docs/architecture/console-pull-cost.md). A real head
// office over HTTPS on embedded PostgreSQL, `--devices` enrolled PCs in `--stores` stores, an
// open-loop load of `--rate` requests a second for `--seconds` (one in ten a push of 50 changes,
// the rest pulls). Prints p50/p95/p99 per kind, errors, and head office's RSS (its own process),
// against the targets p95 ≤ 100 ms, p99 ≤ 250 ms, 0 errors, RSS ≤ 400 MB; exits 1 on a miss.
// `--baseline <ref>` runs the same load on that commit's head office too (its tree from
// `git archive`, with this benchmark's files) and prints the ratio. `--profile <dir>` writes a CPU
// profile of each run's head office there. Each run also says where its time went: head office's
// own figures (test/bench/hq-load-probe.ts: server time, pool wait, SQL, feed lock held, event-loop
// delay, GC, PostgreSQL's lock waits; `inside` in --json) and the generator's lateness.
import { spawn, execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '170' },
    stores: { type: 'string', default: '1000' },
    devices: { type: 'string', default: '5000' },
    history: { type: 'string', default: '60' },
    'push-share': { type: 'string', default: '0.1' },
    'push-size': { type: 'string', default: '50' },
    sockets: { type: 'string', default: '128' },
    baseline: { type: 'string' },
    profile: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const numbers = ['seconds', 'rate', 'stores', 'devices', 'history', 'push-share', 'push-size', 'sockets'];
for (const name of numbers) {
  if (!(Number(values[name]) > 0)) {
    console.error(`--${name} must be a positive number (got "${values[name]}")`);
    process.exit(2);
  }
}
if (Number(values.devices) < Number(values.stores)) {
  console.error('--devices must be at least --stores (every store has a PC)');
  process.exit(2);
}
const TARGETS = { p95: 100, p99: 250, errors: 0, rssMb: 400 };
const log = (line) => process.stderr.write(`${line}\n`);

const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Node process; `firstLine` resolves with its first stdout line as JSON, `done` with its last at exit. */
function node(args, env) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  let stdout = '';
  let resolveFirst;
  const firstLine = new Promise((resolve) => (resolveFirst = resolve));
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.includes('\n')) resolveFirst(JSON.parse(stdout.split('\n')[0]));
  });
  const done = new Promise((resolve, reject) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code !== 0 && signal !== 'SIGTERM')
        return reject(new Error(`${args[1]} ${args[2] ?? ''} ended with ${code ?? signal}`));
      resolve(stdout.trim() ? JSON.parse(stdout.trim().split('\n').at(-1)) : null);
    }),
  );
  done.catch(() => resolveFirst(null));
  return { child, firstLine, done };
}

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process and all its descendants (PostgreSQL's backends are the
 * postmaster's children): on a machine shared with other work, CPU per request says what head
 * office costs where latency only says how busy the machine was.
 */
function cpuSecondsOfTree(rootPid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command's closing parenthesis: state ppid … utime(14) stime(15).
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = stats.get(p)?.ppid ?? 0) if (p === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks / 100;
}

async function buildBench(tree) {
  await build({
    root: tree,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: join(tree, 'out/bench-hq'),
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: {
        input: {
          server: join(tree, 'test/bench/hq-load-server.ts'),
          client: join(tree, 'test/bench/hq-load-client.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  return { server: join(tree, 'out/bench-hq/server.js'), client: join(tree, 'out/bench-hq/client.js') };
}

/** A commit's tree with this benchmark's files in it, sharing this checkout's node_modules. */
function baselineTree(ref, scratch) {
  const tree = join(scratch, 'tree');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" | tar -x -C "${tree}"`], { stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
  for (const file of ['hq-load-server.ts', 'hq-load-client.ts', 'hq-load-mix.ts', 'hq-load-probe.ts'])
    copyFileSync(join(root, 'test/bench', file), join(tree, 'test/bench', file));
  return tree;
}

/** Head office's own figures (hq-load-probe.ts), which it writes to `file` on SIGUSR2. */
async function probeFigures(child, file) {
  child.kill('SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // not written yet
    }
  }
  log("head office's own figures did not come");
  return null;
}

async function runLoad(label, tree) {
  const scratch = mkdtempSync(join(tmpdir(), 'counterdesk-bench-hq-'));
  // Embedded PostgreSQL runs as an unprivileged user below this folder.
  chmodSync(scratch, 0o755);
  const env = { TMPDIR: scratch };
  const started = Date.now();
  let pg;
  let serve;
  try {
    const entries = await buildBench(tree === 'baseline' ? baselineTree(values.baseline, scratch) : root);
    pg = node([entries.server, 'postgres', join(scratch, 'pg'), '--port', String(await freePort())], env);
    const { url } = (await pg.firstLine) ?? {};
    if (!url) throw new Error('PostgreSQL did not start');
    const stateFile = join(scratch, 'state.json');
    log(`${label}: preparing ${values.stores} stores, ${values.devices} PCs …`);
    await node(
      [
        entries.server,
        'prepare',
        url,
        stateFile,
        '--stores',
        values.stores,
        '--devices',
        values.devices,
        '--history',
        values.history,
      ],
      env,
    ).done;
    // `--profile <dir>`: a CPU profile of head office under the load (open it in Chrome's DevTools).
    const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
    serve = node([...profile, entries.server, 'serve', url, stateFile], env);
    const hq = await serve.firstLine;
    if (!hq) throw new Error('head office did not start');
    const before = memoryOf(serve.child.pid);
    const cpuBefore = { hq: cpuSecondsOfTree(serve.child.pid), pg: cpuSecondsOfTree(pg.child.pid) };
    log(`${label}: ${values.rate} requests/s for ${values.seconds} s …`);
    let peakRss = 0;
    const sampler = setInterval(() => {
      const memory = memoryOf(serve.child.pid);
      if (memory) peakRss = Math.max(peakRss, memory.rssMb);
    }, 250);
    const client = node(
      [
        entries.client,
        stateFile,
        hq.url,
        ...['rate', 'seconds', 'push-share', 'push-size', 'sockets'].flatMap((name) => [`--${name}`, values[name]]),
      ],
      env,
    );
    const figures = await client.done;
    clearInterval(sampler);
    const cpu = {
      hq: cpuSecondsOfTree(serve.child.pid) - cpuBefore.hq,
      pg: cpuSecondsOfTree(pg.child.pid) - cpuBefore.pg,
    };
    const perRequest = (seconds) => +((seconds * 1000) / figures.requests).toFixed(2);
    const after = memoryOf(serve.child.pid);
    // Head office's own figures (hq-load-probe.ts): printed as it stops.
    const inside = await probeFigures(serve.child, `${stateFile}.probe.json`);
    return {
      label,
      ...figures,
      cpuMsPerRequest: {
        headOffice: perRequest(cpu.hq),
        postgres: perRequest(cpu.pg),
        both: perRequest(cpu.hq + cpu.pg),
      },
      hqRssMb: {
        atStart: Math.round(before?.rssMb ?? 0),
        peakUnderLoad: Math.round(peakRss),
        processPeak: Math.round(after?.hwmMb ?? 0),
      },
      wallSeconds: Math.round((Date.now() - started) / 1000),
      inside,
    };
  } finally {
    if (serve) {
      serve.child.kill('SIGTERM');
      await serve.done.catch(() => {});
    }
    if (pg) {
      pg.child.kill('SIGTERM');
      await pg.done.catch(() => {});
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  loadavgAtStart: loadavg().map((x) => +x.toFixed(2)),
  node: process.version,
};
const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).toString().trim();
const runs = [await runLoad(`this tree (${head})`, root)];
if (values.baseline) runs.push(await runLoad(`baseline (${values.baseline})`, 'baseline'));

const [ours, base] = runs;
const misses = [];
if (!(ours.all.p95 <= TARGETS.p95)) misses.push(`p95 ${ours.all.p95} ms > ${TARGETS.p95} ms`);
if (!(ours.all.p99 <= TARGETS.p99)) misses.push(`p99 ${ours.all.p99} ms > ${TARGETS.p99} ms`);
if (ours.errors > TARGETS.errors) misses.push(`${ours.errors} errors`);
if (ours.hqRssMb.processPeak > TARGETS.rssMb)
  misses.push(`head office RSS ${ours.hqRssMb.processPeak} MB > ${TARGETS.rssMb} MB`);
const ratio = (a, b) => (a && b ? +(b / a).toFixed(1) : null);
const report = {
  machine,
  load: Object.fromEntries(numbers.map((n) => [n, Number(values[n])])),
  targets: TARGETS,
  runs,
  ...(base
    ? {
        baselineOverThis: {
          p50: ratio(ours.all.p50, base.all.p50),
          p95: ratio(ours.all.p95, base.all.p95),
          p99: ratio(ours.all.p99, base.all.p99),
          cpu: ratio(ours.cpuMsPerRequest.both, base.cpuMsPerRequest.both),
        },
      }
    : {}),
  misses,
};

if (values.json) console.log(JSON.stringify(report));
else {
  const row = (r) =>
    `| ${r.label} | ${r.all.p50} | ${r.all.p95} | ${r.all.p99} | ${r.pull.p95} | ${r.push.p95} | ${r.errors} | ${r.pull.changesPerPull} | ${r.cpuMsPerRequest.headOffice} + ${r.cpuMsPerRequest.postgres} | ${r.hqRssMb.peakUnderLoad} / ${r.hqRssMb.processPeak} |`;
  console.log(
    [
      '',
      `${values.devices} PCs in ${values.stores} stores, ${values.rate} requests/s for ${values.seconds} s (${Number(values['push-share']) * 100} % pushes of ${values['push-size']} changes), ${machine.cpus} CPUs, load ${machine.loadavgAtStart.join(' ')} at start`,
      '',
      '| head office | p50 ms | p95 ms | p99 ms | pull p95 | push p95 | errors | changes per pull | CPU ms per request (head office + PostgreSQL) | RSS MB (load peak / process peak) |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...runs.map(row),
      ...(base
        ? [
            `| baseline ÷ this tree | ${report.baselineOverThis.p50}× | ${report.baselineOverThis.p95}× | ${report.baselineOverThis.p99}× | | | | | ${report.baselineOverThis.cpu}× | |`,
          ]
        : []),
      '',
      `Targets: p95 ≤ ${TARGETS.p95} ms, p99 ≤ ${TARGETS.p99} ms, ${TARGETS.errors} errors, RSS ≤ ${TARGETS.rssMb} MB: ${misses.length === 0 ? 'met' : `MISSED (${misses.join('; ')})`}`,
      '',
      'Where the time went (head office measured from inside, hq-load-probe.ts; the generator its own lateness):',
      '',
      '| head office | server pull p95 | server push p95 | pool wait p95 | feed lock held p50 / p95 | event-loop delay p99 | GC pauses (sum / max) | sends late > 50 ms |',
      '|---|---|---|---|---|---|---|---|',
      ...runs.map((r) => {
        const i = r.inside;
        if (!i) return `| ${r.label} | (no figures) | | | | | | ${r.generator.sendsLate50ms} |`;
        return `| ${r.label} | ${i.serverMs.pull.p95} | ${i.serverMs.push.p95} | ${i.poolWaitMs.p95} | ${i.feedLockHeldMs.p50} / ${i.feedLockHeldMs.p95} | ${i.eventLoopDelayMs.p99} | ${i.gcMs.sumMs ?? 0} / ${i.gcMs.max ?? 0} | ${r.generator.sendsLate50ms} |`;
      }),
      ...runs.filter((r) => r.errorSamples.length > 0).map((r) => `${r.label} errors: ${r.errorSamples.join(' | ')}`),
    ].join('\n'),
  );
}
process.exit(misses.length === 0 ? 0 : 1);
