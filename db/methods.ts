/**
 * Every desk method, joined from the areas' tables (`db/<area>/methods.ts`, one line per method).
 * The dispatcher reads this table; `db/api.ts` derives the renderer's types from it with a
 * type-only import, so none of this reaches the renderer's bundle.
 */
import type { AnyMethod } from './handler';
import { chargesMethods } from './charges/methods';
import { customersMethods } from './customers/methods';
import { messagesMethods } from './messages/methods';
import { partsMethods } from './parts/methods';
import { purchasingMethods } from './parts/purchasing/table';
import { printMethods } from './print/methods';
import { staffMethods } from './staff/methods';
import { appMethods, storeMethods } from './store/methods';
import { backupMethods } from './storage/methods';
import { syncMethods } from './sync/methods';
import { estimateMethods } from './tickets/estimates/methods';
import { ticketsMethods } from './tickets/methods';
import { trainingMethods } from './training/methods';

export const deskMethods = {
  ...appMethods,
  ...staffMethods,
  ...storeMethods,
  ...customersMethods,
  ...partsMethods,
  ...purchasingMethods,
  ...printMethods,
  ...ticketsMethods,
  ...chargesMethods,
  ...estimateMethods,
  ...messagesMethods,
  ...trainingMethods,
  ...syncMethods,
  ...backupMethods,
} satisfies Record<string, AnyMethod>;

export type DeskMethods = typeof deskMethods;
export type MethodName = keyof DeskMethods;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(deskMethods, name);
}

export { areaOf } from './contract';
