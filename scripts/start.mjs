// `npm start`: builds the app if out/ is older than the sources (in place, without emptying out/:
// other hosts may be running from it; `--rebuild` builds anyway), then starts Electron where its
// runtime is present, else the browser host, and says which. `--demo` first makes a demo store (see
// test/support/demo-main.ts); `--host` starts the browser host even where Electron could run.
// Other flags go to the host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, version } from './build.mjs';
import { staleReason } from './out-fresh.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const demo = args.includes('--demo');
const forceHost = args.includes('--host');
const rebuild = args.includes('--rebuild');
const passThrough = args.filter((a) => a !== '--demo' && a !== '--host' && a !== '--rebuild');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Counterdesk needs Node 22 or newer to run its database (better-sqlite3 13); this is Node ${process.versions.node}.\n` +
      'On Linux x64, `npm ci` installs Node 24 into node_modules/.bin and `npm start` uses it; elsewhere install Node 24.',
  );
  process.exit(1);
}

/** Where the electron package keeps its runtime once downloaded; never `require('electron')`, which would try to download it. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, commandArgs, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

const stale = rebuild ? '--rebuild' : staleReason(root, version);
if (stale) {
  console.log(`Building out/ (${stale}).`);
  await buildAll({ clean: false });
} else {
  console.log('out/ is up to date with the sources: starting without a build (--rebuild forces one).');
}
const env = { ...process.env };
if (demo) {
  const dataDir = join(root, '.counterdesk-demo');
  const code = await run(process.execPath, [join(root, 'out/demo/demo.js'), '--data-dir', dataDir]);
  if (code !== 0) process.exit(code);
  env.COUNTERDESK_DATA_DIR = dataDir;
}

const electron = forceHost ? null : electronBinary();
if (electron) {
  console.log(`Starting Counterdesk in Electron (${electron}).`);
  process.exit(await run(electron, [root], env));
} else {
  console.log(
    forceHost
      ? 'Starting the browser host (--host).'
      : 'The Electron runtime is not installed on this machine (it could not be downloaded), so Counterdesk starts its browser host instead.',
  );
  process.exit(await run(process.execPath, [join(root, 'out/host/host.js'), ...passThrough], env));
}
