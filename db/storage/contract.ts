/** The store file's health and its backups: schemas, result types, access. No Node imports. */
import { z } from 'zod';
import { method } from '../contract';
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

export type FolderWarning = Readonly<{ folder: string; problem: 'folder_not_absolute' | 'folder_missing' | 'folder_not_writable' | 'too_long' }>;

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

export const backupContract = {
  /** Damage and backup warnings for the header and the damaged-database screen. */
  'backup.status': method<StorageHealth>()({ input: z.object({}), access: 'public', mutates: false }),
  /** Every backup in the folder in use and the default folder, newest first, with its check verdict. */
  'backup.list': method<ReadonlyArray<BackupSummary>>()({ input: z.object({}), access: 'backup.manage', mutates: false }),
  /** Take a verified backup now. */
  'backup.create': method<BackupSummary>()({ input: z.object({}), access: 'backup.manage', mutates: true, outsideTransaction: true }),
  /** Replace the database with a verified backup, after backing up the current file; the store reopens. */
  'backup.restore': method<BackupSummary>()({ input: z.object({ name: backupNameSchema }), access: 'backup.manage', mutates: true, outsideTransaction: true }),
  /**
   * The damaged-database screen's restore. Nobody can sign in on a damaged file (signing in
   * writes), so the admin's PIN comes with the call and is checked against the readable staff list.
   */
  'backup.restoreDamaged': method<BackupSummary>()({
    input: z.object({ name: backupNameSchema, staffId: z.uuid({ error: 'invalid_value' }), pin: pinSchema }),
    access: 'public',
    mutates: true,
    outsideTransaction: true,
  }),
  'backup.settings': method<BackupSettingsView>()({ input: z.object({}), access: 'backup.manage', mutates: false }),
  /** Choose the backup folder (a USB drive, a network share) or null for the default. */
  'backup.setFolder': method<BackupSettingsView>()({ input: backupFolderSchema, access: 'backup.manage', mutates: true, outsideTransaction: true }),
};
