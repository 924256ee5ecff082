// `npm run bench [-- --json]`: bundles the benchmark (test/bench/bench-main.ts) the way the other
// Node entries are built, then runs it with the same Node; its arguments pass through. The sync
// figures (scripts/bench-sync.mjs) follow: `--no-sync` skips them, `--sync-sizes N,M` and
// `--no-pouchdb` go to them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const storeArgs = [];
const syncArgs = [];
let sync = true;
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i];
  if (arg === '--no-sync') sync = false;
  else if (arg === '--no-pouchdb') syncArgs.push(arg);
  else if (arg === '--sync-sizes') syncArgs.unshift(...(process.argv[++i] ?? '').split(','));
  else if (arg.startsWith('--sync-sizes=')) syncArgs.unshift(...arg.slice('--sync-sizes='.length).split(','));
  else storeArgs.push(arg);
}
if (storeArgs.includes('--json')) syncArgs.push('--json');
await buildNode({ entry: 'test/bench/bench-main.ts', outDir: 'out/bench', fileName: 'bench.js' });
const child = spawn(process.execPath, ['out/bench/bench.js', ...storeArgs], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => {
  if (!sync) process.exit(code ?? 1);
  const syncRun = spawn(process.execPath, ['scripts/bench-sync.mjs', ...syncArgs], { cwd: root, stdio: 'inherit' });
  syncRun.on('exit', (syncCode) => process.exit(Math.max(code ?? 1, syncCode ?? 1)));
});
