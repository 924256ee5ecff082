/** Handlers for sign-in sessions, first-run setup and the staff list. */
import { newId } from '../ids';
import { DeskFailure, requireActor, type Handler, type HandlerContext } from '../handler';
import type { StaffRow } from '../schema';
import { insertStore, findStoreRow } from '../store/queries';
import type { SignedInStaff } from './contract';
import { hashPin, isPinSetHere, verifyPin } from './pin';
import { countActiveAdmins, findStaff, insertStaff, listStaff, toStaffSummary, updateStaff } from './queries';
import { ROLE_PERMISSIONS, type Role } from './roles';

function signedIn(row: StaffRow): SignedInStaff {
  return { ...toStaffSummary(row), permissions: ROLE_PERMISSIONS[row.role as Role] ?? [] };
}

async function startSession(ctx: HandlerContext, staffId: string): Promise<void> {
  if (ctx.client.sessionId) await endSession(ctx, ctx.client.sessionId, 'replaced');
  const id = newId();
  // last_seen_at is on the PC clock, as the idle check that reads it (db/staff/session.ts).
  const lastSeenAt = new Date(ctx.services.store.now()).toISOString();
  await ctx.trx.insertInto('session').values({ id, staffId, startedAt: ctx.nowIso, lastSeenAt, endedAt: null, endReason: null }).execute();
  ctx.client.sessionId = id;
}

async function endSession(ctx: HandlerContext, sessionId: string, reason: string): Promise<void> {
  await ctx.trx.updateTable('session').set({ endedAt: ctx.nowIso, endReason: reason }).where('id', '=', sessionId).where('endedAt', 'is', null).execute();
}

export const sessionStatus: Handler<'session.status'> = async (ctx) => {
  const store = await findStoreRow(ctx.trx);
  const staff = ctx.actor ? await findStaff(ctx.trx, ctx.actor.staffId) : undefined;
  return {
    needsSetup: store === undefined,
    store: store ? { code: store.code, name: store.name, counterNo: store.counterNo, idleLockMinutes: store.idleLockMinutes } : null,
    staff: staff ? signedIn(staff) : null,
  };
};

export const sessionStaffList: Handler<'session.staffList'> = async (ctx) =>
  (await listStaff(ctx.trx, { activeOnly: true })).map(toStaffSummary);

export const sessionSignIn: Handler<'session.signIn'> = async (ctx, input) => {
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

export const sessionSignOut: Handler<'session.signOut'> = async (ctx, input) => {
  if (ctx.client.sessionId) await endSession(ctx, ctx.client.sessionId, input.reason);
  ctx.client.sessionId = null;
  return null;
};

export const setupCreateStore: Handler<'setup.createStore'> = async (ctx, input) => {
  if (await findStoreRow(ctx.trx)) throw new DeskFailure('setup_done', 'setup_done');
  await insertStore(ctx, { code: input.storeCode, name: input.storeName, counterNo: input.counterNo });
  const admin = await insertStaff(ctx, { name: input.adminName, role: 'admin', pinHash: await hashPin(input.adminPin) });
  await startSession(ctx, admin.id);
  return signedIn(admin);
};

export const staffList: Handler<'staff.list'> = async (ctx) => (await listStaff(ctx.trx, { activeOnly: false })).map(toStaffSummary);

export const staffCreate: Handler<'staff.create'> = async (ctx, input) => {
  const row = await insertStaff(ctx, { name: input.name, role: input.role, pinHash: await hashPin(input.pin) });
  return toStaffSummary(row);
};

export const staffUpdate: Handler<'staff.update'> = async (ctx, input) => {
  const actor = requireActor(ctx);
  const before = await findStaff(ctx.trx, input.id);
  if (!before) throw new DeskFailure('not_found', 'not_found');
  const losesAdmin = before.role === 'admin' && before.active === 1 && (input.role !== 'admin' || !input.active);
  if (losesAdmin && (await countActiveAdmins(ctx.trx, before.id)) === 0) throw new DeskFailure('conflict', 'last_admin', input.active ? 'role' : 'active');
  const pinHash = input.pin ? await hashPin(input.pin) : null;
  const after = await updateStaff(ctx, before, { name: input.name, role: input.role, active: input.active ? 1 : 0, pinHash });
  if (!input.active && before.id !== actor.staffId) {
    // A deactivated member is signed out everywhere at once.
    await ctx.trx.updateTable('session').set({ endedAt: ctx.nowIso, endReason: 'deactivated' }).where('staffId', '=', before.id).where('endedAt', 'is', null).execute();
  }
  return toStaffSummary(after);
};
