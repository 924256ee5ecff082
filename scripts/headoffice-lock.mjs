// `npm run headoffice:lock`: regenerates deploy/headoffice/package-lock.json after its package.json
// changed (a package added to head office, a version bumped at the root). npm resolves it in a
// temporary copy, from the registry or npm's cache, so the repository's node_modules is not touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployDir } from './headoffice-build.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'counterdesk-hq-lock-'));
try {
  copyFileSync(join(deployDir, 'package.json'), join(scratch, 'package.json'));
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: scratch,
    stdio: 'inherit',
  });
  copyFileSync(join(scratch, 'package-lock.json'), join(deployDir, 'package-lock.json'));
  console.log(`Wrote ${join(deployDir, 'package-lock.json')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
