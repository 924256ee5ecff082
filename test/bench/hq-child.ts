/**
 * Head office in a child process for the benchmarks: the bench script starts itself again with
 * `--headoffice`, so head office's work does not share the measured process's event loop (in a
 * store it is on another machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connectHq } from '../../headoffice/db/open';
import { startHeadOffice } from '../../headoffice/server';

type Tls = { key: string; cert: string };

/** Starts `script --headoffice` on the bench's database; resolves with head office's URL. */
export async function startHqProcess(
  script: string,
  dbUrl: string,
  tls: Tls,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, script, '--headoffice'], {
    env: { ...process.env, BENCH_HQ: JSON.stringify({ dbUrl, tls }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /HQ_URL=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`head office exited with ${code}`)));
  });
  return { url, child };
}

/** The child's side: serves head office until SIGTERM. */
export async function serveHeadOffice(): Promise<void> {
  const { dbUrl, tls } = JSON.parse(process.env.BENCH_HQ ?? '{}') as { dbUrl: string; tls: Tls };
  const db = connectHq(dbUrl);
  const hq = await startHeadOffice({ db, tls });
  process.stdout.write(`HQ_URL=${hq.url}\n`);
  process.on(
    'SIGTERM',
    () =>
      void hq
        .close()
        .then(() => db.destroy())
        .then(() => process.exit(0)),
  );
}
