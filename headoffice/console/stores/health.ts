/**
 * A PC's and a store's health at a glance, from what head office knows: when each PC last synced,
 * what it last reported (changes waiting, its clock), and what head office refused from it. The
 * thresholds are the counter's own where it has one (its header warns at 2 minutes of clock
 * offset), otherwise what a head-office person would want to hear about the same day.
 */
import type { Health, HealthLevel, HealthReason } from '../contract/stores';

export const CLOCK_WARNING_MS = 2 * 60_000;
export const SILENT_HOUR_MS = 60 * 60_000;
export const SILENT_DAY_MS = 24 * 60 * 60_000;
/** Unsent changes a PC may have at a busy moment; more than this and it is not keeping up. */
export const BACKLOG_CHANGES = 500;
/** Refused changes count as a current problem for this long after they arrived. */
export const RECENT_REFUSALS_MS = 7 * 24 * 60 * 60_000;

const LEVEL_OF: Record<HealthReason, HealthLevel> = {
  clock: 'problem',
  silent_day: 'problem',
  refused: 'warning',
  silent_hour: 'warning',
  backlog: 'warning',
  never_synced: 'warning',
};
const RANK: Record<HealthLevel, number> = { ok: 0, no_pcs: 1, warning: 2, problem: 3 };

export type DeviceFacts = {
  active: boolean;
  lastContactMs: number | null;
  pendingChanges: number | null;
  clockOffsetMs: number | null;
  refusedRecently: number;
};

export function deviceHealth(device: DeviceFacts, nowMs: number): Health {
  if (!device.active) return { level: 'ok', reasons: [] };
  const reasons: HealthReason[] = [];
  if (device.lastContactMs === null) reasons.push('never_synced');
  else if (nowMs - device.lastContactMs > SILENT_DAY_MS) reasons.push('silent_day');
  else if (nowMs - device.lastContactMs > SILENT_HOUR_MS) reasons.push('silent_hour');
  if (device.clockOffsetMs !== null && Math.abs(device.clockOffsetMs) > CLOCK_WARNING_MS) reasons.push('clock');
  if ((device.pendingChanges ?? 0) >= BACKLOG_CHANGES) reasons.push('backlog');
  if (device.refusedRecently > 0) reasons.push('refused');
  return healthOf(reasons);
}

function healthOf(reasons: HealthReason[]): Health {
  const level = reasons.reduce<HealthLevel>(
    (worst, r) => (RANK[LEVEL_OF[r]] > RANK[worst] ? LEVEL_OF[r] : worst),
    'ok',
  );
  return { level, reasons };
}

/**
 * A store is as healthy as its least healthy active PC. A closed store's silence is expected; an
 * open store without an active PC cannot sync at all.
 */
export function storeHealth(
  store: { status: 'active' | 'closed'; refusedRecently: number },
  devices: ReadonlyArray<Health & { active: boolean }>,
): Health {
  const active = devices.filter((d) => d.active);
  if (active.length === 0)
    return store.status === 'closed' ? { level: 'ok', reasons: [] } : { level: 'no_pcs', reasons: [] };
  const reasons = new Set<HealthReason>(active.flatMap((d) => d.reasons));
  if (store.refusedRecently > 0) reasons.add('refused');
  if (store.status === 'closed') {
    reasons.delete('silent_day');
    reasons.delete('silent_hour');
  }
  return healthOf([...reasons]);
}
