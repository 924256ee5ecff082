/**
 * The merged state of each record a batch touches (SYNC.md §2.3): loaded from `entity_state` before
 * the batch applies its changes in memory (apply.ts), written back once after it.
 */
import { sql, type Transaction } from 'kysely';
import { EMPTY_STATE } from '../db/sync/merge';
import type { RecordState, WireChange } from '../db/sync/protocol';
import { ruleFor, type EntityRule } from '../db/sync/registry';
import type { HqDB } from './db/schema';

/** `known`: head office had the record before this batch (`existed` turns true once the batch creates it). */
export type Working = { state: RecordState; ownerStoreId: string | null; existed: boolean; known: boolean; dirty: boolean; lastSeq: number };

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
    working.set(k, { state: EMPTY_STATE, ownerStoreId: null, existed: false, known: false, dirty: false, lastSeq: 0 });
    entities.push(c.entity);
    ids.push(c.entityId);
  }
  if (entities.length === 0) return working;
  // One indexed lookup per entity (entity = $1 AND entity_id = ANY($2) walks the primary key); a
  // tuple IN over unnest lets the planner scan the whole table, which grows with every store.
  const byEntity = new Map<string, string[]>();
  entities.forEach((entity, i) => byEntity.set(entity, [...(byEntity.get(entity) ?? []), ids[i]!]));
  const rows = { rows: [] as Array<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }> };
  for (const [entity, entityIds] of byEntity) {
    const found = await sql<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }>`
      SELECT entity, entity_id, state, owner_store_id FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${entityIds}::text[])`.execute(trx);
    rows.rows.push(...found.rows);
  }
  for (const row of rows.rows) {
    const w = working.get(stateKey(row.entity, row.entityId))!;
    w.state = row.state;
    w.ownerStoreId = row.ownerStoreId;
    w.existed = true;
    w.known = true;
  }
  return working;
}

export async function saveStates(trx: Transaction<HqDB>, working: Map<string, Working>): Promise<void> {
  // One JSON document for the batch (see appendFeed): states serialised once, no array literals.
  const records: Array<{ e: string; i: string; j: RecordState; o: string | null; c: string; r: string | null; q: number }> = [];
  for (const [k, w] of working) {
    if (!w.dirty) continue;
    const [entity, id] = k.split('\u0000') as [string, string];
    const rule = ruleFor(entity)!;
    records.push({ e: entity, i: id, j: w.state, o: w.ownerStoreId, c: scopeOf(rule, w.ownerStoreId), r: rule.customerOf?.(id, w.state.fields) ?? null, q: w.lastSeq });
  }
  if (records.length === 0) return;
  await sql`
    INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq)
    SELECT e, i, j, o, c, r, q FROM json_to_recordset(${JSON.stringify(records)}::json)
      AS x(e text, i text, j json, o text, c text, r text, q bigint)
    ON CONFLICT (entity, entity_id) DO UPDATE SET state = excluded.state, owner_store_id = excluded.owner_store_id, scope = excluded.scope,
      customer_ref = excluded.customer_ref, updated_seq = excluded.updated_seq, updated_at = now()`.execute(trx);
}
