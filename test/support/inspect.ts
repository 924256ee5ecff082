/** Reads a store file behind the desk's back, read-only, to check what really landed on disk. */
import Database from 'better-sqlite3';

export type ChangeRow = {
  seq: number;
  txId: string;
  entity: string;
  entityId: string;
  op: string;
  fields: Record<string, unknown>;
  staffId: string | null;
};

export function readTable<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function changeLog(file: string): ChangeRow[] {
  return readTable<{
    seq: number;
    tx_id: string;
    entity: string;
    entity_id: string;
    op: string;
    fields: string;
    staff_id: string | null;
  }>(file, 'SELECT seq, tx_id, entity, entity_id, op, fields, staff_id FROM change_log ORDER BY seq').map((r) => ({
    seq: r.seq,
    txId: r.tx_id,
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    staffId: r.staff_id,
  }));
}

export function count(file: string, table: string): number {
  return readTable<{ n: number }>(file, `SELECT count(*) AS n FROM ${table}`)[0]!.n;
}
