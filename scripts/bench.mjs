// `npm run bench [-- --json]`: bundles the benchmark (test/bench/bench-main.ts) the way the other
// Node entries are built, then runs it with the same Node; its arguments pass through.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await buildNode({ entry: 'test/bench/bench-main.ts', outDir: 'out/bench', fileName: 'bench.js' });
const child = spawn(process.execPath, ['out/bench/bench.js', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
