/**
 * Putting a backup in place of the store file. The open store is closed first; the current file
 * and its -wal/-shm are moved aside together (a -wal left beside the restored file would be
 * replayed into it and ruin it); the copy is written under a temporary name and renamed over the
 * store's name, so a crash leaves either the old file aside or the whole copy, never half of one.
 * If the copy will not open, the old file goes back and is reopened.
 */
import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../desk-types';
import { closeStore, type Store } from '../open';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

export class RestoreFailure extends Error {
  constructor(
    override readonly cause: unknown,
    /** The store as it was, reopened. */
    readonly reopened: Store,
  ) {
    super(`restore failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RestoreFailure';
  }
}

function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function moveWithSideFiles(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
}

function durableCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function replaceStoreFile({
  current,
  backupFile,
  damaged,
  keepAside,
  now,
  reopen,
  logger,
}: {
  current: Store;
  backupFile: string;
  damaged: boolean;
  /** Keep the replaced file (damaged, or its pre-restore backup did not verify) instead of deleting it. */
  keepAside: boolean;
  now: number;
  reopen: (file: string) => Promise<Store>;
  logger: Logger;
}): Promise<Store> {
  const file = current.file;
  await closeStore(current);
  const dir = dirname(file);
  const aside = join(
    dir,
    damaged
      ? `counterdesk.damaged-${stampOf(now)}.sqlite`
      : keepAside
        ? `counterdesk.replaced-${stampOf(now)}.sqlite`
        : `.${basename(file)}.replaced-${stampOf(now)}`,
  );
  try {
    moveWithSideFiles(file, aside);
  } catch (error) {
    // E.g. another program holds the file open (Windows): nothing was replaced.
    throw new RestoreFailure(error, await reopen(file));
  }
  const incoming = `${file}.restoring`;
  try {
    durableCopy(backupFile, incoming);
    renameSync(incoming, file);
    const store = await reopen(file);
    // The file replaced was backed up (pre-restore) and verified just before; otherwise it stays aside for IT.
    if (!keepAside) for (const suffix of ['', ...SIDE_FILES]) rmSync(`${aside}${suffix}`, { force: true });
    return store;
  } catch (error) {
    logger.error('The restored copy did not open: putting the previous file back', {
      error: error instanceof Error ? error.message : String(error),
    });
    rmSync(incoming, { force: true });
    for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
    moveWithSideFiles(aside, file);
    throw new RestoreFailure(error, await reopen(file));
  }
}
