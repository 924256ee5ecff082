/**
 * Slow file work off the counter's thread: copying the store with SQLite's backup API and the full
 * integrity check. better-sqlite3 is synchronous, so either would hold the main thread (and every
 * desk call) for seconds on a big store; a worker thread with its own read-only connection holds
 * only itself. In WAL mode a reader never blocks the counter's writes, and the copy is taken in one
 * backup step under one read transaction, so it is the store exactly as committed when it began.
 *
 * The worker's code is a string (evaluated as CommonJS) so every bundle (Electron main, browser
 * host, tests) can start it without a separate built file; it loads the driver from the path this
 * module resolves.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type WorkerJob =
  | { kind: 'backup'; source: string; dest: string }
  | { kind: 'check'; file: string; check: 'integrity_check' | 'quick_check'; limit: number; foreignKeys: boolean };

export type CheckAnswer = { complaints: string[] };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;
function run(job) {
  if (job.kind === 'backup') {
    const source = new Database(job.source, { readonly: true, fileMustExist: true });
    source.pragma('busy_timeout = 5000');
    return source
      // 0x7fffffff pages per step after the first: the whole file in one step, one read transaction.
      .backup(job.dest, { progress: () => 0x7fffffff })
      .finally(() => source.close())
      .then(() => {
        // The copy stands alone: one file, no -wal beside it to lose when it is moved.
        const copy = new Database(job.dest);
        try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
        return {};
      });
  }
  let db;
  try {
    db = new Database(job.file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma(job.check + '(' + job.limit + ')');
    const lines = rows.map((row) => String(Object.values(row)[0]));
    const complaints = lines.length === 1 && lines[0] === 'ok' ? [] : lines;
    if (complaints.length === 0 && job.foreignKeys) {
      for (const row of db.pragma('foreign_key_check').slice(0, 10)) complaints.push('foreign key: ' + row.table + ' row ' + row.rowid + ' → ' + row.parent);
    }
    return { complaints };
  } catch (error) {
    if (error && typeof error.code === 'string' && DAMAGE.test(error.code)) return { complaints: [error.code + ': ' + error.message] };
    throw error;
  } finally {
    if (db) db.close();
  }
}
Promise.resolve()
  .then(() => run(workerData.job))
  .then((value) => parentPort.postMessage({ ok: true, value }), (error) => parentPort.postMessage({ ok: false, error: String((error && error.stack) || error), code: error && error.code }));
`;

function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

export class WorkerJobError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

export function runWorkerJob(job: Extract<WorkerJob, { kind: 'backup' }>): Promise<Record<string, never>>;
export function runWorkerJob(job: Extract<WorkerJob, { kind: 'check' }>): Promise<CheckAnswer>;
export function runWorkerJob(job: WorkerJob): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: driverPath(), job } });
    let settled = false;
    worker.once('message', (message: { ok: boolean; value?: unknown; error?: string; code?: string }) => {
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(new WorkerJobError(message.error ?? 'worker job failed', message.code));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the storage worker stopped (exit code ${code}) before answering`));
      settled = true;
    });
  });
}
