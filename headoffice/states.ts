/**
 * The merged state of each record a batch touches (SYNC.md §2.3): loaded from `entity_state` before
 * the batch applies its changes in memory (apply.ts), written back once after it.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { expandState } from '../db/sync/compact-state';
import { EMPTY_STATE } from '../db/sync/merge';
import type { RecordState, WireChange } from '../db/sync/protocol';
import { ruleFor, type EntityRule } from '../db/sync/registry';
import type { HqDB } from './db/schema';
import { feedColumns, feedRows, insertFeedRows, takeSeqs, type FeedRow } from './feed';
import { stateText } from './state-json';
import { textList } from './text-list';

/** `known`: head office had the record before this batch (`existed` turns true once the batch creates it). */
export type Working = { state: RecordState; ownerStoreId: string | null; existed: boolean; known: boolean; dirty: boolean };

export function scopeOf(rule: EntityRule, ownerStoreId: string | null): string {
  if (rule.scope === 'store') return ownerStoreId ?? 'hq_only';
  return rule.scope;
}

/** The working map's key of one record. */
export function stateKey(entity: string, entityId: string): string {
  return `${entity}\u0000${entityId}`;
}

export async function loadStates(trx: Transaction<HqDB>, changes: ReadonlyArray<WireChange>): Promise<Map<string, Working>> {
  const working = new Map<string, Working>();
  const entities: string[] = [];
  const ids: string[] = [];
  for (const c of changes) {
    const k = stateKey(c.entity, c.entityId);
    if (working.has(k)) continue;
    working.set(k, { state: EMPTY_STATE, ownerStoreId: null, existed: false, known: false, dirty: false });
    entities.push(c.entity);
    ids.push(c.entityId);
  }
  if (entities.length === 0) return working;
  // One indexed lookup per entity (entity = $1 AND entity_id = ANY($2) walks the primary key); a
  // tuple IN over unnest lets the planner scan the whole table, which grows with every store.
  const byEntity = new Map<string, string[]>();
  entities.forEach((entity, i) => {
    const list = byEntity.get(entity);
    if (list) list.push(ids[i]!);
    else byEntity.set(entity, [ids[i]!]);
  });
  const rows = { rows: [] as Array<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }> };
  for (const [entity, entityIds] of byEntity) {
    const found = await sql<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }>`
      SELECT entity, entity_id, state, owner_store_id FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${textList(entityIds)})`.execute(trx);
    rows.rows.push(...found.rows);
  }
  for (const row of rows.rows) {
    const w = working.get(stateKey(row.entity, row.entityId))!;
    w.state = expandState(row.state);
    w.ownerStoreId = row.ownerStoreId;
    w.existed = true;
    w.known = true;
  }
  return working;
}

/**
 * The statement that appends a batch's feed rows and saves its changed states (built here, run by
 * the caller). Both carry the record's state, the bulk of each row: a record's last feed row
 * usually holds its final state, so its save names that row (`sk`, its place in the batch) instead
 * of sending the state again, and the state travels and is parsed once. The statement takes the
 * rows' server_seq from feed_head itself (a saved state's updated_seq is the seq of its record's last
 * feed row), so it is built before anything is sent and the caller can queue it behind other
 * statements. A record head office did not have when the batch loaded it is a plain insert (every
 * writer of entity_state holds the feed lock, so nobody can have added it since); the others are
 * upserts.
 */
export function batchStatement(feed: ReadonlyArray<FeedRow>, working: Map<string, Working>): RawBuilder<unknown> | null {
  const lastRowOf = new Map<unknown, number>();
  feed.forEach((row, index) => row.keep && lastRowOf.set(row.keep, index));
  const saves = { e: [] as string[], i: [] as string[], j: [] as Array<string | null>, so: [] as Array<string | null>, sc: [] as string[], sr: [] as Array<string | null>, sk: [] as Array<number | null>, pd: [] as Array<string | null>, n: [] as boolean[] };
  for (const [key, w] of working) {
    if (!w.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    const rule = ruleFor(entity)!;
    const index = lastRowOf.get(w);
    saves.e.push(entity);
    saves.i.push(id);
    saves.j.push(index !== undefined && feed[index]!.state === w.state ? null : stateText(w.state));
    saves.so.push(w.ownerStoreId);
    saves.sc.push(scopeOf(rule, w.ownerStoreId));
    saves.sr.push(rule.customerOf?.(id, w.state.fields) ?? null);
    saves.sk.push(index === undefined ? null : index + 1);
    saves.pd.push(entity === 'customer_phone' && typeof w.state.fields.digits === 'string' ? w.state.fields.digits : null);
    saves.n.push(!w.known);
  }
  if (feed.length === 0 && saves.e.length === 0) return null;
  return sql`
    WITH head AS (${takeSeqs(feed.length)}), fx AS MATERIALIZED (${feedRows(feedColumns(feed))}), feed AS (${insertFeedRows}),
    sx AS MATERIALIZED (
      SELECT s.e, s.i, coalesce(s.j::json, fx.j) AS j, s.so, s.sc, s.sr, s.sk, s.pd, s.n
      FROM unnest(${textList(saves.e)}, ${textList(saves.i)}, ${textList(saves.j)}, ${textList(saves.so)}, ${textList(saves.sc)}, ${textList(saves.sr)}, ${saves.sk}::bigint[], ${textList(saves.pd)}, ${saves.n}::boolean[])
        AS s(e, i, j, so, sc, sr, sk, pd, n)
      LEFT JOIN fx ON s.j IS NULL AND fx.ord = s.sk
    ), fresh AS (
      INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq, phone_digits)
      SELECT e, i, j, so, sc, sr, coalesce(head.base + sk, 0), pd FROM sx, head WHERE n
    )
    INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq, phone_digits)
    SELECT e, i, j, so, sc, sr, coalesce(head.base + sk, 0), pd FROM sx, head WHERE NOT n
    ON CONFLICT (entity, entity_id) DO UPDATE SET state = excluded.state, owner_store_id = excluded.owner_store_id, scope = excluded.scope,
      customer_ref = excluded.customer_ref, updated_seq = excluded.updated_seq, phone_digits = excluded.phone_digits, updated_at = now()`;
}
