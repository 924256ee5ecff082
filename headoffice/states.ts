/**
 * The merged state of each record a batch touches (docs/SYNC.md §2.3): loaded from `entity_state` before
 * the batch applies its changes in memory (apply.ts), written back once after it.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { expandState } from '../db/sync/compact-state';
import { EMPTY_STATE } from '../db/sync/merge';
import { recordKey, type RecordState, type WireChange } from '../db/sync/protocol';
import { type Working } from './batch-types';
import type { HqDB } from './db/schema';
import { indexedPhoneDigits } from './duplicate-phones';
import { ruleFor, type EntityRule } from './entities';
import { fanOutCustomerRows, feedColumns, feedRows, insertFeedRows, takeSeqs, type FeedRow } from './feed';
import { stateText } from './state-json';
import { textList } from './text-list';

export function scopeOf(rule: EntityRule, ownerStoreId: string | null): string {
  if (rule.scope === 'store') return ownerStoreId ?? 'hq_only';
  return rule.scope;
}

export async function loadStates(
  trx: Transaction<HqDB>,
  changes: ReadonlyArray<WireChange>,
): Promise<Map<string, Working>> {
  const working = new Map<string, Working>();
  const entities: string[] = [];
  const ids: string[] = [];
  for (const c of changes) {
    const k = recordKey(c.entity, c.entityId);
    if (working.has(k)) continue;
    working.set(k, { state: EMPTY_STATE, ownerStoreId: null, existed: false, known: false, dirty: false });
    entities.push(c.entity);
    ids.push(c.entityId);
  }
  if (entities.length === 0) return working;
  // One statement, one primary-key probe per record (CROSS JOIN LATERAL): a push holds the feed lock
  // while it loads, so a round trip per entity kind was a wait for this process per kind with every
  // other push queued behind it. A tuple IN over unnest lets the planner scan the whole table,
  // which grows with every store.
  const rows = await sql<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }>`
    SELECT s.entity, s.entity_id, s.state, s.owner_store_id
    FROM unnest(${textList(entities)}, ${textList(ids)}) AS k(entity, entity_id)
    CROSS JOIN LATERAL (SELECT entity, entity_id, state, owner_store_id FROM entity_state e
      WHERE e.entity = k.entity AND e.entity_id = k.entity_id) s`.execute(trx);
  for (const row of rows.rows) {
    const w = working.get(recordKey(row.entity, row.entityId))!;
    w.state = expandState(row.state);
    w.ownerStoreId = row.ownerStoreId;
    w.existed = true;
    w.known = true;
  }
  return working;
}

/**
 * One column array per entity_state column a batch saves, for unnest. `lastFeedRow` is the place in
 * the batch (`ord`) of the record's last feed row, whose state the save takes when `states` has
 * null for it; `isNew` marks a record head office did not have when the batch loaded it.
 */
type StateSaves = {
  entities: string[];
  entityIds: string[];
  states: Array<string | null>;
  ownerStoreIds: Array<string | null>;
  scopes: string[];
  customerRefs: Array<string | null>;
  lastFeedRows: Array<number | null>;
  phoneDigits: Array<string | null>;
  isNew: boolean[];
};

/**
 * The statement that appends a batch's feed rows and saves its changed states (built here, run by
 * the caller). Both carry the record's state, the bulk of each row: a record's last feed row
 * usually holds its final state, so its save names that row (`last_feed_row`, its place in the
 * batch) instead of sending the state again, and the state travels and is parsed once. The
 * statement takes the rows' server_seq from feed_head itself (a saved state's updated_seq is the
 * seq of its record's last feed row), so it is built before anything is sent and the caller can
 * queue it behind other statements. A record head office did not have when the batch loaded it is
 * a plain insert (every writer of entity_state holds the feed lock, so nobody can have added it
 * since); the others are upserts.
 */
export function batchStatement(
  feed: ReadonlyArray<FeedRow>,
  working: Map<string, Working>,
): RawBuilder<unknown> | null {
  const lastRowOf = new Map<unknown, number>();
  feed.forEach((row, index) => row.keep && lastRowOf.set(row.keep, index));
  const saves: StateSaves = {
    entities: [],
    entityIds: [],
    states: [],
    ownerStoreIds: [],
    scopes: [],
    customerRefs: [],
    lastFeedRows: [],
    phoneDigits: [],
    isNew: [],
  };
  for (const [key, w] of working) {
    if (!w.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    const rule = ruleFor(entity)!;
    const index = lastRowOf.get(w);
    saves.entities.push(entity);
    saves.entityIds.push(id);
    saves.states.push(index !== undefined && feed[index]!.state === w.state ? null : stateText(w.state));
    saves.ownerStoreIds.push(w.ownerStoreId);
    saves.scopes.push(scopeOf(rule, w.ownerStoreId));
    saves.customerRefs.push(rule.customerOf?.(id, w.state.fields) ?? null);
    saves.lastFeedRows.push(index === undefined ? null : index + 1);
    saves.phoneDigits.push(indexedPhoneDigits(entity, w.state.fields));
    saves.isNew.push(!w.known);
  }
  if (feed.length === 0 && saves.entities.length === 0) return null;
  return sql`
    WITH head AS (${takeSeqs(feed.length)}), batch_feed AS MATERIALIZED (${feedRows(feedColumns(feed))}), appended AS (${insertFeedRows}),
    fanned AS (${fanOutCustomerRows}),
    saves AS MATERIALIZED (
      SELECT s.entity, s.entity_id, coalesce(s.state::json, f.state) AS state, s.owner_store_id, s.scope, s.customer_ref, s.last_feed_row, s.phone_digits, s.is_new
      FROM unnest(${textList(saves.entities)}, ${textList(saves.entityIds)}, ${textList(saves.states)}, ${textList(saves.ownerStoreIds)}, ${textList(saves.scopes)},
        ${textList(saves.customerRefs)}, ${saves.lastFeedRows}::bigint[], ${textList(saves.phoneDigits)}, ${saves.isNew}::boolean[])
        AS s(entity, entity_id, state, owner_store_id, scope, customer_ref, last_feed_row, phone_digits, is_new)
      LEFT JOIN batch_feed f ON s.state IS NULL AND f.ord = s.last_feed_row
    ), inserted AS (
      INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq, phone_digits)
      SELECT entity, entity_id, state, owner_store_id, scope, customer_ref, coalesce(head.base + last_feed_row, 0), phone_digits FROM saves, head WHERE is_new
    )
    INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq, phone_digits)
    SELECT entity, entity_id, state, owner_store_id, scope, customer_ref, coalesce(head.base + last_feed_row, 0), phone_digits FROM saves, head WHERE NOT is_new
    ON CONFLICT (entity, entity_id) DO UPDATE SET state = excluded.state, owner_store_id = excluded.owner_store_id, scope = excluded.scope,
      customer_ref = excluded.customer_ref, updated_seq = excluded.updated_seq, phone_digits = excluded.phone_digits, updated_at = now()`;
}
