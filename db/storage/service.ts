/**
 * One desk's keeper of its store file: the backups (on demand, daily, before a restore), the
 * backup folder, the daily integrity check in the background, and what is known about damage.
 * The desk (db/desk.ts) gives it a way to swap the open store; everything else about the file
 * lives here.
 */
import { join } from 'node:path';
import type { Logger } from '../desk-types';
import { DeskFailure } from '../handler';
import type { Store } from '../open';
import { listBackups, rotateBackups, takeBackup, type BackupEntry, verifyBackup } from './backup';
import type { BackupSettingsView, BackupSummary, StorageHealth } from './contract';
import { replaceStoreFile } from './restore';
import type { BackupKind } from './rotation';
import { chooseFolder, defaultFolder, folderProblem, readSettings, writeSettings } from './settings';
import { runWorkerJob } from './worker';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Often enough that a store set up a moment ago has its first backup soon; a check only lists the folder. */
const BACKUP_CHECK_MS = 10 * 60_000;
/** The first full check waits until the counter has settled after start. */
const FIRST_INTEGRITY_CHECK_MS = 10 * 60_000;

export type StoreSwap = (replace: (current: Store) => Promise<Store>) => Promise<void>;

export type StorageOptions = {
  file: string;
  now: () => number;
  logger: Logger;
  currentStore: () => Store;
  swapStore: StoreSwap;
  /** Opens the store file as the desk does (migrations, the backup before them). */
  reopen: (file: string) => Promise<Store>;
  /** Announces a change of health or backups (`backup.changed`). */
  changed: () => void;
  /** This PC's log folder, for the diagnostics export (null: no log files kept). */
  logDir?: string | null;
};

function summary(entry: BackupEntry, folder: string): BackupSummary {
  return {
    name: entry.name,
    kind: entry.kind,
    createdAt: entry.createdAt,
    sizeBytes: entry.sizeBytes,
    status: entry.status,
    problem: entry.problem,
    folder,
  };
}

export class StorageService {
  private busy = false;
  private lastAutomaticFailed = false;
  private timers: NodeJS.Timeout[] = [];
  private lastIntegrityCheckAt = 0;

  constructor(private readonly options: StorageOptions) {}

  get file(): string {
    return this.options.file;
  }

