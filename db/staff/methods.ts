/** Desk methods of sign-in sessions, first-run setup and the staff list (`staffMethods` at the end), and their handlers. */
import { signInNames, type SignInName } from './sign-in-names';
import { newId } from '../ids';
import { DeskFailure, requireActor, type Handler, type HandlerContext, areaMethods, method } from '../handler';
import type { StaffRow } from '../schema';
import { insertStore, findStoreRow } from '../store/queries';
import {
  type SignedInStaff,
  type SessionStatus,
  type StaffSummary,
  signInSchema,
  signOutSchema,
  setupSchema,
  staffCreateSchema,
  staffUpdateSchema,
} from './contract';
import { hashPin, isPinSetHere, verifyPin } from './pin';
import { countActiveAdmins, findStaff, insertStaff, listStaff, toStaffSummary, updateStaff } from './queries';
import { ROLE_PERMISSIONS, type Role } from './roles';
import { noInput } from '../fields';

function signedIn(row: StaffRow): SignedInStaff {
  return { ...toStaffSummary(row), permissions: ROLE_PERMISSIONS[row.role as Role] ?? [] };
}

async function startSession(ctx: HandlerContext, staffId: string): Promise<void> {
  if (ctx.client.sessionId) await endSession(ctx, ctx.client.sessionId, 'replaced');
  const id = newId();
  // last_seen_at is on the PC clock, as the idle check that reads it (db/staff/session.ts).
  const lastSeenAt = new Date(ctx.services.store.now()).toISOString();
  await ctx.trx
    .insertInto('session')
    .values({ id, staffId, startedAt: ctx.nowIso, lastSeenAt, endedAt: null, endReason: null })
    .execute();
  ctx.client.sessionId = id;
}

async function endSession(ctx: HandlerContext, sessionId: string, reason: string): Promise<void> {
  await ctx.trx
    .updateTable('session')
    .set({ endedAt: ctx.nowIso, endReason: reason })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
}

export const sessionStatus: Handler<typeof noInput, SessionStatus> = async (ctx) => {
  const store = await findStoreRow(ctx.trx);
  const staff = ctx.actor ? await findStaff(ctx.trx, ctx.actor.staffId) : undefined;
  return {
    needsSetup: store === undefined,
    store: store
      ? { code: store.code, name: store.name, counterNo: store.counterNo, idleLockMinutes: store.idleLockMinutes }
      : null,
    staff: staff ? signedIn(staff) : null,
  };
};

export const sessionStaffList: Handler<typeof noInput, ReadonlyArray<SignInName>> = async (ctx) =>
  signInNames((await listStaff(ctx.trx, { activeOnly: true })).map(toStaffSummary));

export const sessionSignIn: Handler<typeof signInSchema, SignedInStaff> = async (ctx, input) => {
  const { pinThrottle } = ctx.services;
  const staff = await findStaff(ctx.trx, input.staffId);
  // A colleague synced from another PC has no PIN here (PINs never sync): no PIN can be right, so
  // say what to do instead of "wrong PIN", and count nothing toward the lockout.
  if (staff && !isPinSetHere(staff.pinHash)) throw new DeskFailure('setup_needed', 'pin_not_set_here', 'pin');
  if (pinThrottle.isLocked(input.staffId)) throw new DeskFailure('pin_locked', 'pin_locked', 'pin');
  // An unknown staff id answers like a wrong PIN, so the sign-in screen leaks nothing.
  if (!staff || !(await verifyPin(input.pin, staff.pinHash))) {
    ctx.standing(() => pinThrottle.recordFailure(input.staffId));
    throw new DeskFailure('bad_pin', 'bad_pin', 'pin');
  }
  if (staff.active !== 1) throw new DeskFailure('permission_denied', 'staff_inactive', 'staffId');
  pinThrottle.recordSuccess(staff.id);
  await startSession(ctx, staff.id);
  return signedIn(staff);
};

export const sessionSignOut: Handler<typeof signOutSchema, null> = async (ctx, input) => {
  if (ctx.client.sessionId) await endSession(ctx, ctx.client.sessionId, input.reason);
  ctx.client.sessionId = null;
  return null;
};

export const setupCreateStore: Handler<typeof setupSchema, SignedInStaff> = async (ctx, input) => {
  if (await findStoreRow(ctx.trx)) throw new DeskFailure('setup_done', 'setup_done');
  await insertStore(ctx, { code: input.storeCode, name: input.storeName, counterNo: input.counterNo });
  const admin = await insertStaff(ctx, {
    name: input.adminName,
    role: 'admin',
    pinHash: await hashPin(input.adminPin),
  });
  await startSession(ctx, admin.id);
  return signedIn(admin);
};

export const staffList: Handler<typeof noInput, ReadonlyArray<StaffSummary>> = async (ctx) =>
  (await listStaff(ctx.trx, { activeOnly: false })).map(toStaffSummary);

export const staffCreate: Handler<typeof staffCreateSchema, StaffSummary> = async (ctx, input) => {
  const row = await insertStaff(ctx, { name: input.name, role: input.role, pinHash: await hashPin(input.pin) });
  return toStaffSummary(row);
};

export const staffUpdate: Handler<typeof staffUpdateSchema, StaffSummary> = async (ctx, input) => {
  const actor = requireActor(ctx);
  const before = await findStaff(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  const losesAdmin = before.role === 'admin' && before.active === 1 && (input.role !== 'admin' || !input.active);
  if (losesAdmin && (await countActiveAdmins(ctx.trx, before.id)) === 0)
    throw new DeskFailure('conflict', 'last_admin', input.active ? 'role' : 'active');
  const pinHash = input.pin ? await hashPin(input.pin) : null;
  const after = await updateStaff(ctx, before, {
    name: input.name,
    role: input.role,
    active: input.active ? 1 : 0,
    pinHash,
  });
  if (!input.active && before.id !== actor.staffId) {
    // A deactivated member is signed out everywhere at once.
    await ctx.trx
      .updateTable('session')
      .set({ endedAt: ctx.nowIso, endReason: 'deactivated' })
      .where('staffId', '=', before.id)
      .where('endedAt', 'is', null)
      .execute();
  }
  return toStaffSummary(after);
};

/** Sign-in, first-run setup and the staff list. */
// prettier-ignore
export const staffMethods = areaMethods(['session', 'setup', 'staff'], {
  /** What the app shows first: setup, sign-in, or the signed-in staff member. */
  'session.status': method(noInput, { access: 'public', mutates: false }, sessionStatus),
  /** Active staff to pick from on the sign-in screen (names and roles only). */
  'session.staffList': method(noInput, { access: 'public', mutates: false }, sessionStaffList),
  /** Sign in with a PIN; the session belongs to this window (IPC) or this browser host. */
  'session.signIn': method(signInSchema, { access: 'public', mutates: true }, sessionSignIn),
  /** Sign out, by hand or because the screen locked after being idle. */
  'session.signOut': method(signOutSchema, { access: 'public', mutates: true }, sessionSignOut),
  /** First run: create the store and its first admin, and sign that admin in. */
  'setup.createStore': method(setupSchema, { access: 'public', mutates: true }, setupCreateStore),
  /** Everyone on the store's staff list, active or not. */
  'staff.list': method(noInput, { access: 'staff.manage', mutates: false }, staffList),
  /** Add a staff member with a role and a PIN. */
  'staff.create': method(staffCreateSchema, { access: 'staff.manage', mutates: true }, staffCreate),
  /** Rename, change role, reset the PIN, deactivate or reactivate. */
  'staff.update': method(staffUpdateSchema, { access: 'staff.manage', mutates: true }, staffUpdate),
});
