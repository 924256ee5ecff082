/**
 * Recognises "the disk is full" in the errors SQLite and Node give, so the counter is told that
 * (and that nothing was saved) rather than "something went wrong".
 */

/**
 * SQLITE_FULL is the usual answer (a write or a WAL append found no room); the WAL index's
 * shared-memory file failing to grow is reported as SQLITE_IOERR_SHMSIZE; files written with
 * node:fs fail with ENOSPC.
 */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC']);

export function isDiskFull(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && DISK_FULL_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDiskFull(inner, depth + 1))) return true;
  return isDiskFull(cause, depth + 1);
}
