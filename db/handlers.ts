/**
 * Every desk API method's handler, joined from the areas. `satisfies Handlers` makes a method in
 * db/api.ts without a handler (or a handler with the wrong types) a compile error.
 */
import { customersHandlers } from './customers/handlers';
import type { Handlers } from './handler';
import { partsHandlers } from './parts/methods';
import { printHandlers } from './print/methods';
import { sessionSignIn, sessionSignOut, sessionStaffList, sessionStatus, setupCreateStore, staffCreate, staffList, staffUpdate } from './staff/methods';
import { appInfo, storeGet, storeUpdate } from './store/methods';
import { backupHandlers } from './storage/methods';
import { syncHandlers } from './sync/methods';
import { ticketsHandlers } from './tickets/handlers';

export const handlers = {
  'app.info': appInfo,
  'session.status': sessionStatus,
  'session.staffList': sessionStaffList,
  'session.signIn': sessionSignIn,
  'session.signOut': sessionSignOut,
  'setup.createStore': setupCreateStore,
  'staff.list': staffList,
  'staff.create': staffCreate,
  'staff.update': staffUpdate,
  'store.get': storeGet,
  'store.update': storeUpdate,
  ...customersHandlers,
  ...partsHandlers,
  ...printHandlers,
  ...ticketsHandlers,
  ...syncHandlers,
  ...backupHandlers,
} satisfies Handlers;
