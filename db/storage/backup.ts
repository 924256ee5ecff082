/**
 * The backup copies of the store: taken online with SQLite's backup API (in a worker, see
 * worker.ts), each verified by `PRAGMA integrity_check` on the copy opened read-only, listed with
 * time, kind, size and the verdict, and rotated (rotation.ts). A copy is written under a
 * temporary name and renamed when complete, so a half-written file is never listed.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsToDelete, type BackupKind } from './rotation';
import { runWorkerJob } from './worker';

export type BackupEntry = Readonly<{
  name: string;
  file: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  /** 'verified' copies are offered for restore; 'failed' ones are listed with the reason and never offered. */
  status: 'verified' | 'failed';
  problem: string | null;
}>;

const NAME = /^counterdesk-(daily|manual|pre-migration|pre-restore)-(\d{8}T\d{9}Z)(?:-(\d+))?\.sqlite$/;

/** 2026-12-07T03:04:05.678Z → 20261207T030405678Z: sortable, and valid in every file system's names. */
function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function timeOfStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}

function verdictFile(file: string): string {
  return `${file}.json`;
}

type Verdict = { status: 'verified' | 'failed'; problem: string | null; sizeBytes: number; mtimeMs: number };

/** Runs integrity_check and foreign_key_check on the copy, opened read-only in a worker, and records the verdict beside it. */
export async function verifyBackup(file: string): Promise<Verdict> {
  const stat = statSync(file);
  let verdict: Verdict;
  try {
    const { complaints } = await runWorkerJob({
      kind: 'check',
      file,
      check: 'integrity_check',
      limit: 10,
      foreignKeys: true,
    });
    verdict = {
      status: complaints.length === 0 ? 'verified' : 'failed',
      problem: complaints.length === 0 ? null : complaints.join('; ').slice(0, 500),
      sizeBytes: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  } catch (error) {
    verdict = {
      status: 'failed',
      problem: String(error instanceof Error ? error.message : error).slice(0, 500),
      sizeBytes: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  }
  writeFileSync(verdictFile(file), `${JSON.stringify(verdict)}\n`);
  return verdict;
}

/** Copies the store at `source` into `folder` as a new backup of `kind`, verifies it, and returns its entry. */
export async function takeBackup({
  source,
  folder,
  kind,
  now,
}: {
  source: string;
  folder: string;
  kind: BackupKind;
  now: number;
}): Promise<BackupEntry> {
  const stamp = stampOf(now);
  let name = `counterdesk-${kind}-${stamp}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n += 1) name = `counterdesk-${kind}-${stamp}-${n}.sqlite`;
  const file = join(folder, name);
  const partial = join(folder, `.${name}.partial`);
  try {
    await runWorkerJob({ kind: 'backup', source, dest: partial });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  const verdict = await verifyBackup(file);
  return {
    name,
    file,
    kind,
    createdAt: timeOfStamp(stamp),
    sizeBytes: verdict.sizeBytes,
    status: verdict.status,
    problem: verdict.problem,
  };
}

/**
 * The backups in `folder`, newest first. A copy changed since it was verified (its size or time
 * differs from the verdict's), or one without a verdict, is listed as failed until verified again:
 * only a copy known to be good is offered.
 */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = join(folder, name);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    const verdict = readVerdict(file);
    const unchanged =
      verdict !== null && verdict.sizeBytes === stat.size && Math.abs(verdict.mtimeMs - stat.mtimeMs) < 1;
    entries.push({
      name,
      file,
      kind: m[1] as BackupKind,
      createdAt: timeOfStamp(m[2]!),
      sizeBytes: stat.size,
      status: unchanged && verdict.status === 'verified' ? 'verified' : 'failed',
      problem: !verdict ? 'not verified' : !unchanged ? 'changed since it was verified' : verdict.problem,
    });
  }
  return entries
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function readVerdict(file: string): Verdict | null {
  try {
    return JSON.parse(readFileSync(verdictFile(file), 'utf8')) as Verdict;
  } catch {
    return null;
  }
}

/** Deletes what the rotation does not keep. Returns the names deleted. */
export function rotateBackups(folder: string): string[] {
  const doomed = backupsToDelete(listBackups(folder));
  for (const name of doomed) {
    const file = join(folder, name);
    rmSync(file, { force: true });
    rmSync(verdictFile(file), { force: true });
  }
  return doomed;
}
