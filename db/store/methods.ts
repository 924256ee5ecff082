/** Desk methods of the store's settings and the app's own facts (`storeMethods`, `appMethods` at the end), and their handlers. */
import { DeskFailure, type Handler, areaMethods, method } from '../handler';
import { findStoreRow, listHoursTemplates, toStoreSettings, updateStore } from './queries';
import { noInput } from '../fields';
import {
  type StoreSettings,
  storeUpdateSchema,
  type AppInfo,
  type OpeningHoursTemplateView,
  installWindowSchema,
} from './contract';
import { installWindowGet, installWindowSet, updateStatusOf } from './updates';

export const appInfo: Handler<typeof noInput, AppInfo> = async (ctx) => ctx.services.appInfo;

export const storeGet: Handler<typeof noInput, StoreSettings> = async (ctx) => {
  const row = await findStoreRow(ctx.trx);
  if (!row) throw new DeskFailure('setup_needed', 'setup_needed');
  return toStoreSettings(row);
};

export const storeUpdate: Handler<typeof storeUpdateSchema, StoreSettings> = async (ctx, input) => {
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

export const storeHoursTemplates: Handler<typeof noInput, ReadonlyArray<OpeningHoursTemplateView>> = async (ctx) =>
  listHoursTemplates(ctx.trx);

/** The app's own facts (reads only, so no `app.changed` event). */
// prettier-ignore
export const appMethods = areaMethods('app', {
  /** Version, schema version and the language forced by setting or environment, if any. */
  'app.info': method(noInput, { access: 'public', mutates: false }, appInfo),
  /** The updater's state: version running, checking, downloading (percent), ready to install, or why it failed. */
  'app.updateStatus': method(noInput, { access: 'signedIn', mutates: false }, updateStatusOf),
});

/** The store's settings. */
// prettier-ignore
export const storeMethods = areaMethods('store', {
  /** The store's settings: name, counter number, opening hours, working days, idle lock. */
  'store.get': method(noInput, { access: 'signedIn', mutates: false }, storeGet),
  /** Change the store's settings. The store code is fixed at setup: it is part of every ticket number. */
  'store.update': method(storeUpdateSchema, { access: 'store.manage', mutates: true }, storeUpdate),
  /** Head office's opening-hours templates, to copy one into this store's hours on the settings page. */
  'store.hoursTemplates': method(noInput, { access: 'store.manage', mutates: false }, storeHoursTemplates),
  /** When this PC may install a downloaded update (local times), or null: only when the app quits. */
  'store.installWindow': method(noInput, { access: 'signedIn', mutates: false }, installWindowGet),
  /** Set or clear this PC's install window. */
  'store.setInstallWindow': method(installWindowSchema, { access: 'store.manage', mutates: true }, installWindowSet),
});
