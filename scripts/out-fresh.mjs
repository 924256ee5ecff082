// Is out/ built from the sources as they are now? `npm start` / `npm run host` / `npm run demo`
// skip the build when it is, so a second counter starts at once and a running host's files are
// left alone. The stamp records when the last build started; any source file changed since (or
// an output missing, or another version) means a build is due. `npm run build` always builds.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'out/.build-stamp.json';
/** What the bundles are made from: the app's folders (the demo seeder lives in test/support) and the build's own inputs. */
export const BUILD_SOURCES = [
  'db',
  'electron',
  'renderer',
  'test/support',
  'package.json',
  'package-lock.json',
  'vite.renderer.config.ts',
  'scripts/build.mjs',
];
export const BUILD_OUTPUTS = [
  'out/renderer/index.html',
  'out/main/main.js',
  'out/preload/preload.cjs',
  'out/host/host.js',
  'out/demo/demo.js',
];

function newestChange(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a file removed from the folder changes the folder's mtime
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    const child = statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false });
    if (child && child.mtimeMs > newest) newest = child.mtimeMs;
  }
  return newest;
}

/** Why out/ must be built, or null when it is up to date. */
export function staleReason(root, version) {
  const stamp = (() => {
    try {
      return JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
    } catch {
      return null;
    }
  })();
  if (!stamp) return 'out/ has not been built yet';
  if (stamp.version !== version) return `out/ was built for version ${stamp.version}`;
  const missing = BUILD_OUTPUTS.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  const changed = BUILD_SOURCES.find((source) => newestChange(join(root, source)) >= stamp.startedAt);
  return changed ? `${changed} changed since the last build` : null;
}

export function writeBuildStamp(root, version, startedAt) {
  writeFileSync(join(root, STAMP), `${JSON.stringify({ version, startedAt })}\n`);
}
