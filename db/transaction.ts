/**
 * One transaction around a piece of work, reporting the work's own failure. Kysely's
 * `transaction().execute` throws the ROLLBACK's error when the rollback fails, and SQLite has
 * already rolled back by itself after a full disk (and some I/O errors), so ROLLBACK then finds
 * no transaction: the counter was told "something went wrong" and the log showed the rollback
 * instead of the full disk.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import { isDiskFull } from './disk-full';
import type { DB } from './schema';

export async function inTransaction<T>(
  db: Kysely<DB>,
  work: (trx: ControlledTransaction<DB>) => Promise<T>,
  onRollbackError?: (error: unknown) => void,
): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    const value = await work(trx);
    await trx.commit().execute();
    return value;
  } catch (error) {
    try {
      // Releases the connection even when it fails, so the next call is not left waiting.
      await trx.rollback().execute();
    } catch (rollbackError) {
      const expected = isDiskFull(error) || /no transaction is active/.test(String(rollbackError));
      if (!expected) onRollbackError?.(rollbackError);
    }
    throw error;
  }
}
