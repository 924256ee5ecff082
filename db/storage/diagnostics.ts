/**
 * The admin's "Export diagnostics": one zip for support with this PC's log files, versions, sync
 * bookkeeping, settings and the file's health (db/storage/diagnostics-facts.ts), and no customer
 * data. Written beside the backups (or into a folder the admin names) as
 * `counterdesk-diagnostics-<time>.zip`, whole or not at all: it is built in memory, written to a
 * `.part` file and renamed.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { DeskFailure, type Services } from '../handler';
import { listLogFiles } from '../log-files';
import { scrubText, scrubValue, type ScrubOptions } from '../log-scrub';
import type { DiagnosticsExport } from './contract';
import { healthFacts, settingsFacts, syncFacts, versionFacts } from './diagnostics-facts';
import { chooseFolder, folderProblem } from './settings';

/** Log text taken at most: the newest files first, the last one cut to its newest lines. */
export const LOG_BYTES_CAP = 8 * 1024 * 1024;

const README = `Counterdesk diagnostics / Counterdesk 诊断信息

about.json     versions of the app, Node/Electron, SQLite and the database schema; this PC's OS
sync.json      sync state: status, cursors, counts of changes waiting and refused (no record contents)
settings.json  store settings, staff counts by role, backup folder and the newest backups
health.json    damage found, backup warnings, and a quick check of the database run at export
logs/          the newest log files (newest first, ${LOG_BYTES_CAP / 2 ** 20} MB at most)

No customer, ticket or staff records, no PINs, no device secret. Phone and ID numbers and
Chinese text in log lines are masked; names are never logged.
不含顾客、工单或员工记录，不含 PIN 与设备密钥；日志中的电话、证件号码和中文内容已遮盖。
`;

export type ExportInput = {
  services: Services;
  logDir: string | null;
  /** An admin's folder, or null for the backup folder in use. */
  folder: string | null;
  now: number;
};

export async function exportDiagnostics(input: ExportInput): Promise<DiagnosticsExport> {
  const { services } = input;
  const folder = input.folder ?? chooseFolder(services.storage.file).folder;
  const problem = folderProblem(folder);
  if (problem) throw new DeskFailure('validation', problem, 'folder');

  const scrub: ScrubOptions = { home: homedir() };
  const json = (value: unknown) => strToU8(`${JSON.stringify(scrubValue(value, scrub), null, 2)}\n`);
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(README),
    'about.json': json(versionFacts(services, input.now)),
    'sync.json': json(syncFacts(services)),
    'settings.json': json(settingsFacts(services)),
    'health.json': json(await healthFacts(services)),
  };
  const logs = await takeLogs(input.logDir, scrub);
  for (const log of logs.files) files[`logs/${log.name}`] = log.data;

  const zipped = await zipInSlices(files, new Date(input.now));
  const target = freeName(folder, stamp(input.now));
  const part = `${target}.part`;
  try {
    const fd = openSync(part, 'w', 0o600);
    try {
      writeSync(fd, zipped);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, target);
  } catch (error) {
    rmSync(part, { force: true });
    throw new DeskFailure(
      'internal',
      (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'disk_full' : 'diagnostics_failed',
    );
  }
  return {
    file: target,
    folder,
    sizeBytes: zipped.length,
    logFiles: logs.files.length,
    logBytes: logs.bytes,
    logsCut: logs.cut,
  };
}

type TakenLogs = { files: Array<{ name: string; data: Uint8Array }>; bytes: number; cut: boolean };

/** The newest log files up to the cap, each scrubbed again (a file may be older than the scrubber). */
async function takeLogs(logDir: string | null, scrub: ScrubOptions): Promise<TakenLogs> {
  const taken: TakenLogs = { files: [], bytes: 0, cut: false };
  if (logDir === null) return taken;
  for (const file of listLogFiles(logDir)) {
    const room = LOG_BYTES_CAP - taken.bytes;
    if (room <= 0) {
      taken.cut = true;
      break;
    }
    const text = readTail(file.path, Math.min(file.bytes, room));
    if (text === null) continue;
    if (file.bytes > room) taken.cut = true;
    taken.bytes += Buffer.byteLength(text);
    taken.files.push({ name: file.name, data: strToU8(await scrubInSlices(text, scrub)) });
  }
  return taken;
}

const SLICE_CHARS = 256 * 1024;
const SLICE_BYTES = 64 * 1024;

/**
 * Deflates the files 64 KB at a time on this thread, letting other calls run between slices:
 * megabytes of log text compressed in one go would hold the store's calls for a second, and
 * fflate's worker-thread `zip` still stalls the thread handing the data over.
 */
async function zipInSlices(files: Record<string, Uint8Array>, mtime: Date): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zipper = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zipper.add(entry);
    if (data.length === 0) entry.push(data, true);
    for (let start = 0; start < data.length; start += SLICE_BYTES) {
      entry.push(data.subarray(start, start + SLICE_BYTES), start + SLICE_BYTES >= data.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  zipper.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** Scrubs a log's text a slice of whole lines at a time, letting other calls run between slices. */
async function scrubInSlices(text: string, scrub: ScrubOptions): Promise<string> {
  const out: string[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', Math.min(start + SLICE_CHARS, text.length - 1));
    const end = newline === -1 ? text.length : newline + 1;
    out.push(scrubText(text.slice(start, end), scrub));
    start = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out.join('');
}

/** At most the last `bytes` of a file, from the start of a line (the newest entries), or null if it went away. */
function readTail(path: string, bytes: number): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    // The size now, not when listed: the live file grows meanwhile.
    const size = fstatSync(fd).size;
    const length = Math.min(bytes, size);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, size - length);
    const text = buffer.subarray(0, read).toString('utf8');
    if (length === size) return text;
    const firstLine = text.indexOf('\n');
    return firstLine === -1 ? '' : text.slice(firstLine + 1);
  } finally {
    closeSync(fd);
  }
}

/** A name no file has yet: two exports in one millisecond, or after the clock was set back, keep both. */
function freeName(folder: string, time: string): string {
  for (let n = 1; n < 100; n += 1) {
    const path = join(folder, `counterdesk-diagnostics-${time}${n === 1 ? '' : `-${n}`}.zip`);
    if (!existsSync(path)) return path;
  }
  throw new DeskFailure('conflict', 'diagnostics_failed');
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace('.', '');
}
