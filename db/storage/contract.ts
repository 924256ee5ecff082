/** The store file's health and its backups: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { pinSchema } from '../staff/contract';

export const BACKUP_KIND_VALUES = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKindName = (typeof BACKUP_KIND_VALUES)[number];

export type BackupSummary = Readonly<{
  name: string;
  kind: BackupKindName;
  createdAt: string;
  sizeBytes: number;
  status: 'verified' | 'failed';
  /** SQLite's complaint about a failed copy, for IT. */
  problem: string | null;
  folder: string;
}>;

export type FolderWarning = Readonly<{
  folder: string;
  problem: 'folder_not_absolute' | 'folder_missing' | 'folder_not_writable' | 'too_long';
}>;

/** What every screen may know: whether the file is damaged, and whether backups have a problem. */
export type StorageHealth = Readonly<{
  damaged: { foundAt: string; foundBy: 'start' | 'daily' } | null;
  /** The admin's backup folder cannot be reached: backups go to the default folder meanwhile. */
  folderWarning: FolderWarning | null;
  lastBackupAt: string | null;
  /** The last automatic backup failed (kept until one succeeds). */
  lastBackupFailed: boolean;
  /** The backup this app put in place by its last restore since it started, for the sign-in screen to confirm. */
  restoredFrom: Pick<BackupSummary, 'kind' | 'createdAt'> | null;
  /** Verified backups, newest first: shown on the damaged-database screen only while the file is damaged. */
  offered: ReadonlyArray<Pick<BackupSummary, 'name' | 'kind' | 'createdAt' | 'sizeBytes'>>;
}>;

export type BackupSettingsView = Readonly<{
  /** The admin's folder, or null for the default beside the database. */
  folder: string | null;
  defaultFolder: string;
  /** Where the next backup goes. */
  inUse: string;
  folderWarning: FolderWarning | null;
}>;

const backupNameSchema = z
  .string({ error: 'invalid_value' })
  .max(120, 'too_long')
  .regex(/^counterdesk-(daily|manual|pre-migration|pre-restore)-\d{8}T\d{9}Z(-\d+)?\.sqlite$/, 'invalid_value');

export const backupFolderSchema = z.object({
  /** An absolute path that exists and this PC may write to, or null for the default folder. */
  folder: z.string({ error: 'required' }).trim().min(1, 'required').max(400, 'too_long').nullable(),
});

export const backupRestoreSchema = z.object({ name: backupNameSchema });
export const backupRestoreDamagedSchema = z.object({
  name: backupNameSchema,
  staffId: z.uuid({ error: 'invalid_value' }),
  pin: pinSchema,
});

/** Where the diagnostics zip went and what it holds. */
export type DiagnosticsExport = Readonly<{
  /** The zip's full path. */
  file: string;
  folder: string;
  sizeBytes: number;
  logFiles: number;
  /** Log text included (before compression). */
  logBytes: number;
  /** Older log text was left out to keep the zip small. */
  logsCut: boolean;
}>;

export const diagnosticsExportSchema = z.object({
  /** An absolute path that exists and this PC may write to, or null for the backup folder in use. */
  folder: z.string({ error: 'invalid_value' }).trim().min(1, 'required').max(400, 'too_long').nullable().default(null),
});
