/**
 * Where a process's log files live and how they turn over: `<data dir>/logs/<scope>.log`, and when
 * it passes 5 MB it becomes `<scope>.1.log` (the older ones move up to `.4`, the oldest is
 * dropped), so each process keeps at most 25 MB. One file set per scope: the main process and the
 * store process write side by side without sharing a file, which two processes cannot rotate safely.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export const LOG_FOLDER_NAME = 'logs';
export const LOG_FILE_BYTES = 5 * 1024 * 1024;
/** Rotated files kept beside the live one. */
export const ROTATED_LOG_FILES = 4;

const FILE_NAME = /^([a-z0-9-]{1,40})(?:\.(\d))?\.log$/;

/** The log folder beside the database in `dataDir`. */
export function logFolder(dataDir: string): string {
  return join(dataDir, LOG_FOLDER_NAME);
}

/** A scope as a file name: lower case letters, digits and dashes (a scope is ours, never input). */
export function logFileStem(scope: string): string {
  const stem = scope
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 40);
  return stem.replace(/^-+|-+$/g, '') || 'app';
}

export type LogFileSize = { bytes: number; rotated: number };

/** The live log file of `scope` in `logDir`, rotated by size; the folder is made if missing. */
export function openLogFile(
  logDir: string,
  scope: string,
  size: LogFileSize = { bytes: LOG_FILE_BYTES, rotated: ROTATED_LOG_FILES },
): RotatingFileStream {
  mkdirSync(logDir, { recursive: true, mode: 0o700 });
  const stem = logFileStem(scope);
  return createStream((index: number | null) => (index === null ? `${stem}.log` : `${stem}.${index}.log`), {
    path: logDir,
    size: `${size.bytes}B`,
    rotate: size.rotated,
    mode: 0o600,
  });
}

export type LogFile = { name: string; path: string; bytes: number; modifiedAt: number };

/** The log files in `logDir`, newest first (by last write); an absent folder has none. */
export function listLogFiles(logDir: string): LogFile[] {
  let names: string[];
  try {
    names = readdirSync(logDir);
  } catch {
    return [];
  }
  const files: LogFile[] = [];
  for (const name of names) {
    if (!FILE_NAME.test(name)) continue;
    try {
      const stat = statSync(join(logDir, name));
      if (stat.isFile()) files.push({ name, path: join(logDir, name), bytes: stat.size, modifiedAt: stat.mtimeMs });
    } catch {
      // Rotated away between the listing and the look.
    }
  }
  return files.sort((a, b) => b.modifiedAt - a.modifiedAt || a.name.localeCompare(b.name));
}
