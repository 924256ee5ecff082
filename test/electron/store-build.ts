/** Builds out/store/store.js's entry once per test file into a folder of its own (the tests run it as a real worker or child). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { buildNode } from '../../scripts/build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function builtStoreEntry(): () => string {
  const outDir = `test-results/store-build-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    await buildNode({
      entry: 'electron/store/entry.ts',
      outDir,
      fileName: 'store.js',
    });
  }, 120_000);
  afterAll(() => rmSync(join(root, outDir), { recursive: true, force: true }));
  return () => join(root, outDir, 'store.js');
}
