/** Handlers for the store's settings and the app's own facts. */
import { DeskFailure, type Handler } from '../handler';
import { findStoreRow, toStoreSettings, updateStore } from './queries';

export const appInfo: Handler<'app.info'> = async (ctx) => ctx.services.appInfo;

export const storeGet: Handler<'store.get'> = async (ctx) => {
  const row = await findStoreRow(ctx.trx);
  if (!row) throw new DeskFailure('setup_needed', 'setup_needed');
  return toStoreSettings(row);
};

export const storeUpdate: Handler<'store.update'> = async (ctx, input) => {
  const before = await findStoreRow(ctx.trx);
  if (!before) throw new DeskFailure('setup_needed', 'setup_needed');
  const after = await updateStore(ctx, before, {
    name: input.name,
    counterNo: input.counterNo,
    phone: input.phone || null,
    address: input.address || null,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    workingDays: JSON.stringify([...new Set(input.workingDays)].sort()),
    idleLockMinutes: input.idleLockMinutes,
  });
  return toStoreSettings(after);
};
