// Builds everything with one tool, Vite: the renderer (React), the Electron main process and its
// preload, the browser host and the demo seeder. Native and Electron modules stay external.
// `npm run build` (CI, e2e, dist) empties out/ first; `npm start` builds in place, and only when
// out/ is older than the sources (scripts/out-fresh.mjs), so hosts running from out/ keep their files.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync } from 'node:fs';
import { writeBuildStamp } from './out-fresh.mjs';
import { precompress } from './precompress.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['electron', 'better-sqlite3', 'electron-updater', /^node:/];

/** A Node-side bundle: one file per entry, ESM unless the runtime demands CommonJS. */
export async function buildNode({ entry, outDir, fileName, format = 'es', clean = true }) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: clean,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: { external, output: { format, entryFileNames: fileName, codeSplitting: false } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3', 'electron-updater'] },
  });
}

/**
 * `clean: false` writes over the previous build without emptying anything: a browser tab of a
 * host already running still finds the renderer's older hashed assets.
 */
export async function buildAll({ renderer = true, clean = true } = {}) {
  const started = Date.now();
  if (clean) rmSync(`${root}/out`, { recursive: true, force: true });
  if (renderer)
    await build({ configFile: `${root}/vite.renderer.config.ts`, logLevel: 'warn', build: { emptyOutDir: clean } });
  // The head-office console: built here too, so the end-to-end tests serve it from out/console.
  if (renderer) {
    await build({ configFile: `${root}/vite.console.config.ts`, logLevel: 'warn', build: { emptyOutDir: clean } });
    precompress(`${root}/out/console`);
  }
  await buildNode({ entry: 'electron/main.ts', outDir: 'out/main', fileName: 'main.js', clean });
  // A sandboxed preload can only be one CommonJS file (docs/ELECTRON.md §1).
  await buildNode({
    entry: 'electron/preload.ts',
    outDir: 'out/preload',
    fileName: 'preload.cjs',
    format: 'cjs',
    clean,
  });
  await buildNode({ entry: 'electron/host-main.ts', outDir: 'out/host', fileName: 'host.js', clean });
  // The store process (docs/architecture/store-process.md): a utilityProcess in the app, a worker thread in the host.
  await buildNode({ entry: 'electron/store/entry.ts', outDir: 'out/store', fileName: 'store.js', clean });
  await buildNode({ entry: 'test/support/demo-main.ts', outDir: 'out/demo', fileName: 'demo.js', clean });
  if (renderer) writeBuildStamp(root, version, started);
  console.log(`Built out/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
