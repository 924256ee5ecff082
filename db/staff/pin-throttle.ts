/**
 * Slows PIN guessing: a 4-digit PIN has only 10,000 values. After 5 wrong PINs in a row a staff
 * member is locked out for 5 minutes. Kept in memory: a restart of the app is slower than waiting.
 */
const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

export type PinThrottle = {
  isLocked(staffId: string): boolean;
  recordFailure(staffId: string): void;
  recordSuccess(staffId: string): void;
};

export function createPinThrottle(now: () => number): PinThrottle {
  const state = new Map<string, { failures: number; lockedUntil: number }>();
  return {
    isLocked(staffId) {
      const entry = state.get(staffId);
      return entry !== undefined && entry.lockedUntil > now();
    },
    recordFailure(staffId) {
      const entry = state.get(staffId) ?? { failures: 0, lockedUntil: 0 };
      entry.failures += 1;
      if (entry.failures >= MAX_FAILURES) {
        entry.failures = 0;
        entry.lockedUntil = now() + LOCK_MS;
      }
      state.set(staffId, entry);
    },
    recordSuccess(staffId) {
      state.delete(staffId);
    },
  };
}
