/** Damaging a store file on purpose, the way a failing disk or a bad copy does, and checking it. */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export function pageInfo(file: string): { pageSize: number; pageCount: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      pageSize: db.pragma('page_size', { simple: true }) as number,
      pageCount: db.pragma('page_count', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

/** Overwrites page `page` (1-based: page 2 starts at offset pageSize) with random bytes. */
export function writeGarbage(file: string, page: number, pageSize: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, pageSize * (page - 1));
  } finally {
    closeSync(fd);
  }
}

/** SQLite's own verdict, on a read-only connection: true when quick_check finds a problem or cannot read the file. */
export function quickCheckComplains(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return !(rows.length === 1 && rows[0]!.quick_check === 'ok');
  } catch {
    return true;
  } finally {
    db.close();
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
