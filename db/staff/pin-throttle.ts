/**
 * Slows PIN guessing: a 4-digit PIN has only 10,000 values. After 5 wrong PINs in a row a staff
 * member is locked out for 5 minutes. Kept in the store (`pin_lockout`, migration 0014, local to
 * this PC and never synced), so restarting the app does not clear it.
 *
 * Time: while the app runs, the lockout is counted on a monotonic timer (`ticks`), so moving the
 * PC clock either way neither ends it nor makes it longer. After a restart, what is left is counted
 * on the desk's clock (db/clock.ts), which never goes back: the lockout began at `locked_at` on
 * that clock, so setting the PC clock back cannot stretch it beyond 5 minutes. (A PC clock moved
 * forward while the app was closed looks the same as the time having passed.)
 */
import type Database from 'better-sqlite3';
import type { StatementCache } from '../statement-cache';
import { deskNowIso, deskNowMs } from '../clock';
import type { Hlc } from '../sync/hlc';

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

export type PinThrottle = {
  isLocked(staffId: string): boolean;
  /**
   * Counts a wrong PIN. Runs after the refused call's transaction has rolled back (the dispatcher's
   * `standing` work), so the count stands.
   */
  recordFailure(staffId: string): void;
  recordSuccess(staffId: string): void;
};

export type PinThrottleOptions = {
  /**
   * The open store: a getter, as a restore replaces it and the sync engine installs a new clock
   * when it learns the offset. A damaged store is written no more: the count is then kept in memory.
   */
  store: () => {
    sqlite: Database.Database;
    statements: StatementCache;
    hlc: Pick<Hlc, 'nowMs'>;
    health: { damage: unknown };
  };
  /** A monotonic timer in ms; injectable so tests can let the lockout run out. */
  ticks?: () => number;
};

type Lockout = { failures: number; locked_at: string | null };

export function createPinThrottle({ store, ticks = () => performance.now() }: PinThrottleOptions): PinThrottle {
  /** Per staff member: the lockout (by its start) and when it ends on the monotonic timer. */
  const running = new Map<string, { lockedAt: string; endsAt: number }>();
  /** The count while the store cannot be written (a damaged file is opened read-only). */
  const unwritable = new Map<string, Lockout>();
  const clock = () => store().hlc;
  const read = (staffId: string): Lockout | undefined => {
    const { sqlite, statements, health } = store();
    if (sqlite.readonly || health.damage !== null) return unwritable.get(staffId);
    return statements.statement('SELECT failures, locked_at FROM pin_lockout WHERE staff_id = ?').get(staffId) as
      Lockout | undefined;
  };
  const write = (staffId: string, lockout: Lockout | null, sql: string, ...params: unknown[]): void => {
    const { sqlite, statements, health } = store();
    if (!sqlite.readonly && health.damage === null) statements.statement(sql).run(...params);
    else if (lockout) unwritable.set(staffId, lockout);
    else unwritable.delete(staffId);
  };

  return {
    isLocked(staffId) {
      const lockedAt = read(staffId)?.locked_at ?? null;
      if (lockedAt === null) return false;
      let lock = running.get(staffId);
      if (lock?.lockedAt !== lockedAt) {
        // First seen by this process (the app restarted): what is left by the desk's clock.
        const served = Math.min(Math.max(deskNowMs(clock()) - Date.parse(lockedAt), 0), LOCK_MS);
        lock = { lockedAt, endsAt: ticks() + LOCK_MS - (Number.isNaN(served) ? 0 : served) };
        running.set(staffId, lock);
      }
      return ticks() < lock.endsAt;
    },
    recordFailure(staffId) {
      const before = read(staffId);
      const failures = (before?.failures ?? 0) + 1;
      if (failures < MAX_FAILURES) {
        const lockedAt = before?.locked_at ?? null;
        write(
          staffId,
          { failures, locked_at: lockedAt },
          'INSERT INTO pin_lockout (staff_id, failures, locked_at) VALUES (?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET failures = excluded.failures',
          staffId,
          failures,
          lockedAt,
        );
        return;
      }
      const lockedAt = deskNowIso(clock());
      write(
        staffId,
        { failures: 0, locked_at: lockedAt },
        'INSERT INTO pin_lockout (staff_id, failures, locked_at) VALUES (?, 0, ?) ON CONFLICT (staff_id) DO UPDATE SET failures = 0, locked_at = excluded.locked_at',
        staffId,
        lockedAt,
      );
      running.set(staffId, { lockedAt, endsAt: ticks() + LOCK_MS });
    },
    recordSuccess(staffId) {
      write(staffId, null, 'DELETE FROM pin_lockout WHERE staff_id = ?', staffId);
      running.delete(staffId);
    },
  };
}
