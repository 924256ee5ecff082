/**
 * A store's sync problems, readable at head office: the changes it refused from the store's PCs
 * (the reason's code, which the console words in its language, and the fields, customers'
 * personal data masked unless the role may unmask), the clock skews it re-stamped, and the
 * conflicts where a PC's value lost to another. Paged, newest first, by the indexes of migration 0013.
 */
import { sql, type Kysely } from 'kysely';
import type { HqDB } from '../../db/schema';
import type { ProblemKind, ProblemPage } from '../contract/stores';
import { maskField, maskFields } from '../masking';
import { findStore } from './store-records';

type Paging = { kind: ProblemKind; page: number; pageSize: number };

export async function syncProblems(
  db: Kysely<HqDB>,
  storeCode: string,
  { kind, page, pageSize }: Paging,
  { unmask }: { unmask: boolean },
): Promise<ProblemPage> {
  const store = await findStore(db, storeCode);
  const offset = (page - 1) * pageSize;
  if (kind === 'refused') {
    const [rows, total] = await Promise.all([
      db
        .selectFrom('rejectedChange as x')
        .leftJoin('device as d', 'd.id', 'x.deviceId')
        .select([
          'x.id',
          'x.receivedAt',
          'd.name as device',
          'x.entity',
          'x.entityId',
          'x.op',
          'x.code',
          'x.reason',
          'x.fields',
        ])
        .where('x.storeId', '=', store.id)
        .orderBy('x.id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      countOf(sql`SELECT count(*)::int AS n FROM rejected_change WHERE store_id = ${store.id}`, db),
    ]);
    return {
      kind,
      total,
      rows: rows.map((r) => ({
        ...r,
        receivedAt: r.receivedAt.toISOString(),
        fields: unmask ? r.fields : maskFields(r.entity, r.fields),
      })),
    };
  }
  if (kind === 'skews') {
    const rows = await sql<{
      id: number;
      loggedAt: Date;
      device: string | null;
      skewMs: number;
      hlc: string;
      restamped: string;
    }>`
      SELECT k.id, k.logged_at, d.name AS device, k.skew_ms, k.hlc, k.restamped
      FROM clock_skew k JOIN replica r ON r.id = k.replica_id LEFT JOIN device d ON d.id = r.device_id
      WHERE r.store_id = ${store.id} ORDER BY k.id DESC LIMIT ${pageSize} OFFSET ${offset}`.execute(db);
    const total = await countOf(
      sql`SELECT count(*)::int AS n FROM clock_skew k JOIN replica r ON r.id = k.replica_id WHERE r.store_id = ${store.id}`,
      db,
    );
    return { kind, total, rows: rows.rows.map((r) => ({ ...r, loggedAt: r.loggedAt.toISOString() })) };
  }
  const rows = await sql<{
    id: number;
    loggedAt: Date;
    device: string | null;
    entity: string;
    entityId: string;
    field: string;
    winnerValue: unknown;
    loserValue: unknown;
  }>`
    SELECT c.id, c.logged_at, d.name AS device, c.entity, c.entity_id, c.field, c.winner_value, c.loser_value
    FROM conflict_log c JOIN replica r ON r.id = c.loser_replica LEFT JOIN device d ON d.id = r.device_id
    WHERE r.store_id = ${store.id} ORDER BY c.id DESC LIMIT ${pageSize} OFFSET ${offset}`.execute(db);
  const total = await countOf(
    sql`SELECT count(*)::int AS n FROM conflict_log c JOIN replica r ON r.id = c.loser_replica WHERE r.store_id = ${store.id}`,
    db,
  );
  return {
    kind,
    total,
    rows: rows.rows.map((r) => ({
      ...r,
      loggedAt: r.loggedAt.toISOString(),
      winnerValue: unmask ? r.winnerValue : maskField(r.entity, r.field, r.winnerValue),
      loserValue: unmask ? r.loserValue : maskField(r.entity, r.field, r.loserValue),
    })),
  };
}

async function countOf(query: ReturnType<typeof sql>, db: Kysely<HqDB>): Promise<number> {
  const result = await (query as ReturnType<typeof sql<{ n: number }>>).execute(db);
  return result.rows[0]?.n ?? 0;
}
