import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupKind, type Rotatable } from '../../../db/storage/rotation';

function backup(kind: BackupKind, iso: string): Rotatable {
  return { name: `${kind}-${iso}`, kind, createdAt: iso };
}

const DAY = 24 * 60 * 60_000;

describe('backup rotation', () => {
  it('keeps the newest of each of the last 7 days and one for each of the 4 weeks before them', () => {
    // 70 days of daily backups at 02:00 local time, and a second one on some days.
    const start = new Date(2026, 8, 1, 2, 0, 0).getTime();
    const all: Rotatable[] = [];
    for (let d = 0; d < 70; d += 1) {
      all.push(backup('daily', new Date(start + d * DAY).toISOString()));
      if (d % 3 === 0) all.push(backup('daily', new Date(start + d * DAY + 5 * 60 * 60_000).toISOString()));
    }
    const doomed = new Set(backupsToDelete(all));
    const kept = all
      .filter((b) => !doomed.has(b.name))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    expect(kept).toHaveLength(11);
    const newestDay = start + 69 * DAY;
    // The 7 newest days, each by its newest backup.
    for (let i = 0; i < 7; i += 1) {
      const day = new Date(newestDay - i * DAY);
      const ofDay = all
        .filter((b) => new Date(b.createdAt).toDateString() === day.toDateString())
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      expect(kept[i]!.name).toBe(ofDay[0]!.name);
    }
    // Then 4 weekly ones, each in a different week, each older than the dailies, a week apart or so.
    const weekly = kept.slice(7);
    const mondays = weekly.map((b) => {
      const d = new Date(b.createdAt);
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).toDateString();
    });
    expect(new Set(mondays).size).toBe(4);
    for (let i = 1; i < weekly.length; i += 1) {
      const gap = Date.parse(weekly[i - 1]!.createdAt) - Date.parse(weekly[i]!.createdAt);
      expect(gap).toBeGreaterThanOrEqual(6 * DAY - 5 * 60 * 60_000);
      expect(gap).toBeLessThanOrEqual(8 * DAY);
    }
    expect(Date.parse(weekly[3]!.createdAt)).toBeGreaterThan(newestDay - 7 * DAY * 6);
  });

  it('keeps a fixed number of manual, pre-migration and pre-restore copies, newest first, whatever their age', () => {
    const all: Rotatable[] = [];
    for (let i = 0; i < 9; i += 1) {
      const iso = new Date(Date.UTC(2026, 0, 1 + i * 40)).toISOString();
      all.push(backup('manual', iso), backup('pre-migration', iso), backup('pre-restore', iso));
    }
    const doomed = backupsToDelete(all);
    const keptOf = (kind: BackupKind) =>
      all.filter((b) => b.kind === kind && !doomed.includes(b.name)).map((b) => b.createdAt);
    expect(keptOf('manual')).toHaveLength(5);
    expect(keptOf('pre-migration')).toHaveLength(3);
    expect(keptOf('pre-restore')).toHaveLength(3);
    // The newest ones stay.
    expect(keptOf('pre-restore')).toContain(new Date(Date.UTC(2026, 0, 1 + 8 * 40)).toISOString());
    // A daily rotation does not touch the others, and nothing is deleted from a short list.
    expect(backupsToDelete(all.slice(0, 6))).toEqual([]);
  });

  it('keeps a backup whose time cannot be read rather than deleting by a guess', () => {
    expect(backupsToDelete([{ name: 'odd', kind: 'daily', createdAt: 'not a date' }])).toEqual([]);
  });
});
