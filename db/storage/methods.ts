/** Desk methods of the store file's health and backups (`backupMethods` at the end) and their handlers; the work is in service.ts. */
import { DeskFailure, type Handler, areaMethods, method } from '../handler';
import { isPinSetHere, verifyPin } from '../staff/pin';
import { findStaff } from '../staff/queries';
import { noInput } from '../fields';
import {
  type StorageHealth,
  type BackupSummary,
  backupRestoreSchema,
  backupRestoreDamagedSchema,
  type BackupSettingsView,
  backupFolderSchema,
  type DiagnosticsExport,
  diagnosticsExportSchema,
} from './contract';
import { exportDiagnostics } from './diagnostics';

export const backupStatus: Handler<typeof noInput, StorageHealth> = async (ctx) => ctx.services.storage.health();

export const backupList: Handler<typeof noInput, ReadonlyArray<BackupSummary>> = async (ctx) =>
  ctx.services.storage.list();

export const backupCreate: Handler<typeof noInput, BackupSummary> = async (ctx) => {
  const entry = await ctx.services.storage.create('manual');
  if (entry.status !== 'verified') throw new DeskFailure('internal', 'backup_failed_verification');
  return entry;
};

export const backupRestore: Handler<typeof backupRestoreSchema, BackupSummary> = async (ctx, input) => {
  // A signed-in admin on a damaged file uses the same restore: the service moves the file aside.
  return ctx.services.storage.restore(input.name);
};

export const backupRestoreDamaged: Handler<typeof backupRestoreDamagedSchema, BackupSummary> = async (ctx, input) => {
  const { storage, store, pinThrottle } = ctx.services;
  if (store.health.damage === null) throw new DeskFailure('conflict', 'database_not_damaged');
  if (pinThrottle.isLocked(input.staffId)) throw new DeskFailure('pin_locked', 'pin_locked', 'pin');
  const staff = await findStaff(store.db, input.staffId).catch(() => {
    throw new DeskFailure('internal', 'staff_unreadable');
  });
  if (!staff || !isPinSetHere(staff.pinHash) || !(await verifyPin(input.pin, staff.pinHash))) {
    pinThrottle.recordFailure(input.staffId);
    throw new DeskFailure('bad_pin', 'bad_pin', 'pin');
  }
  pinThrottle.recordSuccess(staff.id);
  if (staff.active !== 1 || staff.role !== 'admin') throw new DeskFailure('permission_denied', 'permission_denied');
  return storage.restore(input.name);
};

export const backupSettings: Handler<typeof noInput, BackupSettingsView> = async (ctx) =>
  ctx.services.storage.settings();

export const backupSetFolder: Handler<typeof backupFolderSchema, BackupSettingsView> = async (ctx, input) =>
  ctx.services.storage.setFolder(input.folder);

export const backupExportDiagnostics: Handler<typeof diagnosticsExportSchema, DiagnosticsExport> = async (
  ctx,
  input,
) => {
  const { storage } = ctx.services;
  const result = await exportDiagnostics({
    services: ctx.services,
    logDir: storage.logDir,
    folder: input.folder,
    now: ctx.services.store.now(),
  });
  storage.logger.info('Diagnostics exported', {
    file: result.file,
    bytes: result.sizeBytes,
    logFiles: result.logFiles,
    logsCut: result.logsCut,
  });
  return result;
};

/** Backups and the damaged-database screen. */
// prettier-ignore
export const backupMethods = areaMethods('backup', {
  /** Damage and backup warnings for the header and the damaged-database screen. */
  'backup.status': method(noInput, { access: 'public', mutates: false }, backupStatus),
  /** Every backup in the folder in use and the default folder, newest first, with its check verdict. */
  'backup.list': method(noInput, { access: 'backup.manage', mutates: false }, backupList),
  /** Take a verified backup now. */
  'backup.create': method(noInput, { access: 'backup.manage', mutates: true, outsideTransaction: true }, backupCreate),
  /** Replace the database with a verified backup, after backing up the current file; the store reopens. */
  'backup.restore': method(backupRestoreSchema, { access: 'backup.manage', mutates: true, outsideTransaction: true }, backupRestore),
  /**
   * The damaged-database screen's restore. Nobody can sign in on a damaged file (signing in
   * writes), so the admin's PIN comes with the call and is checked against the readable staff list.
   */
  'backup.restoreDamaged': method(backupRestoreDamagedSchema, { access: 'public', mutates: true, outsideTransaction: true }, backupRestoreDamaged),
  'backup.settings': method(noInput, { access: 'backup.manage', mutates: false }, backupSettings),
  /** Choose the backup folder (a USB drive, a network share) or null for the default. */
  'backup.setFolder': method(backupFolderSchema, { access: 'backup.manage', mutates: true, outsideTransaction: true }, backupSetFolder),
  /** Write the diagnostics zip for support (no customer data) into the backup folder in use or the admin's folder; answers its path. */
  'backup.exportDiagnostics': method(diagnosticsExportSchema, { access: 'diagnostics.export', mutates: false, outsideTransaction: true }, backupExportDiagnostics),
});
