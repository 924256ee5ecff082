/**
 * The merged state of each record a batch touches (SYNC.md §2.3): loaded from `entity_state` before
 * the batch applies its changes in memory (apply.ts), written back once after it.
 */
import { sql, type Transaction } from 'kysely';
import { expandState } from '../db/sync/compact-state';
import { EMPTY_STATE } from '../db/sync/merge';
import type { RecordState, WireChange } from '../db/sync/protocol';
import { ruleFor, type EntityRule } from '../db/sync/registry';
import type { HqDB } from './db/schema';
import { feedRecord, takeSeqs, type FeedRow } from './feed';
import { jsonArray, StateTexts } from './state-json';

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
      SELECT entity, entity_id, state, owner_store_id FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${entityIds}::text[])`.execute(trx);
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
 * Appends a batch's feed rows and saves its changed states in one statement. Both carry the
 * record's state, the bulk of each row: a record's last feed row usually holds its final state, so
 * that row carries the save too and the state travels and is parsed once. The JSON document goes
 * through one materialised CTE, read by both inserts. The statement also takes the rows' server_seq
 * from feed_head (`k`: a feed row's place in the batch; a saved state's updated_seq is the seq of its
 * record's last feed row, `sk`), so the document is built before anything is sent: the caller may
 * let PostgreSQL work on an earlier statement meanwhile.
 */
export function saveBatch(trx: Transaction<HqDB>, feed: ReadonlyArray<FeedRow>, working: Map<string, Working>, texts = new StateTexts()): Promise<unknown> {
  const lastRowOf = new Map<unknown, number>();
  feed.forEach((row, index) => row.keep && lastRowOf.set(row.keep, index));
  const saves = new Map<number, Record<string, unknown>>();
  const records: string[] = [];
  for (const [key, w] of working) {
    if (!w.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    const rule = ruleFor(entity)!;
    const digits = entity === 'customer_phone' && typeof w.state.fields.digits === 'string' ? w.state.fields.digits : null;
    const index = lastRowOf.get(w);
    const save = { w: true, so: w.ownerStoreId, sc: scopeOf(rule, w.ownerStoreId), sr: rule.customerOf?.(id, w.state.fields) ?? null, sk: index === undefined ? null : index + 1, pd: digits };
    if (index !== undefined && feed[index]!.state === w.state) saves.set(index, save);
    else records.push(texts.row({ e: entity, i: id, ...save }, w.state));
  }
  feed.forEach((row, index) => records.push(feedRecord(row, index + 1, texts, saves.get(index))));
  if (records.length === 0) return Promise.resolve();
  return sql`
    WITH head AS (${takeSeqs(feed.length)}), x AS MATERIALIZED (
      SELECT * FROM json_to_recordset(${jsonArray(records)}::json)
        AS x(k bigint, t text, o text, q bigint, e text, i text, j json, c text, r text, a boolean, w boolean, so text, sc text, sr text, sk bigint, pd text)
    ), feed AS (
      INSERT INTO change_feed (server_seq, tx_id, origin_replica, origin_seq, entity, entity_id, state, scope, customer_ref, altered)
      SELECT head.base + x.k, t, o, q, e, i, j, c, r, a FROM x, head WHERE x.k IS NOT NULL
    )
    INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq, phone_digits)
    SELECT e, i, j, so, sc, sr, coalesce(head.base + x.sk, 0), pd FROM x, head WHERE w
    ON CONFLICT (entity, entity_id) DO UPDATE SET state = excluded.state, owner_store_id = excluded.owner_store_id, scope = excluded.scope,
      customer_ref = excluded.customer_ref, updated_seq = excluded.updated_seq, phone_digits = excluded.phone_digits, updated_at = now()`.execute(trx);
}
