/**
 * Runs before `npm run dist`: electron-builder downloads the Electron zip (and, for AppImage and
 * deb, its packaging tools) from GitHub or a mirror, and without a network it fails only after the
 * build, with a bare `getaddrinfo ENOTFOUND github.com`. This asks the download host first and, if
 * it does not answer, says what to do instead, in a few seconds.
 *
 * Honours ELECTRON_MIRROR (as electron-builder does). COUNTERDESK_DIST_SKIP_PREFLIGHT=1 skips the
 * check, for a release machine whose caches already hold everything (docs/architecture/packaging.md).
 */
import { readFileSync } from 'node:fs';

const TIMEOUT_MS = 8_000;
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const electronVersion = packageJson.devDependencies.electron;

if (process.env.COUNTERDESK_DIST_SKIP_PREFLIGHT === '1') process.exit(0);

const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || DEFAULT_MIRROR;
const url = `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${electronVersion}/SHASUMS256.txt`;

try {
  // Any HTTP answer means the host is there; only a network failure stops the release here.
  const response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.body?.cancel();
} catch (error) {
  const reason = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? String(error);
  console.error(
    [
      `npm run dist: cannot download Electron ${electronVersion}: ${new URL(url).host} does not answer (${reason}).`,
      '',
      'Packaging needs the Electron zip for each target platform, and for AppImage and deb the',
      "packaging tools from electron-builder's GitHub releases. Either:",
      '  - package on a release machine with internet access (README, "Release checklist"), or',
      '  - set ELECTRON_MIRROR and ELECTRON_BUILDER_BINARIES_MIRROR to an internal mirror, or',
      '  - if the caches already hold them, set COUNTERDESK_DIST_SKIP_PREFLIGHT=1.',
      '',
      'The offline check of the packaging configuration: npm run build, then',
      '  npx vitest run --project e2e test/packaging',
    ].join('\n'),
  );
  process.exit(1);
}
