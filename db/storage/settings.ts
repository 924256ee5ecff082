/**
 * Where this PC keeps its backups. A small JSON file beside the database rather than a table: the
 * folder must be known before the store opens (the backup before a migration), while the store is
 * damaged and refuses writes, and after a restore that brings back an older file; and it belongs to
 * this PC, not to the store's synced data.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

export const SETTINGS_FILE_NAME = 'backup-settings.json';
export const DEFAULT_FOLDER_NAME = 'backups';
/** Longer than any real drive or share path; keeps a pasted essay out of the settings file. */
export const MAX_FOLDER_LENGTH = 400;

export type BackupSettings = Readonly<{ folder: string | null }>;

export function settingsFile(databaseFile: string): string {
  return join(dirname(databaseFile), SETTINGS_FILE_NAME);
}

export function defaultFolder(databaseFile: string): string {
  return join(dirname(databaseFile), DEFAULT_FOLDER_NAME);
}

export function readSettings(databaseFile: string): BackupSettings {
  try {
    const parsed = JSON.parse(readFileSync(settingsFile(databaseFile), 'utf8')) as { folder?: unknown };
    return { folder: typeof parsed.folder === 'string' && parsed.folder.length > 0 ? parsed.folder : null };
  } catch {
    return { folder: null };
  }
}

export function writeSettings(databaseFile: string, settings: BackupSettings): void {
  const file = settingsFile(databaseFile);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

export type FolderProblem = 'folder_not_absolute' | 'folder_missing' | 'folder_not_writable' | 'too_long';

/** Why `folder` cannot take backups, or null. The admin's folder must already exist: a USB drive or share that is not mounted must not be silently created as an empty local folder. */
export function folderProblem(folder: string): FolderProblem | null {
  if (folder.length > MAX_FOLDER_LENGTH) return 'too_long';
  if (folder.includes('\0') || !isAbsolute(folder)) return 'folder_not_absolute';
  try {
    if (!statSync(folder).isDirectory()) return 'folder_missing';
  } catch {
    return 'folder_missing';
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return 'folder_not_writable';
  }
  return null;
}

export type FolderChoice = Readonly<{
  /** Where the next backup goes. */
  folder: string;
  /** The admin's folder when it is unreachable (the backup then goes to the default folder). */
  unreachable: string | null;
  problem: FolderProblem | null;
}>;

/**
 * The folder to write to now. An unreachable chosen folder (USB drive out, share down) does not
 * cost the backup: it goes to the default folder beside the database and the warning names the
 * chosen one, so a store is never left without a recent copy.
 */
export function chooseFolder(
  databaseFile: string,
  settings: BackupSettings = readSettings(databaseFile),
): FolderChoice {
  const fallback = defaultFolder(databaseFile);
  if (settings.folder === null) {
    if (!existsSync(fallback)) mkdirSync(fallback, { recursive: true });
    return { folder: fallback, unreachable: null, problem: null };
  }
  const problem = folderProblem(settings.folder);
  if (problem === null) return { folder: settings.folder, unreachable: null, problem: null };
  if (!existsSync(fallback)) mkdirSync(fallback, { recursive: true });
  return { folder: fallback, unreachable: settings.folder, problem };
}
