/**
 * `npm start` / `npm run host` skip the build when out/ is up to date with the sources, so a
 * second counter starts at once and the hosts already running from out/ keep their files.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, staleReason, writeBuildStamp } from '../../scripts/out-fresh.mjs';
import { tempFile } from '../support/temp-store';

/** A checkout in miniature: sources written an hour ago, then a build. */
function builtCheckout() {
  const root = dirname(tempFile());
  const anHourAgo = (Date.now() - 3_600_000) / 1000;
  for (const file of [
    'db/open.ts',
    'renderer/pages/sign-in.tsx',
    'electron/host.ts',
    'test/support/demo-main.ts',
    'package.json',
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '// source\n');
    utimesSync(join(root, file), anHourAgo, anHourAgo);
  }
  for (const dir of ['db', 'renderer', 'renderer/pages', 'electron', 'test', 'test/support'])
    utimesSync(join(root, dir), anHourAgo, anHourAgo);
  for (const file of BUILD_OUTPUTS) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '// built\n');
  }
  writeBuildStamp(root, '0.1.0', Date.now() - 60_000);
  return root;
}

describe('is out/ up to date?', () => {
  it('yes, right after a build of the sources as they are', () => {
    expect(staleReason(builtCheckout(), '0.1.0')).toBeNull();
  });

  it('no, once a source file is edited (however deep), naming what changed', () => {
    const root = builtCheckout();
    writeFileSync(join(root, 'renderer/pages/sign-in.tsx'), '// edited\n');
    expect(staleReason(root, '0.1.0')).toBe('renderer changed since the last build');
  });

  it('no, once a source file is removed', () => {
    const root = builtCheckout();
    rmSync(join(root, 'db/open.ts'));
    expect(staleReason(root, '0.1.0')).toBe('db changed since the last build');
  });

  it('no, when never built, built for another version, or an output is missing', () => {
    const root = builtCheckout();
    expect(staleReason(root, '0.2.0')).toBe('out/ was built for version 0.1.0');
    rmSync(join(root, 'out/host/host.js'));
    expect(staleReason(root, '0.1.0')).toBe('out/host/host.js is missing');
    rmSync(join(root, 'out'), { recursive: true });
    expect(staleReason(root, '0.1.0')).toBe('out/ has not been built yet');
  });
});
