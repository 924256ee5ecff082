/**
 * The backup taken before pending migrations run on an existing store: a migration that goes
 * wrong halfway through a release must not be the end of the store's data. Without a verified
 * copy the migrations do not run, and the app says why instead of starting.
 */
import type { Logger } from '../desk-types';
import { rotateBackups, takeBackup } from './backup';
import { chooseFolder } from './settings';

export async function backupBeforeMigration({
  file,
  now,
  logger,
}: {
  file: string;
  now: number;
  logger: Logger;
}): Promise<void> {
  const choice = chooseFolder(file);
  const entry = await takeBackup({ source: file, folder: choice.folder, kind: 'pre-migration', now });
  if (entry.status !== 'verified') {
    throw new Error(
      `The backup taken before upgrading the database failed its check (${entry.problem ?? 'unknown'}); the database was not upgraded. Call IT.`,
    );
  }
  rotateBackups(choice.folder);
  logger.info('Backup taken before migrating the database', { file: entry.name, folder: choice.folder });
}
