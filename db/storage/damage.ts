/**
 * What "damaged" means for the store file, and how a damage report is made from SQLite's answers.
 * A damaged file is never written again by the app: every write could spread the damage, and the
 * newest good backup is what the counter goes back to.
 */
import type Database from 'better-sqlite3';

export type DamageReport = Readonly<{
  /** When it was found (ISO). */
  foundAt: string;
  /** 'start' (the check when the app opens the file) or 'daily' (the background integrity check). */
  foundBy: 'start' | 'daily';
  /** SQLite's first complaints, for IT; never shown as the counter's message. */
  details: ReadonlyArray<string>;
}>;

/** SQLite result codes that mean the bytes of the file are wrong, as opposed to busy, locked or missing. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.test(code);
}

/** Runs `PRAGMA <check>(limit)` and returns its complaints (empty when the answer is "ok"); a damage error counts as a complaint. */
export function runCheck(sqlite: Database.Database, check: 'quick_check' | 'integrity_check', limit: number): string[] {
  try {
    const rows = sqlite.pragma(`${check}(${limit})`, { simple: false }) as Array<Record<string, unknown>>;
    const lines = rows.map((row) => String(Object.values(row)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    if (isDamageError(error)) return [`${(error as { code: string }).code}: ${(error as Error).message}`];
    throw error;
  }
}
