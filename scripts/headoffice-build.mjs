// `npm run headoffice:build`: head office as a folder a server runs on its own, out/headoffice/:
//   headoffice.js   the server (node headoffice.js), admin.js the admin CLI, chunks/ what they share
//   console/        the built console, precompressed
//   package.json + package-lock.json   its runtime dependencies only (deploy/headoffice/)
// so `cd out/headoffice && npm ci --omit=dev && node headoffice.js` runs it (docs/architecture/headoffice-deploy.md).
// npm packages stay outside the bundle (bare imports), installed from that package.json.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precompress } from './precompress.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const deployDir = join(root, 'deploy/headoffice');

/**
 * The server and the admin CLI in one Node build, so what they share is one chunk. Resolves to the
 * built chunks (fileName, isEntry, imports, dynamicImports, code), which say what each loads.
 */
export async function buildHeadOfficeBundles(outDir, { write = true } = {}) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      write,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { headoffice: 'headoffice/main.ts', admin: 'headoffice/admin/cli.ts' },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  return (Array.isArray(result) ? result[0] : result).output.filter((item) => item.type === 'chunk');
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; null for node: built-ins and paths. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The npm packages the built chunks load at run time:
 * - `atStart`: imported statically from an entry (through shared chunks): installed or it does not start;
 * - `lazily`: reached only through a dynamic `import()`;
 * - `required`: loaded through `createRequire` (`require('x')`, `require.resolve('x/…')`), which
 *   the bundler does not see as imports.
 */
export function runtimePackages(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const atStart = new Set();
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const specifier of chunk.imports) {
      const inner = byName.get(specifier);
      if (inner) visit(inner);
      else if (packageOf(specifier)) atStart.add(packageOf(specifier));
    }
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const lazily = new Set();
  const required = new Set();
  for (const chunk of chunks) {
    for (const specifier of chunk.imports)
      if (!byName.has(specifier) && packageOf(specifier) && !atStart.has(packageOf(specifier)))
        lazily.add(packageOf(specifier));
    for (const match of chunk.code.matchAll(/\brequire(?:\.resolve)?\(\s*[`'"]([^`'"$]+)/g))
      if (packageOf(match[1])) required.add(packageOf(match[1]));
  }
  return { atStart, lazily, required };
}

export async function buildHeadOfficeDist({ outDir = join(root, 'out/headoffice'), withConsole = true } = {}) {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (withConsole) {
    const consoleDir = join(outDir, 'console');
    await build({
      configFile: join(root, 'vite.console.config.ts'),
      logLevel: 'warn',
      build: { outDir: consoleDir, emptyOutDir: true },
    });
    precompress(consoleDir);
  }
  await buildHeadOfficeBundles(outDir);
  for (const name of ['package.json', 'package-lock.json']) copyFileSync(join(deployDir, name), join(outDir, name));
  const { version } = JSON.parse(readFileSync(join(deployDir, 'package.json'), 'utf8'));
  console.log(`Built head office ${version} into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  await buildHeadOfficeDist({ outDir: outDir ? resolve(outDir) : undefined });
}