  get logDir(): string | null {
    return this.options.logDir ?? null;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  private restoredFrom: { kind: BackupSummary['kind']; createdAt: string } | null = null;

  private damaged(): boolean {
    return this.options.currentStore().health.damage !== null;
  }

  health(): StorageHealth {
    const damage = this.options.currentStore().health.damage;
    const choice = chooseFolder(this.file);
    const backups = this.list();
    const newest = backups.find((b) => b.status === 'verified');
    return {
      damaged: damage ? { foundAt: damage.foundAt, foundBy: damage.foundBy } : null,
      folderWarning:
        choice.unreachable && choice.problem ? { folder: choice.unreachable, problem: choice.problem } : null,
      lastBackupAt: newest?.createdAt ?? null,
      lastBackupFailed: this.lastAutomaticFailed,
      restoredFrom: this.restoredFrom,
      offered: damage
        ? backups
            .filter((b) => b.status === 'verified')
            .map(({ name, kind, createdAt, sizeBytes }) => ({ name, kind, createdAt, sizeBytes }))
        : [],
    };
  }

  /** Backups in the folder in use and in the default folder (where backups went while the chosen one was away), newest first. */
  list(): BackupSummary[] {
    const choice = chooseFolder(this.file);
    const folders = [...new Set([choice.folder, defaultFolder(this.file)])];
    return folders
      .flatMap((folder) => listBackups(folder).map((entry) => summary(entry, folder)))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  settings(): BackupSettingsView {
    const settings = readSettings(this.file);
    const choice = chooseFolder(this.file, settings);
    return {
      folder: settings.folder,
      defaultFolder: defaultFolder(this.file),
      inUse: choice.folder,
      folderWarning:
        choice.unreachable && choice.problem ? { folder: choice.unreachable, problem: choice.problem } : null,
    };
  }

  setFolder(folder: string | null): BackupSettingsView {
    if (folder !== null) {
      const problem = folderProblem(folder);
      if (problem) throw new DeskFailure('validation', problem, 'folder');
    }
    writeSettings(this.file, { folder });
    this.options.changed();
    return this.settings();
  }

  /** Takes a verified backup of the open store into the folder in use, then rotates that folder. */
  async create(kind: BackupKind): Promise<BackupSummary> {
    if (this.damaged()) throw new DeskFailure('database_damaged', 'database_damaged');
    if (this.busy) throw new DeskFailure('busy', 'backup_busy');
    this.busy = true;
    try {
      return await this.backupNow(kind);
    } finally {
      this.busy = false;
    }
  }

  private async backupNow(kind: BackupKind): Promise<BackupSummary> {
    const choice = chooseFolder(this.file);
    if (choice.unreachable)
      this.options.logger.warn('The backup folder is unreachable: backing up to the default folder', {
        folder: choice.unreachable,
        problem: choice.problem,
      });
    const entry = await takeBackup({ source: this.file, folder: choice.folder, kind, now: this.options.now() });
    const deleted = rotateBackups(choice.folder);
    // `file`, not `name`: the logger drops every value under a key called name.
    this.options.logger.info('Backup taken', {
      file: entry.name,
      kind,
      status: entry.status,
      bytes: entry.sizeBytes,
      rotatedOut: deleted.length,
    });
    this.options.changed();
    return summary(entry, choice.folder);
  }

  /**
   * A daily backup when the newest verified one is a day old or missing; checked at start and every
   * 10 minutes. Not before the store is set up: a copy of an empty database would be listed like any
   * other, and restoring it would take the PC back to its first-time setup.
   */
  async dailyBackupIfDue(): Promise<void> {
    if (this.busy || this.damaged() || !this.setUp()) return;
    const newestDaily = this.list().find((b) => b.kind === 'daily' && b.status === 'verified');
    if (
      newestDaily &&
      this.options.now() - Date.parse(newestDaily.createdAt) < DAY_MS &&
      Date.parse(newestDaily.createdAt) <= this.options.now()
    )
      return;
    try {
      const entry = await this.create('daily');
      this.lastAutomaticFailed = entry.status !== 'verified';
    } catch (error) {
      this.lastAutomaticFailed = true;
      this.options.logger.error('The daily backup failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      this.options.changed();
    }
  }

  /**
   * The full `PRAGMA integrity_check`, on a read-only connection in a worker, so the counter works
   * on meanwhile. Damage found marks the store: from then on the dispatcher refuses every write.
   */
  async checkIntegrity(): Promise<ReadonlyArray<string>> {
    const store = this.options.currentStore();
    if (store.health.damage) return store.health.damage.details;
    const { complaints } = await runWorkerJob({
      kind: 'check',
      file: this.file,
      check: 'integrity_check',
      limit: 10,
      foreignKeys: false,
    });
    this.lastIntegrityCheckAt = this.options.now();
    if (complaints.length > 0 && this.options.currentStore() === store) {
      store.health.damage = {
        foundAt: new Date(this.options.now()).toISOString(),
        foundBy: 'daily',
        details: complaints,
      };
      this.options.logger.error('The database file is damaged: writes are stopped', {
        details: complaints.slice(0, 3),
      });
      this.options.changed();
    }
    return complaints;
  }

  private setUp(): boolean {
    const row = this.options.currentStore().sqlite.prepare('SELECT count(*) AS n FROM store').get() as { n: number };
    return row.n > 0;
  }

  /** Starts the daily jobs: a backup check now and every 10 minutes, the integrity check 10 minutes after start and then daily. */
  startSchedule(): void {
    const guard = (job: () => Promise<unknown>, what: string) => () => {
      job().catch((error: unknown) =>
        this.options.logger.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) }),
      );
    };
    const backup = guard(() => this.dailyBackupIfDue(), 'The backup check');
    const integrity = guard(async () => {
      if (this.options.now() - this.lastIntegrityCheckAt >= DAY_MS - HOUR_MS) await this.checkIntegrity();
    }, 'The integrity check');
    backup();
    this.timers.push(
      setInterval(backup, BACKUP_CHECK_MS),
      setTimeout(integrity, FIRST_INTEGRITY_CHECK_MS),
      setInterval(integrity, HOUR_MS),
    );
    for (const timer of this.timers) timer.unref();
  }

  stopSchedule(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
  }

  /**
   * Replaces the database with the verified backup `name`: a backup of the current file first
   * (a damaged file is moved aside instead), then the copy put in place and the store reopened.
   * Sync state rows come back with the copy; sync sees a PC restored from a copy.
   */
  async restore(name: string): Promise<BackupSummary> {
    if (this.busy) throw new DeskFailure('busy', 'backup_busy');
    this.busy = true;
    try {
      const chosen = this.list().find((b) => b.name === name);
      if (!chosen) throw new DeskFailure('not_found', 'backup_not_found');
      // Checked again now: the copy may have been damaged on its drive since it was taken.
      const verdict = await verifyBackup(join(chosen.folder, chosen.name));
      if (verdict.status !== 'verified') {
        this.options.changed();
        throw new DeskFailure('conflict', 'backup_failed_verification');
      }
      const damaged = this.damaged();
      // Without a verified copy of the file being replaced, that file is kept aside rather than deleted.
      const preRestore = damaged ? null : await this.backupNow('pre-restore');
      const keepAside = damaged || preRestore?.status !== 'verified';
      await this.options.swapStore((current) =>
        replaceStoreFile({
          current,
          backupFile: join(chosen.folder, chosen.name),
          damaged,
          keepAside,
          now: this.options.now(),
          reopen: this.options.reopen,
          logger: this.options.logger,
        }),
      );
      this.options.logger.info('Database restored from a backup', {
        file: name,
        kind: chosen.kind,
        createdAt: chosen.createdAt,
        wasDamaged: damaged,
      });
      this.restoredFrom = { kind: chosen.kind, createdAt: chosen.createdAt };
      this.options.changed();
      return chosen;
    } finally {
      this.busy = false;
    }
  }
}
