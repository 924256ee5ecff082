/**
 * Which backups to keep: the newest of each of the last 7 days that have a daily backup, then the
 * newest of each of the 4 weeks before those, and a fixed number of the others (manual, before a
 * migration, before a restore). Pure, so it is tested with any dates.
 */
export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';
export const BACKUP_KINDS: ReadonlyArray<BackupKind> = ['daily', 'manual', 'pre-migration', 'pre-restore'];

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_OTHER: Readonly<Record<Exclude<BackupKind, 'daily'>, number>> = {
  manual: 5,
  'pre-migration': 3,
  'pre-restore': 3,
};

export type Rotatable = Readonly<{ name: string; kind: BackupKind; createdAt: string }>;

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** Monday of the date's week, as a day key: weeks are counted like the store's working weeks. */
function weekKey(date: Date): string {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return dayKey(monday);
}

/** The names to delete. A backup with an unreadable time is kept: deleting by a guess is worse than a spare file. */
export function backupsToDelete(backups: ReadonlyArray<Rotatable>): string[] {
  const doomed: string[] = [];
  const newestFirst = [...backups]
    .filter((b) => !Number.isNaN(Date.parse(b.createdAt)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of newestFirst.filter((b) => b.kind === 'daily')) {
    const date = new Date(backup.createdAt);
    const day = dayKey(date);
    if (days.size < KEEP_DAILY && !days.has(day)) {
      days.add(day);
      continue;
    }
    const week = weekKey(date);
    // Once the 7 days are full, older backups compete for the weeks, and a week already
    // represented by one of the 7 days does not take another.
    if (
      days.size >= KEEP_DAILY &&
      !days.has(day) &&
      weeks.size < KEEP_WEEKLY &&
      !weeks.has(week) &&
      !weekOfKeptDays(days, week, newestFirst)
    ) {
      weeks.add(week);
      continue;
    }
    doomed.push(backup.name);
  }
  for (const kind of ['manual', 'pre-migration', 'pre-restore'] as const) {
    newestFirst
      .filter((b) => b.kind === kind)
      .slice(KEEP_OTHER[kind])
      .forEach((b) => doomed.push(b.name));
  }
  return doomed;
}

function weekOfKeptDays(days: ReadonlySet<string>, week: string, backups: ReadonlyArray<Rotatable>): boolean {
  return backups.some(
    (b) => b.kind === 'daily' && days.has(dayKey(new Date(b.createdAt))) && weekKey(new Date(b.createdAt)) === week,
  );
}
