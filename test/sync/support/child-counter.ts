/**
 * Runs F15's counter (kill-child.ts) in a real child process. The TypeScript entry is bundled once
 * per test file with Vite, as scripts/bench-sync.mjs does, into a folder under node_modules/.cache so
 * the bundle's imports of kysely, zod and better-sqlite3 resolve from the project's node_modules.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export type ChildBundle = { entry: string; remove(): void };

export async function bundleKillChild(): Promise<ChildBundle> {
  return bundleChild('test/sync/support/kill-child.ts');
}

/** Bundles one child entry (a path from the project's root) the same way. */
export async function bundleChild(entry: string): Promise<ChildBundle> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'counterdesk-child-'));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.js' } },
    },
  });
  return { entry: join(outDir, 'child.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export type ChildRun = {
  /** The child's report lines (see kill-child.ts). */
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  ms: number;
};

/**
 * Starts the child and waits for it to end: by its own SIGKILL, by ours `killAfterMs` after it said
 * `ready`, or by finishing. A child still alive after `timeoutMs` is killed and reported as such.
 */
export function runChild(
  entry: string,
  env: Record<string, string>,
  { killAfterMs, timeoutMs = 30_000 }: { killAfterMs?: number; timeoutMs?: number } = {},
): Promise<ChildRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    const timers: NodeJS.Timeout[] = [];
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line === 'ready' && killAfterMs !== undefined) timers.push(setTimeout(kill, killAfterMs));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    timers.push(
      setTimeout(() => {
        stderr += `\n[test] child still running after ${timeoutMs} ms: killed`;
        kill();
      }, timeoutMs),
    );
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      if (partial) lines.push(partial);
      resolve({ lines, signal, code, stderr, ms: performance.now() - started });
    });
  });
}
