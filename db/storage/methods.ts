/** Handlers for the store file's health and backups; the work is in service.ts. */
import { DeskFailure, type Handler } from '../handler';
import { isPinSetHere, verifyPin } from '../staff/pin';
import { findStaff } from '../staff/queries';

export const backupStatus: Handler<'backup.status'> = async (ctx) => ctx.services.storage.health();

export const backupList: Handler<'backup.list'> = async (ctx) => ctx.services.storage.list();

export const backupCreate: Handler<'backup.create'> = async (ctx) => {
  const entry = await ctx.services.storage.create('manual');
  if (entry.status !== 'verified') throw new DeskFailure('internal', 'backup_failed_verification');
  return entry;
};

export const backupRestore: Handler<'backup.restore'> = async (ctx, input) => {
  // A signed-in admin on a damaged file uses the same restore: the service moves the file aside.
  return ctx.services.storage.restore(input.name);
};

export const backupRestoreDamaged: Handler<'backup.restoreDamaged'> = async (ctx, input) => {
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

export const backupSettings: Handler<'backup.settings'> = async (ctx) => ctx.services.storage.settings();

export const backupSetFolder: Handler<'backup.setFolder'> = async (ctx, input) => ctx.services.storage.setFolder(input.folder);

export const backupHandlers = {
  'backup.status': backupStatus,
  'backup.list': backupList,
  'backup.create': backupCreate,
  'backup.restore': backupRestore,
  'backup.restoreDamaged': backupRestoreDamaged,
  'backup.settings': backupSettings,
  'backup.setFolder': backupSetFolder,
};
